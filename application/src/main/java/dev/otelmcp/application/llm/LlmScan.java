package dev.otelmcp.application.llm;

import dev.otelmcp.application.ApplicationSettings;
import dev.otelmcp.application.search.TraceSearchOutcome;
import dev.otelmcp.application.search.TraceSearcher;
import dev.otelmcp.application.view.Coverage;
import dev.otelmcp.application.view.Scope;
import dev.otelmcp.domain.error.UnsupportedQueryException;
import dev.otelmcp.domain.llm.CallGroup;
import dev.otelmcp.domain.llm.LlmCall;
import dev.otelmcp.domain.llm.LlmCalls;
import dev.otelmcp.domain.model.TimeRange;
import dev.otelmcp.domain.model.Trace;
import dev.otelmcp.domain.port.LlmCallScan;
import dev.otelmcp.domain.port.LlmModelCalls;
import dev.otelmcp.domain.port.LlmTraceRanking;
import dev.otelmcp.domain.port.LlmUsageSums;
import dev.otelmcp.domain.port.TraceStore;
import dev.otelmcp.domain.pricing.PriceBook;
import dev.otelmcp.domain.pricing.PriceBreaks;
import dev.otelmcp.domain.pricing.PriceSource;
import dev.otelmcp.domain.pricing.RateLookup;
import dev.otelmcp.domain.query.Filter;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The read every LLM aggregate starts with: every trace of the window and the LLM calls in it, priced, with an
 * honest account of what was covered. A store that reads a window's calls itself ({@link LlmCallScan}) is asked to;
 * any other is read page by page, newest first, each page's traces hydrated in parallel and handed on, so memory holds
 * one page of traces at a time. {@code MAX_TRACES_PER_QUERY} is a safety cap: when it, the call's stop time or a
 * cancellation ends the read early, the answer says what it covered.
 */
public final class LlmScan {

  /** Receives each trace read and its priced calls (wrappers left out). */
  @FunctionalInterface
  public interface Visitor {
    void visit(Trace trace, List<LlmCall> calls);
  }

  /**
   * What a scan read.
   *
   * @param limitReached whether traces were left unread: the caller's own limit or the safety cap
   * @param coverage what was read when the read was partial (the call's stop time, a cancellation,
   *     {@code MAX_TRACES_PER_QUERY}, failed parts); {@code null} when it read the whole window
   */
  public record Reading(TimeRange window, int tracesScanned, int spansScanned, boolean limitReached, int warnings,
      List<PriceSource> priceSources, Coverage coverage) {

    /** The scope of an answer built from {@code callsCounted} of the calls read. */
    public Scope scope(int callsCounted) {
      return Scope.ofLlm(window, tracesScanned, spansScanned, callsCounted, limitReached, warnings, priceSources)
          .covering(coverage);
    }
  }

  /** Receives each group of calls a store summed ({@link LlmUsageSums}), with the group's price. */
  @FunctionalInterface
  public interface GroupVisitor {
    void visit(CallGroup group, PriceBook.Quote quote);
  }

  private final TraceStore store;
  private final TraceSearcher searcher;
  private final CallPricing pricing;
  private final ApplicationSettings settings;

  @Inject
  public LlmScan(TraceStore store, TraceSearcher searcher, CallPricing pricing, ApplicationSettings settings) {
    this.store = store;
    this.searcher = searcher;
    this.pricing = pricing;
    this.settings = settings;
  }

