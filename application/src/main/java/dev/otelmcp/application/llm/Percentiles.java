package dev.otelmcp.application.llm;

import java.util.Arrays;
import java.util.Collection;

/**
 * Mean, min, max and percentiles of a sample, with linear interpolation between the closest ranks at
 * index {@code (n - 1) · p} (the method of numpy's default and of the reference implementation).
 */
public record Percentiles(double mean, double min, double max, double p50, double p95, double p99) {

  public static final Percentiles EMPTY = new Percentiles(0, 0, 0, 0, 0, 0);

  public static Percentiles of(Collection<? extends Number> values) {
    if (values.isEmpty()) {
      return EMPTY;
    }
    double[] sorted = values.stream().mapToDouble(Number::doubleValue).sorted().toArray();
    double mean = Arrays.stream(sorted).sum() / sorted.length;
    return new Percentiles(round(mean), sorted[0], sorted[sorted.length - 1],
        round(at(sorted, 0.50)), round(at(sorted, 0.95)), round(at(sorted, 0.99)));
  }

  /** The same for amounts in USD, kept to a billionth of a dollar (calls cost fractions of a cent). */
  public static Percentiles ofMoney(Collection<? extends Number> values) {
    if (values.isEmpty()) {
      return EMPTY;
    }
    double[] sorted = values.stream().mapToDouble(Number::doubleValue).sorted().toArray();
    double mean = Arrays.stream(sorted).sum() / sorted.length;
    return new Percentiles(Money.round(mean), Money.round(sorted[0]), Money.round(sorted[sorted.length - 1]),
        Money.round(at(sorted, 0.50)), Money.round(at(sorted, 0.95)), Money.round(at(sorted, 0.99)));
  }

  static double at(double[] sorted, double p) {
    double index = (sorted.length - 1) * p;
    int lower = (int) Math.floor(index);
    int upper = Math.min(lower + 1, sorted.length - 1);
    return sorted[lower] + (sorted[upper] - sorted[lower]) * (index - lower);
  }

  /** Three decimals: milliseconds to the microsecond, token counts to a thousandth. */
  private static double round(double value) {
    return Math.round(value * 1000) / 1000.0;
  }
}
