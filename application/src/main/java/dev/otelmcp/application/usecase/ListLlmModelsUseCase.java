package dev.otelmcp.application.usecase;

import dev.otelmcp.application.llm.LlmRequest;
import dev.otelmcp.application.llm.LlmScan;
import dev.otelmcp.application.llm.ModelNames;
import dev.otelmcp.application.llm.TokenTotals;
import dev.otelmcp.application.llm.UnpricedModel;
import dev.otelmcp.application.view.Scope;
import dev.otelmcp.domain.llm.LlmCall;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/** {@code list_llm_models}: every model used, with its provider, traffic, tokens and when it was seen. */
public final class ListLlmModelsUseCase {

  /**
   * One model row (see {@link ModelNames}: the model that answered; failed calls count with the model that
   * answered their request).
   *
   * @param requestModels the names callers asked for that this model answered
   * @param responseModels the names the provider answered with
   */
  public record ModelView(
      String model,
      String provider,
      long requestCount,
      long errorCount,
      long inputTokens,
      long outputTokens,
      long totalTokens,
      long cacheReadInputTokens,
      long reasoningTokens,
      double costUsd,
      Boolean costIsPartial,
      Instant firstSeen,
      Instant lastSeen,
      List<String> requestModels,
      List<String> responseModels) {}

  public record Result(int count, List<ModelView> models, List<UnpricedModel> unpricedModels, Scope scope) {}

  private final LlmScan scan;

  @Inject
  public ListLlmModelsUseCase(LlmScan scan) {
    this.scan = scan;
  }

  public Result execute(LlmRequest request) {
    LlmScan.Result read = scan.scan(request.window(), request.calls().traceFilters(), request.traceLimit());
    Map<String, List<LlmCall>> byModel = new LinkedHashMap<>();
    ModelNames names = ModelNames.of(read.calls());
    int counted = 0;
    for (LlmCall call : read.calls()) {
      if (request.calls().matches(call)) {
        byModel.computeIfAbsent(names.rowOf(call), k -> new ArrayList<>()).add(call);
        counted++;
      }
    }
    List<ModelView> models = byModel.entrySet().stream()
        .map(e -> view(e.getKey(), e.getValue()))
        .sorted(Comparator.comparingLong(ModelView::requestCount).reversed().thenComparing(ModelView::model))
        .toList();
    return new Result(models.size(), models, UnpricedModel.of(read.calls().stream().filter(request.calls()::matches).toList()),
        read.scope(counted));
  }

  private static ModelView view(String model, List<LlmCall> calls) {
    TokenTotals totals = TokenTotals.of(calls);
    TreeSet<String> requested = new TreeSet<>();
    TreeSet<String> answered = new TreeSet<>();
    Map<String, Integer> providers = new LinkedHashMap<>();
    Instant first = null;
    Instant last = null;
    for (LlmCall call : calls) {
      if (call.requestModel() != null) {
        requested.add(call.requestModel());
      }
      if (call.responseModel() != null) {
        answered.add(call.responseModel());
      }
      call.providerName().ifPresent(p -> providers.merge(p, 1, Integer::sum));
      Instant start = call.span().startTime();
      first = first == null || start.isBefore(first) ? start : first;
      last = last == null || start.isAfter(last) ? start : last;
    }
    String provider = providers.entrySet().stream().max(Map.Entry.comparingByValue()).map(Map.Entry::getKey).orElse(null);
    return new ModelView(model, provider, totals.requestCount(), totals.errorCount(), totals.inputTokens(),
        totals.outputTokens(), totals.totalTokens(), totals.cacheReadInputTokens(), totals.reasoningTokens(),
        totals.costUsd(), totals.costIsPartial(), first, last,
        List.copyOf(requested), List.copyOf(answered));
  }
}
