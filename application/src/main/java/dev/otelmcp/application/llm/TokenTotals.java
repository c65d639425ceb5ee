package dev.otelmcp.application.llm;

import dev.otelmcp.domain.llm.LlmCall;

/**
 * Sums over LLM calls: how many, how many failed, each token figure, and what they cost. Cache and reasoning tokens
 * are subsets of input and output and are summed beside them, never into the total. {@code costIsPartial} (with the
 * number of calls left out) says when some calls could not be priced: their cost is not in {@code costUsd}.
 */
public record TokenTotals(
    long requestCount,
    long errorCount,
    long inputTokens,
    long outputTokens,
    long totalTokens,
    long cacheReadInputTokens,
    long cacheCreationInputTokens,
    long reasoningTokens,
    double costUsd,
    Boolean costIsPartial,
    Long unpricedRequestCount) {

  /** The cost, reported to a billionth of a dollar (the sum itself keeps full precision). */
  @Override
  public double costUsd() {
    return Money.round(costUsd);
  }

  /** Calls whose cost is not in {@code costUsd}. */
  public long unpriced() {
    return unpricedRequestCount == null ? 0 : unpricedRequestCount;
  }

  public static TokenTotals of(Iterable<LlmCall> calls) {
    TokenSums sums = new TokenSums();
    calls.forEach(sums::add);
    return sums.totals();
  }
}
