package dev.otelmcp.domain.model;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/** A half-open UTC time window {@code [start, end)} that every search and aggregate runs over. */
public record TimeRange(Instant start, Instant end) {

  public TimeRange {
    Objects.requireNonNull(start, "start");
    Objects.requireNonNull(end, "end");
    if (!end.isAfter(start)) {
      throw new IllegalArgumentException("end " + end + " must be after start " + start);
    }
  }

  public static TimeRange lastDuration(Instant now, Duration length) {
    return new TimeRange(now.minus(length), now);
  }

  public Duration length() {
    return Duration.between(start, end);
  }

  public boolean contains(Instant instant) {
    return !instant.isBefore(start) && instant.isBefore(end);
  }
}
