package dev.vnetsim.simulator.whatif;

import java.util.function.Supplier;

/**
 * Where an analysis may find what an earlier one in the same process already built (a compiled side), keyed by what
 * it is built from. A one-shot run keeps nothing ({@link #none()}); a resident process ({@code vnetsim serve}) keeps
 * the last value of each kind. A value found here must be the one {@code make} would build: keys hold every input,
 * by value or by identity.
 */
@FunctionalInterface
public interface Memo {

  <V> V get(String kind, Object key, Supplier<V> make);

  /**
   * Whether values are kept for later analyses (a resident process): then an analysis of no change also makes what
   * a later change will look for first (the before side's requirement rows), so that a preload warms them.
   */
  default boolean keeps() {
    return false;
  }

  /** Builds every time. */
  static Memo none() {
    return new Memo() {
      @Override
      public <V> V get(String kind, Object key, Supplier<V> make) {
        return make.get();
      }
    };
  }

  /** A key part compared by identity (an immutable topology or catalogue: the same instance, the same content). */
  record Same(Object value) {
    @Override
    public boolean equals(Object o) {
      return o instanceof Same s && s.value == value;
    }

    @Override
    public int hashCode() {
      return System.identityHashCode(value);
    }
  }
}
