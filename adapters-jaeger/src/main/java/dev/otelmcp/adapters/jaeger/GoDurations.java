package dev.otelmcp.adapters.jaeger;

import java.time.Duration;

/** Durations in the form Go's {@code time.ParseDuration} reads, which both Jaeger APIs expect. */
final class GoDurations {

  private static final long MICRO = 1_000L;
  private static final long MILLI = 1_000_000L;
  private static final long SECOND = 1_000_000_000L;

  private GoDurations() {}

  /** The largest exact unit: {@code 2s}, {@code 100ms}, {@code 1500us}, {@code 1ns}. */
  static String format(Duration duration) {
    long nanos = duration.toNanos();
    if (nanos % SECOND == 0) {
      return nanos / SECOND + "s";
    }
    if (nanos % MILLI == 0) {
      return nanos / MILLI + "ms";
    }
    if (nanos % MICRO == 0) {
      return nanos / MICRO + "us";
    }
    return nanos + "ns";
  }
}
