package dev.otelmcp.application.llm;

import dev.otelmcp.domain.llm.LlmCall;

/**
 * Sums over LLM calls: how many, how many failed, and each token figure. Cache and reasoning tokens
 * are subsets of input and output and are summed beside them, never into the total.
 */
public record TokenTotals(
    long requestCount,
    long errorCount,
    long inputTokens,
    long outputTokens,
    long totalTokens,
    long cacheReadInputTokens,
    long cacheCreationInputTokens,
    long reasoningTokens) {

  public static final TokenTotals ZERO = new TokenTotals(0, 0, 0, 0, 0, 0, 0, 0);

  public TokenTotals plus(LlmCall call) {
    return new TokenTotals(
        requestCount + 1,
        errorCount + (call.failed() ? 1 : 0),
        inputTokens + call.usage().inputOrZero(),
        outputTokens + call.usage().outputOrZero(),
        totalTokens + call.usage().total(),
        cacheReadInputTokens + call.usage().cacheReadOrZero(),
        cacheCreationInputTokens + call.usage().cacheCreationOrZero(),
        reasoningTokens + call.usage().reasoningOrZero());
  }

  public static TokenTotals of(Iterable<LlmCall> calls) {
    TokenTotals totals = ZERO;
    for (LlmCall call : calls) {
      totals = totals.plus(call);
    }
    return totals;
  }
}
