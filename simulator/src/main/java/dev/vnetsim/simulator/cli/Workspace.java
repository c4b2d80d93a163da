package dev.vnetsim.simulator.cli;

import dev.vnetsim.simulator.whatif.Memo;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * What commands read and compile, kept between commands of one process. A one-shot run keeps nothing. {@code vnetsim
 * serve} keeps the last value of each kind (the topology read, the service-tag catalogue, compiled data planes), each
 * under a key of everything it was made from: input files by path, size, modification time and file key (a file
 * changed on disk is read again), immutable values by identity. A value is never kept when making it failed.
 */
final class Workspace implements Memo {
  private final boolean resident;
  private final Map<String, Slot> slots = new HashMap<>();

  private record Slot(Object key, Object value) {}

  private Workspace(boolean resident) {
    this.resident = resident;
  }

  static Workspace oneShot() {
    return new Workspace(false);
  }

  static Workspace resident() {
    return new Workspace(true);
  }

  boolean isResident() {
    return resident;
  }

  @Override
  @SuppressWarnings("unchecked")
  public synchronized <V> V get(String kind, Object key, Supplier<V> make) {
    if (!resident) {
      return make.get();
    }
    Slot s = slots.get(kind);
    if (s != null && s.key().equals(key)) {
      return (V) s.value();
    }
    slots.remove(kind); // let the old value go before making the new one (a large estate is held once)
    V v = make.get();
    slots.put(kind, new Slot(key, v));
    return v;
  }

  @Override
  public boolean keeps() {
    return resident;
  }

  /** How many values are kept (tests). */
  synchronized int size() {
    return slots.size();
  }

  /** One input file as it is on disk now. */
  record FileStamp(Path path, long size, FileTime modified, Object fileKey) {
    static FileStamp of(Path p) {
      Path abs = p.toAbsolutePath().normalize();
      try {
        BasicFileAttributes a = Files.readAttributes(abs, BasicFileAttributes.class);
        return new FileStamp(abs, a.size(), a.lastModifiedTime(), a.fileKey());
      } catch (IOException e) {
        return new FileStamp(abs, -1, null, null); // missing: reading it gives the error, and nothing is kept
      }
    }
  }

  /** Every file under {@code paths} (folders walked), stamped: equal stamps, the same input. */
  static List<FileStamp> stamps(List<Path> paths) {
    List<FileStamp> out = new ArrayList<>();
    for (Path p : paths) {
      if (Files.isDirectory(p)) {
        try (Stream<Path> walk = Files.walk(p)) {
          walk.filter(Files::isRegularFile).sorted(Comparator.comparing(Path::toString))
              .forEach(f -> out.add(FileStamp.of(f)));
        } catch (IOException | java.io.UncheckedIOException e) {
          out.add(new FileStamp(p.toAbsolutePath(), -1, FileTime.fromMillis(System.nanoTime()), null)); // read again
        }
      } else {
        out.add(FileStamp.of(p));
      }
    }
    return out;
  }
}
