package dev.vnetsim.servicetag;

import static com.google.common.base.Preconditions.checkNotNull;

import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/**
 * Which service-tag snapshot answered: the cloud, the file's top-level change number, its date (from the
 * {@code _YYYYMMDD} part of the file name, when there is one), where it was read from, and whether it is the
 * bundled sample rather than Microsoft's data.
 */
public record SnapshotProvenance(
    String cloud, long changeNumber, Optional<LocalDate> date, String source, boolean bundledSample) {

  /** Snapshots older than this many days draw a warning. */
  public static final int STALE_AFTER_DAYS = 30;

  public SnapshotProvenance {
    checkNotNull(cloud, "cloud");
    checkNotNull(date, "date");
    checkNotNull(source, "source");
  }

  /**
   * One line naming the snapshot, e.g. {@code Public changeNumber 374 of 2025-10-20 from
   * /data/ServiceTags_Public_20251020.json} or {@code bundled sample (Public changeNumber 1, not Microsoft's data)}.
   */
  public String describe() {
    if (bundledSample) {
      return "bundled sample (" + cloud + " changeNumber " + changeNumber + ", not Microsoft's data)";
    }
    String when = date.map(d -> " of " + d).orElse(", date unknown");
    return cloud + " changeNumber " + changeNumber + when + " from " + source;
  }

  /** {@link #stalenessWarning(LocalDate)} for today's date in UTC on {@code clock}. */
  public Optional<String> stalenessWarning(Clock clock) {
    return stalenessWarning(LocalDate.ofInstant(clock.instant(), java.time.ZoneOffset.UTC));
  }

  /**
   * A warning when the snapshot should not be trusted for today's answers: always for the bundled sample, and for
   * a dated snapshot more than {@value #STALE_AFTER_DAYS} days older than {@code today}. Undated snapshots (the REST
   * shape under a name without {@code _YYYYMMDD}) draw none.
   */
  public Optional<String> stalenessWarning(LocalDate today) {
    if (bundledSample) {
      return Optional.of("service tags come from the bundled sample (a handful of prefixes per tag, not Microsoft's "
          + "data); run 'vnetsim tags update' or pass --service-tags FILE");
    }
    if (date.isEmpty()) {
      return Optional.empty();
    }
    long age = ChronoUnit.DAYS.between(date.get(), today);
    if (age <= STALE_AFTER_DAYS) {
      return Optional.empty();
    }
    return Optional.of("service-tag snapshot " + cloud + " changeNumber " + changeNumber + " of " + date.get()
        + " is " + age + " days old (more than " + STALE_AFTER_DAYS + "); run 'vnetsim tags update' or pass a newer "
        + "--service-tags FILE");
  }

  /** The same snapshot read from {@code newSource}. */
  SnapshotProvenance withSource(String newSource) {
    return new SnapshotProvenance(cloud, changeNumber, date, newSource, bundledSample);
  }
}
