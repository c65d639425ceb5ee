package dev.otelmcp.domain.pricing;

/**
 * What one call cost, in USD: its input side (uncached input, cache reads and writes), its output side, and the
 * total, which also holds per-request fees.
 */
public record CallCost(double inputUsd, double outputUsd, double totalUsd) {

  public static final CallCost ZERO = new CallCost(0, 0, 0);

  public CallCost plus(CallCost other) {
    return new CallCost(inputUsd + other.inputUsd, outputUsd + other.outputUsd, totalUsd + other.totalUsd);
  }
}
