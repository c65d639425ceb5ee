package dev.otelmcp.application.usecase;

import dev.otelmcp.application.llm.LlmRequest;
import dev.otelmcp.application.llm.LlmScan;
import dev.otelmcp.application.llm.ModelNames;
import dev.otelmcp.application.llm.TokenSums;
import dev.otelmcp.application.llm.TokenTotals;
import dev.otelmcp.application.llm.UnpricedModel;
import dev.otelmcp.application.view.Scope;
import dev.otelmcp.domain.llm.CallGroup;
import dev.otelmcp.domain.pricing.PriceBook;
import jakarta.inject.Inject;
import java.time.Instant;
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
      TokenTotals totals,
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
    ModelNames.Counter names = new ModelNames.Counter();
    UnpricedModel.Counter unpriced = new UnpricedModel.Counter();
    // By requested and answering model: a row's name is known only once every call was seen (ModelNames).
    Map<ModelPair, ModelTally> byPair = new LinkedHashMap<>();
    long[] counted = {0};
    // Summed where the spans are when the store can; else call by call.
    LlmScan.Reading read = scan.sum(request.window(), request.calls().traceFilters(), request.traceLimit(), null,
        (group, quote) -> {
          names.count(group.requestModel(), group.responseModel(), group.requests());
          if (request.calls().matches(group.serviceName(), group.provider(), group.requestModel(),
              group.responseModel())) {
            byPair.computeIfAbsent(new ModelPair(group.requestModel(), group.responseModel()), k -> new ModelTally())
                .add(group, quote);
            unpriced.count(group.model(), group.provider(), quote, group.requests());
            counted[0] += group.requests();
          }
        });
    ModelNames rows = names.names();
    Map<String, ModelTally> byModel = new LinkedHashMap<>();
    byPair.forEach((pair, tally) ->
        byModel.computeIfAbsent(rows.rowOf(pair.request(), pair.response()), k -> new ModelTally()).add(tally));
    List<ModelView> models = byModel.entrySet().stream()
        .map(e -> e.getValue().view(e.getKey()))
        .sorted(Comparator.comparingLong((ModelView view) -> view.totals().requestCount()).reversed()
            .thenComparing(ModelView::model))
        .toList();
    return new Result(models.size(), models, unpriced.models(), read.scope((int) counted[0]));
  }

  private record ModelPair(String request, String response) {}

  /** One row's figures, added call by call: memory holds the rows, never the calls. */
  private static final class ModelTally {
    private final TokenSums sums = new TokenSums();
    private final TreeSet<String> requested = new TreeSet<>();
    private final TreeSet<String> answered = new TreeSet<>();
    private final Map<String, int[]> providers = new LinkedHashMap<>();
    private Instant first;
    private Instant last;

    /** Calls summed by the store, or one read call. */
    void add(CallGroup group, PriceBook.Quote quote) {
      sums.add(group, quote);
      if (group.requestModel() != null) {
        requested.add(group.requestModel());
      }
      if (group.responseModel() != null) {
        answered.add(group.responseModel());
      }
      if (group.provider() != null) {
        providers.computeIfAbsent(group.provider(), k -> new int[1])[0] += (int) group.requests();
      }
      seen(group.firstStart(), group.lastStart());
    }

    void add(ModelTally other) {
      sums.add(other.sums);
      requested.addAll(other.requested);
      answered.addAll(other.answered);
      other.providers.forEach((name, count) -> providers.computeIfAbsent(name, k -> new int[1])[0] += count[0]);
      seen(other.first, other.last);
    }

    private void seen(Instant from, Instant to) {
      first = first == null || from.isBefore(first) ? from : first;
      last = last == null || to.isAfter(last) ? to : last;
    }

    ModelView view(String model) {
      TokenTotals totals = sums.totals();
      // The most frequent provider; on a tie the alphabetically first, so the row is the same on every run.
      String provider = providers.entrySet().stream()
          .max(Comparator.comparingInt((Map.Entry<String, int[]> e) -> e.getValue()[0])
              .thenComparing(Map.Entry::getKey, Comparator.reverseOrder()))
          .map(Map.Entry::getKey).orElse(null);
      return new ModelView(model, provider, totals, first, last, List.copyOf(requested), List.copyOf(answered));
    }
  }
}
