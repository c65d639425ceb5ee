package dev.otelmcp.application.llm;

/** Token usage and cost of one model, service or provider. */
public record UsageGroup(
    String name,
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
    Long unpricedCallCount) {

  public static UsageGroup of(Breakdown.Entry entry) {
    TokenTotals t = entry.totals();
    return new UsageGroup(entry.key(), t.requestCount(), t.errorCount(), t.inputTokens(), t.outputTokens(),
        t.totalTokens(), t.cacheReadInputTokens(), t.cacheCreationInputTokens(), t.reasoningTokens(), t.costUsd(),
        t.costIsPartial(), t.unpricedCallCount());
  }
}
