package dev.vnetsim.simulator.whatif;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinTask;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.IntConsumer;

/**
 * Runs independent tasks {@code 0 … n-1} on the calling thread and as many of the common fork-join pool's workers as
 * its parallelism (one fewer than the processors unless {@code java.util.concurrent.ForkJoinPool.common.parallelism}
 * says otherwise).
 * Each worker takes the next task when it is done with one, so that a few long tasks do not hold up the rest. The
 * first task to throw stops the others from being started, and its exception, as thrown, is rethrown to the caller.
 */
final class Workers {
  private Workers() {}

  static void forEach(int n, IntConsumer task) {
    AtomicInteger next = new AtomicInteger();
    AtomicReference<Throwable> failure = new AtomicReference<>();
    Runnable worker = () -> {
      for (int i = next.getAndIncrement(); i < n && failure.get() == null; i = next.getAndIncrement()) {
        try {
          task.accept(i);
        } catch (Throwable t) {
          failure.compareAndSet(null, t);
        }
      }
    };
    int helpers = Math.min(n - 1, ForkJoinPool.getCommonPoolParallelism());
    List<ForkJoinTask<?>> started = new ArrayList<>();
    for (int i = 0; i < helpers; i++) {
      started.add(ForkJoinPool.commonPool().submit(worker));
    }
    worker.run();
    started.forEach(ForkJoinTask::join); // a worker's own exceptions are caught above: join only waits
    Throwable t = failure.get();
    if (t instanceof RuntimeException e) {
      throw e;
    }
    if (t instanceof Error e) {
      throw e;
    }
    if (t != null) {
      throw new IllegalStateException(t); // IntConsumer throws no checked exception; kept for completeness
    }
  }
}
