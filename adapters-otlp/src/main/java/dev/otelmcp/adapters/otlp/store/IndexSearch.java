package dev.otelmcp.adapters.otlp.store;

import dev.otelmcp.domain.error.InvalidQueryException;
import dev.otelmcp.domain.error.Quote;
import dev.otelmcp.domain.model.Span;
import dev.otelmcp.domain.model.TimeRange;
import dev.otelmcp.domain.model.TraceHit;
import dev.otelmcp.domain.port.SpanSearchResult;
import dev.otelmcp.domain.port.TraceSearchResult;
import dev.otelmcp.domain.query.Filter;
import dev.otelmcp.domain.query.FilterEvaluator;
import dev.otelmcp.domain.query.SpanQuery;
import dev.otelmcp.domain.query.TraceQuery;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.NavigableSet;
import java.util.TreeSet;
import java.util.function.Predicate;

/**
 * Trace and span search over a {@link SpanIndex}: candidates from {@link CandidateSource}, every filter
 * checked with {@link FilterEvaluator} (so native evaluation is the reference semantics, exactly), newest
 * first, with cursors for the next page.
 *
 * <p>A trace is in the window when it starts in it; a span when it starts in it.
 */
final class IndexSearch {

  /** Spans newest first, then by span and trace id: the order span search answers in. */
  static final Comparator<Span> SPAN_ORDER = Comparator.comparing(Span::startTime).reversed()
      .thenComparing(Span::spanId).thenComparing(Span::traceId);

  private final SpanIndex index;

  IndexSearch(SpanIndex index) {
    this.index = index;
  }

  TraceSearchResult traces(TraceQuery query) {
    return index.read(() -> searchTraces(query));
  }

  SpanSearchResult spans(SpanQuery query) {
    return index.read(() -> searchSpans(query));
  }

  private TraceSearchResult searchTraces(TraceQuery query) {
    TraceEntry after = query.cursorValue().map(IndexSearch::traceCursor).orElse(null);
    int want = query.limit() + 1;
    List<TraceEntry> hits = new ArrayList<>();
    forEachTrace(query.timeRange(), query.filters(), after, entry -> hits.add(entry) && hits.size() < want);
    boolean more = hits.size() > query.limit();
    List<TraceEntry> page = more ? hits.subList(0, query.limit()) : hits;
    List<TraceHit> traces = new ArrayList<>(page.size());
    page.forEach(entry -> traces.add(entry.trace()));
    String next = more ? page.get(page.size() - 1).startNanos + ":" + page.get(page.size() - 1).traceId : null;
    return new TraceSearchResult(traces, more, next);
  }

  /**
   * Hands {@code visitor} each trace that starts in the window and matches every filter, newest first (after
   * {@code after} when given), until it returns false. Call under the index's read lock.
   */
  void forEachTrace(TimeRange window, List<Filter> filters, TraceEntry after, Predicate<TraceEntry> visitor) {
    long lo = TraceEntry.nanos(window.start());
    long hi = TraceEntry.nanos(window.end());
    CandidateSource.Choice source = CandidateSource.choose(index, filters, true, lo, hi);
    if (source.ordered() != null) {
      for (TraceEntry entry : newestFirst(source.ordered(), hi, after)) {
        if (entry.startNanos < lo) {
          return;
        }
        if (source.passes(entry) && FilterEvaluator.matches(entry.trace(), filters) && !visitor.test(entry)) {
          return;
        }
      }
      return;
    }
    List<TraceEntry> candidates = new ArrayList<>();
    for (TraceEntry entry : source.unordered()) {
      if (entry.startNanos >= lo && entry.startNanos < hi && source.passes(entry)
          && (after == null || TraceEntry.NEWEST_FIRST.compare(entry, after) > 0)) {
        candidates.add(entry);
      }
    }
    candidates.sort(TraceEntry.NEWEST_FIRST);
    for (TraceEntry entry : candidates) {
      if (FilterEvaluator.matches(entry.trace(), filters) && !visitor.test(entry)) {
        return;
      }
    }
  }