  /**
   * Reads the window's traces that match the filters, newest first, handing each to the visitor with its calls.
   *
   * @param traceLimit how many traces to read at most (a sample when smaller than the window);
   *     {@code MAX_TRACES_PER_QUERY} caps it when the traces are read page by page
   */
  public Reading visit(TimeRange window, List<Filter> traceFilters, int traceLimit, Visitor visitor) {
    Tally tally = new Tally(visitor);
    Optional<LlmCallScan> nativeScan = store.llmCallScan().filter(scan -> evaluated(traceFilters));
    if (nativeScan.isPresent()) {
      // The safety cap guards reads that hold pages of traces; a store's own scan holds no pages (the built-in store
      // reads its memory, Traceloop's holds only the traces still open, Jaeger's one round of searches) and is bounded
      // by the call's stop time.
      LlmCallScan.Report report = nativeScan.get().scan(window, traceFilters, traceLimit, new LlmCallScan.Visitor() {
        @Override
        public void visit(Trace trace, List<LlmCall> calls) {
          tally.visit(trace, calls);
        }

        /** Priced where the store reads, when it offers to (each call is priced once either way). */
        @Override
        public List<LlmCall> prepare(List<LlmCall> calls) {
          return pricing.price(calls);
        }
      });
      Coverage coverage = Coverage.of(window, report.shortfall(), false, report.tracesRead(), report.tracesKnown());
      return new Reading(window, report.tracesRead(), clamp(report.spansRead()),
          report.moreAvailable(), tally.warnings, pricing.sources(), coverage);
    }
    int limit = Math.min(traceLimit, settings.maxTracesPerQuery());
    // A trace's calls are read and priced in the hydration pool, beside the reads; the sums stay on this thread.
    TraceSearchOutcome outcome = searcher.visit(window, traceFilters, limit, trace -> pricing.price(LlmCalls.of(trace)),
        tally::visitPriced);
    // The caller's own limit makes a sample they asked for; only the safety cap makes one they did not.
    boolean capped = outcome.scanCapped() && limit >= settings.maxTracesPerQuery();
    Coverage coverage = tally.from(outcome.coverage(window, capped), capped);
    return new Reading(window, outcome.tracesRead(), tally.spans, outcome.scanCapped(), tally.warnings,
        pricing.sources(), coverage);
  }

  /**
   * The window's calls as priced groups, for answers made of sums: summed by the store where they are kept
   * ({@link LlmUsageSums}) when it sums calls, evaluates every filter and can sum this request; otherwise read
   * ({@link #visit}) and handed on one call per group — the same sums either way.
   *
   * @param seriesStep the width of the series' buckets the groups must not straddle, or {@code null}
   */
  public Reading sum(TimeRange window, List<Filter> traceFilters, int traceLimit, Duration seriesStep,
      GroupVisitor visitor) {
    return storeSums(window, traceFilters, traceLimit, seriesStep, visitor).orElseGet(() -> visit(window,
        traceFilters, traceLimit, (trace, calls) -> calls.forEach(call -> visitor.visit(CallGroup.of(call),
            call.quote()))));
  }

  /**
   * The window's calls for answers about a few models: the store picks them out where they are kept
   * ({@link LlmModelCalls}) when it can, evaluates every filter and can read this request; otherwise every trace is
   * read ({@link #visit}). Either way {@code kept} counts every call's pair and is offered the calls that may be in the
   * models' rows, priced.
   */
  public Reading pick(TimeRange window, List<Filter> traceFilters, int traceLimit, Set<String> models,
      ModelCalls kept) {
    Optional<LlmModelCalls> picking = store.llmModelCalls().filter(p -> evaluated(traceFilters));
    if (picking.isPresent()) {
      try {
        LlmModelCalls.Report report = picking.get().calls(
            new LlmModelCalls.Request(window, traceFilters, traceLimit, models), new LlmModelCalls.Visitor() {
              @Override
              public void pair(String provider, String requestModel, String responseModel, long calls) {
                kept.pair(provider, requestModel, responseModel, calls);
              }

              @Override
              public void call(LlmCall call) {
                kept.offer(pricing.price(call));
              }
            });
        return new Reading(window, report.tracesRead(), clamp(report.spansRead()),
            report.moreAvailable(), clamp(report.warnings()), pricing.sources(), null);
      } catch (UnsupportedQueryException e) {
        // The store cannot pick these calls after all (it says so before handing on any): every trace is read.
      }
    }
    return visit(window, traceFilters, traceLimit, kept);
  }

