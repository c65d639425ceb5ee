package dev.otelmcp.application.search;

import dev.otelmcp.application.ApplicationSettings;
import dev.otelmcp.domain.model.TimeRange;
import dev.otelmcp.domain.model.Trace;
import dev.otelmcp.domain.model.TraceHit;
import dev.otelmcp.domain.model.Traces;
import dev.otelmcp.domain.port.StoreCapabilities;
import dev.otelmcp.domain.port.TraceSearchResult;
import dev.otelmcp.domain.port.TraceStore;
import dev.otelmcp.domain.query.Filter;
import dev.otelmcp.domain.query.FilterEvaluator;
import dev.otelmcp.domain.query.TraceQuery;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Runs a trace search through the query planner: pushes to the store the filters it evaluates, applies
 * the rest in memory, and keeps fetching (next cursor page, or a larger window of results) until it has
 * {@code limit} matches, the backend has nothing more, or {@code MAX_TRACES_PER_QUERY} traces were
 * scanned — so residual filters never silently under-fill a result.
 */
public final class TraceSearcher {

  private static final int GROWTH = 4;
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
    StoreCapabilities capabilities = store.capabilities();
    QueryPlan plan = QueryPlan.forTraces(filters, capabilities);
    int scanCap = Math.max(limit, settings.maxTracesPerQuery());
    int requestCap = Math.min(scanCap, capabilities.maxSearchLimit());
    int fetch = Math.min(plan.hasResidual() ? Math.max(limit * 2, MIN_FETCH_WITH_RESIDUAL) : limit, requestCap);

    List<TraceHit> matched = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    int missing = 0;
    boolean backendHasMore;
    boolean capped = false;
    String cursor = null;
    while (true) {
      TraceSearchResult page = store.searchTraces(new TraceQuery(window, plan.pushed(), fetch, cursor));
      List<TraceHit> fresh = new ArrayList<>();
      for (TraceHit hit : page.hits()) {
        if (seen.add(hit.traceId())) {
          fresh.add(hit);
        }
      }
      List<? extends TraceHit> candidates = fresh;
      if (plan.hasResidual() || needSpans) {
        TraceHydrator.Hydration hydration = hydrator.hydrate(fresh);
        missing += hydration.missing();
        candidates = hydration.traces();
      }
      for (TraceHit hit : candidates) {
        // Positive span filters must hold on one span: re-check all of them, pushed ones included.
        if (!plan.hasResidual() || FilterEvaluator.matches((Trace) hit, plan.all())) {
          matched.add(hit);
        }
      }
      backendHasMore = page.mayHaveMore();
      if (matched.size() >= limit || !backendHasMore) {
        break;
      }
      if (seen.size() >= scanCap) {
        capped = true;
        break;
      }
      if (page.cursor().isPresent()) {
        cursor = page.nextCursor();
      } else if (fetch < requestCap) {
        fetch = Math.min(fetch * GROWTH, requestCap);
      } else {
        capped = true;
        break;
      }
    }
    matched.sort(Traces.NEWEST_FIRST);
    boolean more = matched.size() > limit || (matched.size() == limit && backendHasMore);
    List<TraceHit> hits = matched.size() > limit ? matched.subList(0, limit) : matched;
    return new TraceSearchOutcome(hits, seen.size(), more, capped, missing);
  }
}
