package dev.otelmcp.application.llm;

import dev.otelmcp.application.ApplicationSettings;
import dev.otelmcp.application.search.TraceSearchOutcome;
import dev.otelmcp.application.search.TraceSearcher;
import dev.otelmcp.application.view.Coverage;
import dev.otelmcp.application.view.Scope;
import dev.otelmcp.domain.llm.LlmCall;
import dev.otelmcp.domain.model.TimeRange;
import dev.otelmcp.domain.model.Trace;
import dev.otelmcp.domain.model.TraceHit;
import dev.otelmcp.domain.pricing.PriceSource;
import dev.otelmcp.domain.query.Filter;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;

/**
 * The read every LLM aggregate starts with: whole traces of the window (hydrated in parallel when the
 * backend returns summaries; reused as they are when the search returned them whole), and the LLM calls
 * in them, with an honest account of what was covered.
 */
public final class LlmScan {

  /**
   * The traces read, their LLM calls (wrappers left out), and the coverage.
   *
   * @param coverage what was read when the read was partial (the call's stop time, a cancellation,
   *     {@code MAX_TRACES_PER_QUERY}, failed parts); {@code null} when it read the whole window
   */
  public record Result(
      TimeRange window,
      List<Trace> traces,
      List<LlmCall> calls,
      int tracesScanned,
      int spansScanned,
      boolean limitReached,
      int warnings,
      List<PriceSource> priceSources,
      Coverage coverage) {

    /** The scope of an answer built from {@code callsCounted} of these calls. */
    public Scope scope(int callsCounted) {
      return Scope.ofLlm(window, tracesScanned, spansScanned, callsCounted, limitReached, warnings, priceSources)
          .covering(coverage);
    }
  }

  private final TraceSearcher searcher;
  private final CallPricing pricing;
  private final ApplicationSettings settings;

  @Inject
  public LlmScan(TraceSearcher searcher, CallPricing pricing, ApplicationSettings settings) {
    this.searcher = searcher;
    this.pricing = pricing;
    this.settings = settings;
  }

  /**
   * @param traceLimit how many traces to read at most (newest first); {@code MAX_TRACES_PER_QUERY} caps it
   */
  public Result scan(TimeRange window, List<Filter> traceFilters, int traceLimit) {
    int limit = Math.min(traceLimit, settings.maxTracesPerQuery());
    TraceSearchOutcome outcome = searcher.search(window, traceFilters, limit, true);
    List<Trace> traces = new ArrayList<>(outcome.hits().size());
    List<LlmCall> calls = new ArrayList<>();
    int spans = 0;
    int warnings = 0;
    for (TraceHit hit : outcome.hits()) {
      Trace trace = (Trace) hit;
      traces.add(trace);
      spans += trace.spanCount();
      for (LlmCall call : pricing.callsOf(trace)) {
        calls.add(call);
        warnings += call.warnings();
      }
    }
    // The caller's own limit is paging; only the safety cap makes an aggregate a sample.
    boolean capped = outcome.scanCapped() || (outcome.moreAvailable() && limit >= settings.maxTracesPerQuery());
    return new Result(window, List.copyOf(traces), List.copyOf(calls), outcome.tracesScanned(), spans,
        outcome.moreAvailable() || outcome.scanCapped(), warnings, pricing.sources(), outcome.coverage(window, capped));
  }

  /** Reads as many of the window's traces as {@code MAX_TRACES_PER_QUERY} allows (rankings need them all). */
  public Result scanAll(TimeRange window, List<Filter> traceFilters) {
    return scan(window, traceFilters, settings.maxTracesPerQuery());
  }
}