  /** A ranking a store made ({@link LlmTraceRanking}): how many traces qualify, their calls, and what was read. */
  public record Ranked(long count, long calls, Reading reading) {}

  /** The rates calls are priced at, for a store that prices calls itself. */
  public RateLookup rates() {
    return pricing.rates();
  }

  /** Where those rates can change. */
  public PriceBreaks breaks() {
    return pricing.breaks();
  }

  /**
   * The window's traces ranked where they are kept, when the store ranks traces ({@link LlmTraceRanking}), evaluates
   * every filter and can rank this request: the page's traces are handed to {@code page} with their priced calls, in
   * rank order. Empty otherwise, and nothing handed on: the caller reads the traces.
   */
  public Optional<Ranked> rank(LlmTraceRanking.Request request, Visitor page) {
    Optional<LlmTraceRanking> ranking = store.llmTraceRanking().filter(r -> evaluated(request.traceFilters()));
    if (ranking.isEmpty()) {
      return Optional.empty();
    }
    try {
      LlmTraceRanking.Report report = ranking.get().rank(request,
          trace -> page.visit(trace, pricing.callsOf(trace)));
      return Optional.of(new Ranked(report.ranked(), report.rankedCalls(), new Reading(request.window(),
          report.tracesRead(), clamp(report.spansRead()), report.moreAvailable(), clamp(report.warnings()),
          pricing.sources(), null)));
    } catch (UnsupportedQueryException e) {
      // The store cannot rank this after all (it says so before handing on any trace): every trace is read.
      return Optional.empty();
    }
  }

  /** Whether the store evaluates every one of the filters itself. */
  private boolean evaluated(List<Filter> traceFilters) {
    return traceFilters.stream().allMatch(store.capabilities()::evaluatesTraceFilter);
  }

  private static int clamp(long count) {
    return (int) Math.min(Integer.MAX_VALUE, count);
  }

  private Optional<Reading> storeSums(TimeRange window, List<Filter> traceFilters, int traceLimit,
      Duration seriesStep, GroupVisitor visitor) {
    Optional<LlmUsageSums> sums = store.llmUsageSums().filter(s -> evaluated(traceFilters));
    if (sums.isEmpty()) {
      return Optional.empty();
    }
    long[] warnings = {0};
    LlmUsageSums.Report report;
    try {
      report = sums.get().sum(
          new LlmUsageSums.Request(window, traceFilters, traceLimit, pricing.breaks(), seriesStep), group -> {
            warnings[0] += group.warnings();
            visitor.visit(group, pricing.quote(group));
          });
    } catch (UnsupportedQueryException e) {
      // The store cannot sum this after all (it says so before any group): the calls are read instead.
      return Optional.empty();
    }
    return Optional.of(new Reading(window, report.tracesRead(), clamp(report.spansRead()),
        report.moreAvailable(), clamp(warnings[0]), pricing.sources(), null));
  }

  /** Prices each trace's calls on the way to the visitor and counts what was read. */
  private final class Tally {
    private final Visitor visitor;
    int spans;
    int warnings;
    Instant oldest;

    Tally(Visitor visitor) {
      this.visitor = visitor;
    }

    /** A trace whose calls may have been priced already ({@link LlmCallScan.Visitor#prepare}). */
    void visit(Trace trace, List<LlmCall> calls) {
      boolean priced = true;
      for (LlmCall call : calls) {
        priced &= call.quote() != null;
      }
      visitPriced(trace, priced ? calls : pricing.price(calls));
    }

    void visitPriced(Trace trace, List<LlmCall> priced) {
      spans += trace.spanCount();
      Instant start = trace.startTime();
      oldest = oldest == null || (start != null && start.isBefore(oldest)) ? start : oldest;
      for (LlmCall call : priced) {
        warnings += call.warnings();
      }
      visitor.visit(trace, priced);
    }

    /** A capped read covered only from its oldest trace on. */
    Coverage from(Coverage coverage, boolean capped) {
      return coverage != null && capped && oldest != null ? coverage.readFrom(oldest) : coverage;
    }
  }
}
