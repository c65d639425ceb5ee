package dev.otelmcp.application.search;

import dev.otelmcp.application.ApplicationSettings;
import dev.otelmcp.application.page.After;
import dev.otelmcp.domain.model.TimeRange;
import dev.otelmcp.domain.model.Trace;
import dev.otelmcp.domain.model.TraceHit;
import dev.otelmcp.domain.model.Traces;
import dev.otelmcp.domain.port.Shortfall;
import dev.otelmcp.domain.port.StoreCapabilities;
import dev.otelmcp.domain.port.TraceSearchResult;
import dev.otelmcp.domain.port.TraceStore;
import dev.otelmcp.domain.query.Filter;
import dev.otelmcp.domain.query.FilterEvaluator;
import dev.otelmcp.domain.query.TraceQuery;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Runs a trace search through the query planner: pushes to the store the filters it evaluates, applies
 * the rest in memory, and keeps fetching (next cursor page, or a larger window of results) until it has
 * {@code limit} matches, the backend has nothing more, or {@code MAX_TRACES_PER_QUERY} traces were
 * scanned — so residual filters never silently under-fill a result.
 */
public final class TraceSearcher {

  private static final int MIN_FETCH_WITH_RESIDUAL = 20;

  private final TraceStore store;
  private final TraceHydrator hydrator;
  private final ApplicationSettings settings;

  @Inject
  public TraceSearcher(TraceStore store, TraceHydrator hydrator, ApplicationSettings settings) {
    this.store = store;
    this.hydrator = hydrator;
    this.settings = settings;
  }

  /**
   * @param needSpans whether the caller needs whole traces (summaries are then hydrated in parallel)
   */
  public TraceSearchOutcome search(TimeRange window, List<Filter> filters, int limit, boolean needSpans) {
    return search(window, filters, limit, needSpans, null);
  }

  /**
   * The same search continued after a position: only traces that come after it newest-first are kept (and
   * hydrated), and the window searched ends at the position's start time.
   *
   * @param after where the previous page stopped, or {@code null} for the first page
   */
  public TraceSearchOutcome search(TimeRange fullWindow, List<Filter> filters, int limit, boolean needSpans, After after) {
    return run(fullWindow, filters, limit, needSpans, after, null, null);
  }

  /**
   * Reads every matching trace of the window, whole, newest first page by page, and hands each to {@code visitor}
   * instead of keeping it: memory holds one page at a time, however large the window. Stops at {@code cap} traces
   * scanned ({@code scanCapped}), when the backend has no more, or when the call must stop ({@code shortfall}).
   *
   * @return the outcome, with no hits (they went to the visitor)
   */
  public TraceSearchOutcome visit(TimeRange window, List<Filter> filters, int cap, Consumer<Trace> visitor) {
    return run(window, filters, cap, true, null, null, (trace, nothing) -> visitor.accept(trace));
  }

  /**
   * Like {@link #visit(TimeRange, List, int, Consumer)}, with work on each trace alone ({@code prepare}) done by the
   * hydration pool, beside the reads, and handed to the visitor with its trace, in the same order
   * ({@link TraceHydrator#hydrate(List, Function, BiConsumer)}).
   *
   * @param prepare thread-safe; it may also see traces the query's residual filters then leave out
   */
  public <T> TraceSearchOutcome visit(TimeRange window, List<Filter> filters, int cap, Function<Trace, T> prepare,
      BiConsumer<Trace, T> visitor) {
    return run(window, filters, cap, true, null, prepare, visitor);
  }

  private <T> TraceSearchOutcome run(TimeRange fullWindow, List<Filter> filters, int limit, boolean needSpans,
      After after, Function<Trace, T> prepare, BiConsumer<Trace, T> visitor) {
    TimeRange window = after == null ? fullWindow : after.narrow(fullWindow);
    StoreCapabilities capabilities = store.capabilities();
    QueryPlan plan = QueryPlan.forTraces(filters, capabilities);
    int scanCap = visitor != null ? limit : Math.max(limit, settings.maxTracesPerQuery());
    int firstFetch = plan.hasResidual() ? Math.max(limit * 2, MIN_FETCH_WITH_RESIDUAL) : limit;
    int[] missing = {0};
    Shortfall[] unread = {null};
    // Whole traces read, and the first hydration that read none of its traces: the answer when nothing was read.
    int[] whole = {0};
    TraceHydrator.Hydration[] empty = {null};
    PagedScan<TraceHit, TraceHit> scan = new PagedScan<>(
        (fetch, cursor) -> {
          TraceSearchResult page = store.searchTraces(new TraceQuery(window, plan.pushed(), fetch, cursor));
          return new PagedScan.Page<>(page.hits(), page.mayHaveMore(), page.nextCursor(), page.shortfall());
        },
        TraceHit::traceId,
        page -> {
          List<TraceHit> fresh = after == null ? page
              : page.stream().filter(hit -> !after.passed(hit.startTime(), hit.traceId(), null)).toList();
          if (visitor == null && !plan.hasResidual() && !needSpans) {
            return fresh;
          }
          // Positive span filters must hold on one span: re-check all of them, pushed ones included.
          Predicate<TraceHit> matches = hit -> !plan.hasResidual() || FilterEvaluator.matches((Trace) hit, plan.all());
          List<TraceHit> kept = new ArrayList<>();
          // A visitor gets each trace as soon as it is read, while the rest of the page is still being fetched, and
          // the page is never held whole: a backend without cursors answers a window in one page of up to
          // MAX_TRACES_PER_QUERY traces.
          BiConsumer<Trace, T> keep = visitor == null ? (trace, nothing) -> kept.add(trace) : visitor;
          TraceHydrator.Hydration hydration = hydrator.hydrate(fresh, prepare, (trace, made) -> {
            if (matches.test(trace)) {
              keep.accept(trace, made);
            }
          });
          missing[0] += hydration.missing();
          unread[0] = hydration.shortfall() == null ? unread[0] : hydration.shortfall().and(unread[0]);
          whole[0] += hydration.read();
          if (hydration.readNothing() && empty[0] == null) {
            empty[0] = hydration;
          }
          return kept;
        },
        TraceHit::startTime);
    PagedScan.Outcome<TraceHit> outcome = scan.run(limit, firstFetch, Math.min(scanCap, capabilities.maxSearchLimit()), scanCap);
    if (whole[0] == 0 && empty[0] != null) {
      // Traces were found but none could be read: that is a failure, not an empty answer.
      throw empty[0].whyNothing();
    }
    List<TraceHit> matched = new ArrayList<>(outcome.matched());
    matched.sort(Traces.NEWEST_FIRST);
    boolean more = matched.size() > limit || (matched.size() == limit && outcome.backendHasMore());
    List<TraceHit> hits = matched.size() > limit ? matched.subList(0, limit) : matched;
    Shortfall shortfall = outcome.shortfall() == null ? unread[0] : outcome.shortfall().and(unread[0]);
    int read = visitor == null && !plan.hasResidual() && !needSpans ? outcome.scanned() : whole[0];
    return new TraceSearchOutcome(hits, outcome.scanned(), read, more, outcome.capped(), missing[0], shortfall);
  }
}
