package dev.otelmcp.application.trace;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Lengths of time covered by possibly overlapping intervals, overlaps counted once. */
public final class Intervals {

  /** A span of time; {@code end} not before {@code start}. */
  public record Interval(Instant start, Instant end) {}

  private Intervals() {}

  /** The length of the union of the intervals. */
  public static Duration union(List<Interval> intervals) {
    List<Interval> sorted = new ArrayList<>(intervals);
    sorted.sort(Comparator.comparing(Interval::start));
    long nanos = 0;
    Instant from = null;
    Instant to = null;
    for (Interval interval : sorted) {
      if (!interval.end().isAfter(interval.start())) {
        continue;
      }
      if (to == null || interval.start().isAfter(to)) {
        if (to != null) {
          nanos += Duration.between(from, to).toNanos();
        }
        from = interval.start();
        to = interval.end();
      } else if (interval.end().isAfter(to)) {
        to = interval.end();
      }
    }
    if (to != null) {
      nanos += Duration.between(from, to).toNanos();
    }
    return Duration.ofNanos(nanos);
  }
}
