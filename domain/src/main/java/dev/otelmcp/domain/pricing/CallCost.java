package dev.otelmcp.domain.pricing;

/**
 * What one call cost, in USD: its input side (uncached input, cache reads and writes), its output side, and the
 * total, which also holds per-request fees.
 */
public record CallCost(double inputUsd, double outputUsd, double totalUsd) {}