  private SpanSearchResult searchSpans(SpanQuery query) {
    TimeRange window = query.timeRange();
    long lo = TraceEntry.nanos(window.start());
    long hi = TraceEntry.nanos(window.end());
    long maxDuration = index.maxTraceDurationNanos();
    // A trace that started before the window may still have spans in it, up to the longest trace's duration.
    long earliestTrace = lo - maxDuration;
    Span after = query.cursorValue().map(IndexSearch::spanCursor).orElse(null);
    SpanCollector kept = new SpanCollector(query.filters(), lo, hi, after, query.limit() + 1);
    CandidateSource.Choice source = CandidateSource.choose(index, query.filters(), false, earliestTrace, hi);
    if (source.ordered() != null) {
      for (TraceEntry entry : newestFirst(source.ordered(), hi, null)) {
        if (entry.startNanos < earliestTrace || kept.fullAndNewerThan(entry.startNanos + maxDuration)) {
          break;
        }
        if (source.passes(entry)) {
          kept.offer(entry);
        }
      }
    } else {
      for (TraceEntry entry : source.unordered()) {
        if (entry.startNanos >= earliestTrace && entry.startNanos < hi && source.passes(entry)) {
          kept.offer(entry);
        }
      }
    }
    List<Span> spans = new ArrayList<>(kept.spans);
    boolean more = spans.size() > query.limit();
    List<Span> page = more ? spans.subList(0, query.limit()) : spans;
    String next = null;
    if (more) {
      Span last = page.get(page.size() - 1);
      next = TraceEntry.nanos(last.startTime()) + ":" + last.spanId() + ":" + last.traceId();
    }
    return new SpanSearchResult(page, more, next);
  }

  /** Keeps the newest {@code want} matching spans. */
  private static final class SpanCollector {
    private final List<Filter> filters;
    private final long lo;
    private final long hi;
    private final Span after;
    private final int want;
    final TreeSet<Span> spans = new TreeSet<>(SPAN_ORDER);

    SpanCollector(List<Filter> filters, long lo, long hi, Span after, int want) {
      this.filters = filters;
      this.lo = lo;
      this.hi = hi;
      this.after = after;
      this.want = want;
    }

    void offer(TraceEntry entry) {
      for (Span span : entry.spans()) {
        long start = TraceEntry.nanos(span.startTime());
        if (start < lo || start >= hi || (after != null && SPAN_ORDER.compare(span, after) <= 0)) {
          continue;
        }
        if (spans.size() == want && SPAN_ORDER.compare(span, spans.last()) >= 0) {
          continue;
        }
        if (FilterEvaluator.matches(span, filters)) {
          spans.add(span);
          if (spans.size() > want) {
            spans.pollLast();
          }
        }
      }
    }

    /** Whether enough spans are kept and all of them started after {@code nanos}: older traces cannot help. */
    boolean fullAndNewerThan(long nanos) {
      return spans.size() == want && TraceEntry.nanos(spans.last().startTime()) > nanos;
    }
  }

  /** The traces of an ordered set that start before {@code hi}, newest first, after the cursor if any. */
  private static NavigableSet<TraceEntry> newestFirst(NavigableSet<TraceEntry> set, long hi, TraceEntry after) {
    TraceEntry fromEnd = SpanIndex.probe(hi - 1);
    if (after != null && TraceEntry.NEWEST_FIRST.compare(after, fromEnd) >= 0) {
      return set.tailSet(after, false);
    }
    return set.tailSet(fromEnd, true);
  }

  private static TraceEntry traceCursor(String cursor) {
    String[] parts = cursor.split(":", 2);
    try {
      TraceEntry probe = new TraceEntry(parts[1]);
      probe.startNanos = Long.parseLong(parts[0]);
      return probe;
    } catch (RuntimeException e) {
      throw badCursor(cursor);
    }
  }

  private static Span spanCursor(String cursor) {
    String[] parts = cursor.split(":", 3);
    try {
      long nanos = Long.parseLong(parts[0]);
      return Span.builder().traceId(parts[2]).spanId(parts[1])
          .startTime(java.time.Instant.ofEpochSecond(Math.floorDiv(nanos, 1_000_000_000L),
              Math.floorMod(nanos, 1_000_000_000L)))
          .build();
    } catch (RuntimeException e) {
      throw badCursor(cursor);
    }
  }

  private static InvalidQueryException badCursor(String cursor) {
    return new InvalidQueryException("cursor " + Quote.of(cursor) + " was not issued by the otlp store",
        "Repeat the search without a cursor.");
  }
}
