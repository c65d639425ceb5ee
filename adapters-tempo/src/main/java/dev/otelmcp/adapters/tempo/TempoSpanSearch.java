package dev.otelmcp.adapters.tempo;

import dev.otelmcp.adapters.tempo.TempoJson.TraceMetadata;
import dev.otelmcp.backend.toolkit.ShortfallTally;
import dev.otelmcp.domain.call.CallContext;
import dev.otelmcp.domain.call.StopReason;
import dev.otelmcp.domain.model.Ids;
import dev.otelmcp.domain.model.Span;
import dev.otelmcp.domain.model.Trace;
import dev.otelmcp.domain.port.SpanSearchResult;
import dev.otelmcp.domain.query.FilterEvaluator;
import dev.otelmcp.domain.query.SpanQuery;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Span search through TraceQL, answered with whole domain spans.
 *
 * <p>A spanset span carries only its id, start, duration and the attributes the query named, not its
 * service, kind, status, parent, events or other attributes, so the traces holding matched spans are fetched
 * whole (in parallel, bounded) and their spans checked with {@code FilterEvaluator}: the answer is the same as
 * any other backend's, and conditions that TraceQL only approximates (see {@link AttributeConditions}) are
 * made exact. Tempo's {@code matched} count per trace says how many traces must be fetched to fill the limit,
 * so a trace with 28 matching spans answers a limit of 10 with one fetch.
 *
 * <p>No new batch of fetches starts once the tool call should stop; traces that could not be fetched are named in
 * the answer's shortfall (with what the search itself lacked), unless none could be fetched at all.
 */
final class TempoSpanSearch {

  /** Matched spans Tempo sends back per trace: only their count ({@code matched}) is used. */
  private static final int SPANS_PER_SPANSET = 1;
  private static final Comparator<Span> NEWEST_FIRST =
      Comparator.comparing(Span::startTime).reversed().thenComparing(Span::spanId);
  private static final Comparator<TraceMetadata> NEWEST_TRACE_FIRST = Comparator.comparing(
      (TraceMetadata t) -> SummaryMapper.nanos(t.startTimeUnixNano()).orElse(0L), Long::compareUnsigned).reversed();

  private final TempoSearcher searcher;
  private final ParallelFetcher fetcher;

  TempoSpanSearch(TempoSearcher searcher, ParallelFetcher fetcher) {
    this.searcher = searcher;
    this.fetcher = fetcher;
  }

  SpanSearchResult search(SpanQuery query) {
    FilterTranslator.Spanset spanset = FilterTranslator.spanset(query.filters(), FilterTranslator.Context.SPAN);
    // Every trace Tempo returns holds at least one matching span: asking for `limit` traces is enough.
    TempoSearcher.Candidates candidates =
        searcher.search(spanset.traceQl(), query.timeRange(), query.limit(), Optional.of(SPANS_PER_SPANSET));
    List<TraceMetadata> traces = new ArrayList<>(candidates.traces());
    traces.sort(NEWEST_TRACE_FIRST);
    CallContext call = CallContext.current();
    ShortfallTally fetches = new ShortfallTally();
    List<Span> matched = new ArrayList<>();
    int next = 0;
    while (next < traces.size() && matched.size() < query.limit()) {
      Optional<StopReason> stop = call.stopReason();
      if (stop.isPresent()) {
        fetches.stopped(stop.get());
        fetches.missing("traces not fetched: " + (traces.size() - next) + " of " + traces.size());
        break;
      }
      int batchEnd = batchEnd(traces, next, query.limit() - matched.size());
      List<String> ids = traces.subList(next, batchEnd).stream()
          .map(t -> Ids.normalizeTraceId(t.traceID()).orElse(null)).filter(id -> id != null).toList();
      for (Trace trace : fetcher.fetchAll(ids, fetches)) {
        trace.spans().stream().filter(span -> FilterEvaluator.matches(span, query.filters())).forEach(matched::add);
      }
      next = batchEnd;
    }
    fetches.throwIfNothingRead();
    fetches.include(candidates.shortfall());
    matched.sort(NEWEST_FIRST);
    boolean more = matched.size() > query.limit() || next < traces.size() || candidates.mayHaveMore();
    List<Span> page = matched.size() > query.limit() ? matched.subList(0, query.limit()) : matched;
    return new SpanSearchResult(page, more, null, fetches.shortfall());
  }

  /** The end of the next batch: enough traces, by Tempo's matched counts, to yield {@code needed} spans. */
  private static int batchEnd(List<TraceMetadata> traces, int from, int needed) {
    int end = from;
    int expected = 0;
    while (end < traces.size() && expected < needed) {
      expected += Math.max(1, traces.get(end).matchedSpans());
      end++;
    }
    return end;
  }
}
