package dev.otelmcp.bootstrap.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** Small helpers of the benchmarks: medians, rounded run lists, durations written as {@code 90s}, {@code 10m}. */
final class Stats {

  private Stats() {}

  static double median(double[] values) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    int n = sorted.length;
    return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
  }

  static List<Long> rounded(double[] values) {
    List<Long> out = new ArrayList<>();
    for (double v : values) {
      out.add(Math.round(v));
    }
    return out;
  }

  /** {@code 500ms}, {@code 90s}, {@code 10m}, {@code 1h}. */
  static Duration duration(String text) {
    String t = text.strip().toLowerCase(Locale.ROOT);
    if (t.endsWith("ms")) {
      return Duration.ofMillis(Long.parseLong(t.substring(0, t.length() - 2)));
    }
    long n = Long.parseLong(t.substring(0, t.length() - 1));
    switch (t.charAt(t.length() - 1)) {
      case 's':
        return Duration.ofSeconds(n);
      case 'm':
        return Duration.ofMinutes(n);
      case 'h':
        return Duration.ofHours(n);
      default:
        throw new IllegalArgumentException("a duration such as 90s or 10m, got " + text);
    }
  }
}
