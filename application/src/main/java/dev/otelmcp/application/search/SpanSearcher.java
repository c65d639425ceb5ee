package dev.otelmcp.application.search;

import dev.otelmcp.application.ApplicationSettings;
import dev.otelmcp.application.page.After;
import dev.otelmcp.domain.model.Span;
import dev.otelmcp.domain.model.TimeRange;
import dev.otelmcp.domain.model.Trace;
import dev.otelmcp.domain.model.TraceHit;
import dev.otelmcp.domain.port.Shortfall;
import dev.otelmcp.domain.port.SpanSearchResult;
import dev.otelmcp.domain.port.StoreCapabilities;
import dev.otelmcp.domain.port.TraceStore;
import dev.otelmcp.domain.query.FieldResolver;
import dev.otelmcp.domain.query.Filter;
import dev.otelmcp.domain.query.FilterEvaluator;
import dev.otelmcp.domain.query.FilterOperator;
import dev.otelmcp.domain.query.SpanQuery;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Predicate;

/**
 * Span search. Stores with native span search get the filters they evaluate; for the others (Jaeger)
 * span search is derived from trace search: traces that contain a span matching the positive filters
 * are fetched, and their spans are filtered one by one.
 */
public final class SpanSearcher {

  /** The order of every span list, the one {@link After} positions refer to. */
  private static final Comparator<Span> NEWEST_FIRST =
      Comparator.comparing(Span::startTime).reversed().thenComparing(Span::traceId).thenComparing(Span::spanId);
  private static final int GROWTH = 4;

  private final TraceStore store;
  private final TraceSearcher traceSearcher;
  private final ApplicationSettings settings;

  @Inject
  public SpanSearcher(TraceStore store, TraceSearcher traceSearcher, ApplicationSettings settings) {
    this.store = store;
    this.traceSearcher = traceSearcher;
    this.settings = settings;
  }

  public SpanSearchOutcome search(TimeRange window, List<Filter> filters, int limit) {
    return search(window, filters, limit, null);
  }

  /**
   * The same search continued after a position (see {@link After}); {@code null} for the first page.
   */
  public SpanSearchOutcome search(TimeRange fullWindow, List<Filter> filters, int limit, After after) {
    TimeRange window = after == null ? fullWindow : after.narrow(fullWindow);
    Predicate<Span> fresh = after == null ? span -> true
        : span -> !after.passed(span.startTime(), span.traceId(), span.spanId());
    StoreCapabilities capabilities = store.capabilities();
    return capabilities.nativeSpanSearch()
        ? searchNatively(window, filters, limit, capabilities, fresh)
        : searchThroughTraces(window, filters, limit, fresh);
  }

  private SpanSearchOutcome searchNatively(
      TimeRange window, List<Filter> filters, int limit, StoreCapabilities caps, Predicate<Span> fresh) {
    QueryPlan plan = QueryPlan.forSpans(filters, caps);
    int scanCap = Math.max(limit, settings.maxTracesPerQuery());
    PagedScan<Span, Span> scan = new PagedScan<>(
        (fetch, cursor) -> {
          SpanSearchResult page = store.searchSpans(new SpanQuery(window, plan.pushed(), fetch, cursor));
          return new PagedScan.Page<>(page.spans(), page.mayHaveMore(), page.nextCursor(), page.shortfall());
        },
        span -> span.traceId() + span.spanId(),
        page -> page.stream().filter(fresh).filter(span -> FilterEvaluator.matches(span, plan.residual())).toList(),
        Span::startTime);
    int firstFetch = plan.hasResidual() ? Math.max(limit * 2, 20) : limit;
    PagedScan.Outcome<Span> outcome = scan.run(limit, firstFetch, Math.min(scanCap, caps.maxSearchLimit()), scanCap);
    return finish(new ArrayList<>(outcome.matched()), limit, 0, outcome.scanned(), outcome.backendHasMore(),
        outcome.capped(), outcome.shortfall());
  }

  private SpanSearchOutcome searchThroughTraces(TimeRange window, List<Filter> filters, int limit, Predicate<Span> fresh) {
    List<Filter> traceFilters = filters.stream().filter(SpanSearcher::narrowsTraces).toList();
    int scanCap = Math.max(limit, settings.maxTracesPerQuery());
    int traceLimit = Math.min(limit, scanCap);
    while (true) {
      TraceSearchOutcome traces = traceSearcher.search(window, traceFilters, traceLimit, true);
      List<Span> matched = new ArrayList<>();
      int spansScanned = 0;
      for (TraceHit hit : traces.hits()) {
        for (Span span : ((Trace) hit).spans()) {
          spansScanned++;
          if (fresh.test(span) && FilterEvaluator.matches(span, filters)) {
            matched.add(span);
          }
        }
      }
      boolean enough = matched.size() >= limit;
      if (enough || !traces.moreAvailable() || traceLimit >= scanCap || traces.scanCapped()
          || traces.shortfall() != null && traces.shortfall().stoppedBy() != null) {
        boolean capped = !enough && (traces.scanCapped() || (traces.moreAvailable() && traceLimit >= scanCap));
        return finish(matched, limit, traces.tracesRead(), spansScanned, traces.moreAvailable(), capped,
            traces.shortfall());
      }
      traceLimit = Math.min(traceLimit * GROWTH, scanCap);
    }
  }

  /**
   * Whether a span filter can be applied to whole traces without losing a trace that holds a matching
   * span: positive filters on span fields, and lower bounds on duration (a span that long implies a trace
   * at least that long). Negative filters and other duration bounds are applied to spans only.
   */
  private static boolean narrowsTraces(Filter filter) {
    if (filter.isNegative()) {
      return false;
    }
    if (FieldResolver.isTraceLevel(filter.field())) {
      boolean lowerBound = filter.operator() == FilterOperator.GT || filter.operator() == FilterOperator.GTE;
      return lowerBound && filter.field().toLowerCase(java.util.Locale.ROOT).startsWith("duration");
    }
    return true;
  }

  private static SpanSearchOutcome finish(List<Span> matched, int limit, int tracesScanned, int spansScanned,
      boolean backendHasMore, boolean capped, Shortfall shortfall) {
    matched.sort(NEWEST_FIRST);
    boolean more = matched.size() > limit || (matched.size() == limit && backendHasMore);
    List<Span> spans = matched.size() > limit ? matched.subList(0, limit) : matched;
    return new SpanSearchOutcome(spans, tracesScanned, spansScanned, more, capped, shortfall);
  }
}
