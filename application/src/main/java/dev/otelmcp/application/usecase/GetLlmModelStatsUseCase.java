package dev.otelmcp.application.usecase;

import dev.otelmcp.application.llm.LlmRequest;
import dev.otelmcp.application.llm.LlmScan;
import dev.otelmcp.application.llm.ModelCalls;
import dev.otelmcp.application.llm.Percentiles;
import dev.otelmcp.application.llm.TokenTotals;
import dev.otelmcp.application.view.Scope;
import dev.otelmcp.domain.error.NotFoundException;
import dev.otelmcp.domain.error.Quote;
import dev.otelmcp.domain.llm.LlmCall;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * {@code get_llm_model_stats}: how one model performs. A call matches when the model was asked for or
 * answered under that name, or counts in that model's row ({@link dev.otelmcp.application.llm.ModelNames}), so "gpt-4o" also finds calls
 * answered by "gpt-4o-2024-08-06", and that row's stats include the failed calls that asked for "gpt-4o".
 */
public final class GetLlmModelStatsUseCase {

  public record Result(
      String model,
      long requestCount,
      long successCount,
      long errorCount,
      double successRate,
      double errorRate,
      Percentiles latencyMs,
      Percentiles inputTokens,
      Percentiles outputTokens,
      Percentiles totalTokens,
      Percentiles costUsd,
      TokenTotals tokenTotals,
      Map<String, Long> finishReasons,
      long lengthTruncations,
      List<String> requestModels,
      List<String> responseModels,
      Scope scope) {}

  private final LlmScan scan;

  @Inject
  public GetLlmModelStatsUseCase(LlmScan scan) {
    this.scan = scan;
  }

  public Result execute(String modelName, LlmRequest request) {
    ModelCalls kept = new ModelCalls(request.calls(), List.of(modelName), call -> false);
    LlmScan.Reading read = scan.pick(request.window(), request.calls().traceFilters(), request.traceLimit(),
        java.util.Set.of(modelName), kept);
    List<LlmCall> calls = kept.callsOf(modelName, call -> false);
    if (calls.isEmpty()) {
      throw new NotFoundException("no calls of model " + Quote.of(modelName) + " in " + kept.callsRead()
          + " LLM calls of the window " + request.window().start() + " to " + request.window().end(),
          suggestion(modelName, kept.rowCounts()));
    }
    TokenTotals totals = TokenTotals.of(calls);
    List<Double> latencies = new ArrayList<>();
    List<Long> input = new ArrayList<>();
    List<Long> output = new ArrayList<>();
    List<Long> total = new ArrayList<>();
    List<Double> cost = new ArrayList<>();
    Map<String, Long> reasons = new TreeMap<>();
    TreeSet<String> requested = new TreeSet<>();
    TreeSet<String> answered = new TreeSet<>();
    for (LlmCall call : calls) {
      latencies.add(call.span().durationMs());
      if (call.usage().input() != null) {
        input.add(call.usage().input());
      }
      if (call.usage().output() != null) {
        output.add(call.usage().output());
      }
      if (call.usage().isReported()) {
        total.add(call.usage().total());
      }
      call.costUsd().ifPresent(cost::add);
      call.finishReasons().forEach(r -> reasons.merge(r, 1L, Long::sum));
      if (call.requestModel() != null) {
        requested.add(call.requestModel());
      }
      if (call.responseModel() != null) {
        answered.add(call.responseModel());
      }
    }
    long n = totals.requestCount();
    long errors = totals.errorCount();
    return new Result(modelName, n, n - errors, errors, rate(n - errors, n), rate(errors, n),
        Percentiles.of(latencies), Percentiles.of(input), Percentiles.of(output), Percentiles.of(total),
        Percentiles.ofMoney(cost), totals,
        reasons, truncations(reasons), List.copyOf(requested), List.copyOf(answered), read.scope(calls.size()));
  }

  /** Generation cut by the token limit: OpenAI says "length", Anthropic "max_tokens", Gemini "MAX_TOKENS". */
  private static long truncations(Map<String, Long> reasons) {
    long count = 0;
    for (Map.Entry<String, Long> entry : reasons.entrySet()) {
      String reason = entry.getKey().toLowerCase(Locale.ROOT);
      if (reason.equals("length") || reason.equals("max_tokens")) {
        count += entry.getValue();
      }
    }
    return count;
  }

  private static double rate(long part, long whole) {
    return whole == 0 ? 0 : Math.round(part * 10_000.0 / whole) / 10_000.0;
  }

  private static String suggestion(String wanted, Map<String, Long> seen) {
    if (seen.isEmpty()) {
      return "No LLM calls at all in this window; widen start_time (e.g. -7d) or check the service.";
    }
    String lower = wanted.toLowerCase(Locale.ROOT);
    List<String> similar = seen.keySet().stream()
        .filter(m -> m.toLowerCase(Locale.ROOT).contains(lower) || lower.contains(m.toLowerCase(Locale.ROOT)))
        .toList();
    List<String> shown = similar.isEmpty() ? List.copyOf(seen.keySet()) : similar;
    return (similar.isEmpty() ? "Models seen: " : "Did you mean: ") + String.join(", ", shown.subList(0, Math.min(10, shown.size())))
        + "? list_llm_models lists them all.";
  }
}
