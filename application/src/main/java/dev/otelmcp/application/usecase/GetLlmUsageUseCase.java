package dev.otelmcp.application.usecase;

import dev.otelmcp.application.llm.Breakdown;
import dev.otelmcp.application.llm.LlmRequest;
import dev.otelmcp.application.llm.LlmScan;
import dev.otelmcp.application.llm.ModelNames;
import dev.otelmcp.application.llm.TokenTotals;
import dev.otelmcp.application.llm.UsageGroup;
import dev.otelmcp.application.view.Scope;
import dev.otelmcp.domain.llm.LlmCall;
import jakarta.inject.Inject;
import java.util.List;

/** {@code get_llm_usage}: token usage and request counts, in total and by model, service and provider. */
public final class GetLlmUsageUseCase {

  public record Result(
      TokenTotals totals, List<UsageGroup> byModel, List<UsageGroup> byService, List<UsageGroup> byProvider,
      Scope scope) {}

  private final LlmScan scan;

  @Inject
  public GetLlmUsageUseCase(LlmScan scan) {
    this.scan = scan;
  }

  public Result execute(LlmRequest request) {
    LlmScan.Result read = scan.scan(request.window(), request.calls().traceFilters(), request.traceLimit());
    List<LlmCall> calls = read.calls().stream().filter(request.calls()::matches).toList();
    return new Result(
        TokenTotals.of(calls),
        groups(calls, ModelNames.of(read.calls())::rowOf),
        groups(calls, c -> c.span().serviceName()),
        groups(calls, c -> c.providerName().orElse("unknown")),
        read.scope(calls.size()));
  }

  private static List<UsageGroup> groups(List<LlmCall> calls, java.util.function.Function<LlmCall, String> key) {
    return Breakdown.by(calls, key).stream().map(UsageGroup::of).toList();
  }
}
