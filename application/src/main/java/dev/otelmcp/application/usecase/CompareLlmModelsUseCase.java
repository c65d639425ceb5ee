package dev.otelmcp.application.usecase;

import dev.otelmcp.application.llm.CallPricing;
import dev.otelmcp.application.llm.LlmRequest;
import dev.otelmcp.application.llm.LlmScan;
import dev.otelmcp.application.llm.ModelCalls;
import dev.otelmcp.application.llm.Money;
import dev.otelmcp.application.llm.Percentiles;
import dev.otelmcp.application.llm.TokenTotals;
import dev.otelmcp.application.view.Scope;
import dev.otelmcp.domain.error.InvalidQueryException;
import dev.otelmcp.domain.llm.LlmCall;
import dev.otelmcp.domain.pricing.PriceBook;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * {@code compare_llm_models}: two to five models side by side over one window — traffic, errors, latency, tokens
 * and cost per call — and, on request, what each model's calls would have cost at another model's prices.
 */
public final class CompareLlmModelsUseCase {

  /**
   * One model's calls in the window.
   *
   * @param model the name asked about; a call counts when it asked for it, was answered by it, counts in its row, or
   *     is priced as it (gpt-4o covers calls answered by gpt-4o-2024-08-06)
   */
  public record ModelComparison(
      String model,
      long requestCount,
      long errorCount,
      double errorRate,
      Percentiles latencyMs,
      double meanInputTokens,
      double meanOutputTokens,
      double meanTotalTokens,
      double costUsd,
      Percentiles costPerCallUsd,
      Boolean costIsPartial,
      Map<String, Long> finishReasons,
      Repricing repriced) {}

  /**
   * The same calls at another model's prices: the same token counts (another model's tokenizer would count the same
   * text differently, so this is an estimate), priced as that model on the date of each call.
   *
   * @param unpricedRequestCount calls that could not be repriced (their usage does not add up for the other model)
   */
  public record Repricing(String asModel, double costUsd, double costPerCallUsd, Long unpricedRequestCount) {}

  public record Result(List<ModelComparison> models, String note, Scope scope) {}

  static final String TOKENIZER_NOTE = "Repriced costs keep each call's token counts; another model's tokenizer "
      + "counts the same text differently (often by 10-30%), so they are estimates.";

  private final LlmScan scan;
  private final CallPricing pricing;

  @Inject
  public CompareLlmModelsUseCase(LlmScan scan, CallPricing pricing) {
    this.scan = scan;
    this.pricing = pricing;
  }

  /** @param repriceAs the model whose prices to apply to every compared model's calls, or {@code null} */
  public Result execute(List<String> models, LlmRequest request, String repriceAs) {
    if (models.size() < 2 || models.size() > 5) {
      throw new InvalidQueryException("models must name 2 to 5 models, got " + models.size(),
          "list_llm_models names the models of the window.");
    }
    if (repriceAs != null && !pricing.knows(repriceAs)) {
      throw new InvalidQueryException("reprice_as: no price for model " + dev.otelmcp.domain.error.Quote.of(repriceAs),
          "Name a model the price table knows, e.g. gpt-4o-mini, claude-sonnet-4-5 or gemini-2.5-flash.");
    }
    List<String> tableModels = models.stream().map(m -> pricing.tableModel(m).orElse(null)).toList();
    Set<String> names = new TreeSet<>(models);
    ModelCalls kept = keeping(request, models, tableModels);
    LlmScan.Reading read = scan.pick(request.window(), request.calls().traceFilters(), request.traceLimit(), names,
        kept);
    if (!kept.everyCallOffered()) {
      // A store picked the calls asked for or answered by the names; calls answered under another name that is
      // priced as one of the models (gpt-4o-2024-08-06 as gpt-4o) are picked by that name, in a second read.
      boolean more = false;
      for (ModelCalls.Answering answering : kept.answering()) {
        Optional<String> tableModel = pricing.tableModel(answering.provider(), answering.model());
        if (tableModel.isPresent() && tableModels.contains(tableModel.get())) {
          more |= names.add(answering.model());
        }
      }
      if (more) {
        kept = keeping(request, models, tableModels);
        read = scan.pick(request.window(), request.calls().traceFilters(), request.traceLimit(), names, kept);
      }
    }
    List<ModelComparison> rows = new ArrayList<>();
    int counted = 0;
    for (int i = 0; i < models.size(); i++) {
      String model = models.get(i);
      String tableModel = tableModels.get(i);
      List<LlmCall> calls = kept.callsOf(model, c -> pricedAs(c, tableModel));
      counted += calls.size();
      rows.add(compare(model, calls, repriceAs));
    }
    return new Result(rows, repriceAs == null ? null : TOKENIZER_NOTE, read.scope(counted));
  }

  private static ModelCalls keeping(LlmRequest request, List<String> models, List<String> tableModels) {
    return new ModelCalls(request.calls(), models,
        call -> tableModels.stream().anyMatch(tableModel -> pricedAs(call, tableModel)));
  }

  private ModelComparison compare(String model, List<LlmCall> calls, String repriceAs) {
    TokenTotals totals = TokenTotals.of(calls);
    long n = totals.requestCount();
    List<Double> latencies = new ArrayList<>();
    List<Double> costs = new ArrayList<>();
    Map<String, Long> reasons = new TreeMap<>();
    for (LlmCall call : calls) {
      latencies.add(call.span().durationMs());
      call.costUsd().ifPresent(costs::add);
      call.finishReasons().forEach(r -> reasons.merge(r, 1L, Long::sum));
    }
    return new ModelComparison(model, n, totals.errorCount(), n == 0 ? 0 : Math.round(totals.errorCount() * 10_000.0 / n) / 10_000.0,
        Percentiles.of(latencies), mean(totals.inputTokens(), n), mean(totals.outputTokens(), n),
        mean(totals.totalTokens(), n), totals.costUsd(), Percentiles.ofMoney(costs), totals.costIsPartial(), reasons,
        repriceAs == null ? null : reprice(calls, repriceAs));
  }

  private Repricing reprice(List<LlmCall> calls, String asModel) {
    double cost = 0;
    long priced = 0;
    for (LlmCall call : calls) {
      if (pricing.quote(call, asModel, null) instanceof PriceBook.Priced p) {
        cost += p.cost().totalUsd();
        priced++;
      }
    }
    long unpriced = calls.size() - priced;
    return new Repricing(asModel, Money.round(cost), priced == 0 ? 0 : Money.round(cost / priced),
        unpriced > 0 ? unpriced : null);
  }

  /** Whether a call is priced as the table model (gpt-4o covers gpt-4o-2024-08-06). */
  private static boolean pricedAs(LlmCall call, String tableModel) {
    return tableModel != null && call.quote() instanceof PriceBook.Priced priced && tableModel.equals(priced.model());
  }

  private static double mean(long sum, long n) {
    return n == 0 ? 0 : Math.round(sum * 1000.0 / n) / 1000.0;
  }
}
