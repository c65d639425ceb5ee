package dev.otelmcp.application.llm;

import dev.otelmcp.domain.llm.LlmCall;
import java.util.List;
import java.util.TreeSet;

/**
 * The LLM side of a set of calls in one line: how many, how many failed, their tokens (each call counted
 * once: wrappers around a provider's call are left out by {@code LlmCalls}), the models and providers.
 */
public record LlmSummary(
    int callCount,
    long errorCount,
    long inputTokens,
    long outputTokens,
    long totalTokens,
    long cacheReadInputTokens,
    long cacheCreationInputTokens,
    long reasoningTokens,
    double costUsd,
    Boolean costIsPartial,
    Long unpricedCallCount,
    List<String> models,
    List<String> providers) {

  public static LlmSummary of(List<LlmCall> calls) {
    TokenTotals totals = TokenTotals.of(calls);
    TreeSet<String> models = new TreeSet<>();
    TreeSet<String> providers = new TreeSet<>();
    for (LlmCall call : calls) {
      models.add(call.model());
      call.providerName().ifPresent(providers::add);
    }
    return new LlmSummary(calls.size(), totals.errorCount(), totals.inputTokens(), totals.outputTokens(),
        totals.totalTokens(), totals.cacheReadInputTokens(), totals.cacheCreationInputTokens(), totals.reasoningTokens(),
        totals.costUsd(), totals.costIsPartial(), totals.unpricedCallCount(), List.copyOf(models), List.copyOf(providers));
  }
}
