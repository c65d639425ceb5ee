package dev.otelmcp.application.usecase;

import dev.otelmcp.application.llm.Breakdown;
import dev.otelmcp.application.llm.CallFilter;
import dev.otelmcp.application.llm.LlmRequest;
import dev.otelmcp.application.llm.LlmScan;
import dev.otelmcp.application.llm.ModelNames;
import dev.otelmcp.application.llm.TokenSums;
import dev.otelmcp.application.llm.TokenTotals;
import dev.otelmcp.application.llm.UnpricedModel;
import dev.otelmcp.application.llm.UsageGroup;
import dev.otelmcp.application.llm.UsageSeries;
import dev.otelmcp.application.view.Scope;
import dev.otelmcp.domain.llm.CallGroup;
import dev.otelmcp.domain.pricing.PriceBook;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code get_llm_usage}: token usage and request counts, in total and by model, service and provider. The sums grow
 * call by call as the window is read, so memory holds the groups, never the calls, however large the window.
 */
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
    Tally tally = new Tally(request.calls(), interval == null ? null : new UsageSeries.Buckets(request.window(), interval));
    // Summed where the spans are when the store can (a few groups move, not the window's traces); else call by call.
    LlmScan.Reading read = scan.sum(request.window(), request.calls().traceFilters(), request.traceLimit(),
        tally.series == null ? null : tally.series.step(), tally::add);
    return tally.result(read);
  }

  /** The model a call asked for and the one that answered (either may be null). */
  private record ModelPair(String request, String response) {}

  /** The sums of one answer. */
  private static final class Tally {
    private final CallFilter filter;
    private final UsageSeries.Buckets series;
    private final ModelNames.Counter names = new ModelNames.Counter();
    private final UnpricedModel.Counter unpriced = new UnpricedModel.Counter();
    private final TokenSums totals = new TokenSums();
    /** By requested and answering model: the row is known only once every call was seen ({@link ModelNames}). */
    private final Map<ModelPair, TokenSums> byModels = new LinkedHashMap<>();
    private final Map<String, TokenSums> byService = new LinkedHashMap<>();
    private final Map<String, TokenSums> byProvider = new LinkedHashMap<>();

    Tally(CallFilter filter, UsageSeries.Buckets series) {
      this.filter = filter;
      this.series = series;
    }

    /** Adds calls: summed by the store, or one read call. */
    void add(CallGroup group, PriceBook.Quote quote) {
      // Rows are named from every call read, as in the other LLM tools, whatever the filter keeps.
      names.count(group.requestModel(), group.responseModel(), group.requests());
      if (!filter.matches(group.serviceName(), group.provider(), group.requestModel(), group.responseModel())) {
        return;
      }
      totals.add(group, quote);
      byModels.computeIfAbsent(new ModelPair(group.requestModel(), group.responseModel()), k -> new TokenSums())
          .add(group, quote);
      byService.computeIfAbsent(group.serviceName(), k -> new TokenSums()).add(group, quote);
      byProvider.computeIfAbsent(group.provider() == null ? "unknown" : group.provider(), k -> new TokenSums())
          .add(group, quote);
      unpriced.count(group.model(), group.provider(), quote, group.requests());
      if (series != null) {
        series.add(group, quote);
      }
    }

    Result result(LlmScan.Reading read) {
      ModelNames rows = names.names();
      Map<String, TokenSums> byModel = new LinkedHashMap<>();
      byModels.forEach((models, sums) ->
          byModel.computeIfAbsent(rows.rowOf(models.request(), models.response()), k -> new TokenSums()).add(sums));
      return new Result(totals.totals(), groups(byModel), groups(byService), groups(byProvider),
          series == null ? null : series.list(), unpriced.models(), read.scope((int) totals.requests()));
    }

    private static List<UsageGroup> groups(Map<String, TokenSums> sums) {
      Map<String, TokenTotals> totals = new LinkedHashMap<>();
      sums.forEach((key, sum) -> totals.put(key, sum.totals()));
      return Breakdown.sorted(totals);
    }
  }
}
