package dev.otelmcp.application.llm;

import dev.otelmcp.domain.llm.LlmCall;
import java.util.List;
import java.util.TreeSet;

/**
 * The LLM side of a set of calls in one line: their totals (how many, how many failed, their tokens and cost; each
 * call counted once: wrappers around a provider's call are left out by {@code LlmCalls}), the models and providers.
 * Answers show the totals' fields beside the lists (flat).
 */
public record LlmSummary(TokenTotals totals, List<String> models, List<String> providers) {

  public static LlmSummary of(List<LlmCall> calls) {
    TokenTotals totals = TokenTotals.of(calls);
    TreeSet<String> models = new TreeSet<>();
    TreeSet<String> providers = new TreeSet<>();
    for (LlmCall call : calls) {
      models.add(call.model());
      call.providerName().ifPresent(providers::add);
    }
    return new LlmSummary(totals, List.copyOf(models), List.copyOf(providers));
  }
}
