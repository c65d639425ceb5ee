package dev.otelmcp.application.usecase;

import dev.otelmcp.application.llm.Breakdown;
import dev.otelmcp.application.llm.LlmRequest;
import dev.otelmcp.application.llm.LlmScan;
import dev.otelmcp.application.llm.ModelNames;
import dev.otelmcp.application.llm.TokenTotals;
import dev.otelmcp.application.llm.UnpricedModel;
import dev.otelmcp.application.llm.UsageGroup;
import dev.otelmcp.application.llm.UsageSeries;
import dev.otelmcp.application.view.Scope;
import dev.otelmcp.domain.llm.LlmCall;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;

/** {@code get_llm_usage}: token usage and request counts, in total and by model, service and provider. */
public final class GetLlmUsageUseCase {

  /**
   * @param series usage per interval, when one was asked for
   * @param unpricedModels the models whose calls have no price (their cost is not in the totals), or {@code null}
   */
  public record Result(
      TokenTotals totals, List<UsageGroup> byModel, List<UsageGroup> byService, List<UsageGroup> byProvider,
      List<UsageSeries.Bucket> series, List<UnpricedModel> unpricedModels, Scope scope) {}

  private final LlmScan scan;

  @Inject
  public GetLlmUsageUseCase(LlmScan scan) {
    this.scan = scan;
  }

  public Result execute(LlmRequest request) {
    return execute(request, null);
  }

  /** @param interval the width of the series' buckets, or {@code null} for no series */
  public Result execute(LlmRequest request, Duration interval) {
    LlmScan.Result read = scan.scan(request.window(), request.calls().traceFilters(), request.traceLimit());
    List<LlmCall> calls = read.calls().stream().filter(request.calls()::matches).toList();
    return new Result(
        TokenTotals.of(calls),
        groups(calls, ModelNames.of(read.calls())::rowOf),
        groups(calls, c -> c.span().serviceName()),
        groups(calls, c -> c.providerName().orElse("unknown")),
        interval == null ? null : UsageSeries.of(calls, request.window(), interval),
        UnpricedModel.of(calls),
        read.scope(calls.size()));
  }

  private static List<UsageGroup> groups(List<LlmCall> calls, java.util.function.Function<LlmCall, String> key) {
    return Breakdown.by(calls, key).stream().map(UsageGroup::of).toList();
  }
}
