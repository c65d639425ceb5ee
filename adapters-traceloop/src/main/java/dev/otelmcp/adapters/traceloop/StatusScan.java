package dev.otelmcp.adapters.traceloop;

import dev.otelmcp.domain.call.CallContext;
import dev.otelmcp.domain.call.StopReason;
import dev.otelmcp.domain.model.Span;
import dev.otelmcp.domain.port.Shortfall;
import dev.otelmcp.domain.port.SpanSearchResult;
import dev.otelmcp.domain.query.Filter;
import dev.otelmcp.domain.query.FilterEvaluator;
import dev.otelmcp.domain.query.IntrinsicField;
import dev.otelmcp.domain.query.SpanQuery;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Span search with a status condition ({@code has_error}, {@code status}), which the API cannot evaluate: the
 * store reads the window's spans itself, {@value #PAGE_SIZE} per request with the conditions the API does
 * evaluate, and keeps those matching every condition, until it has the asked number, the window has no more spans,
 * {@value #MAX_PAGES} pages were read in this call, or the tool call should stop. So every error span of the
 * window is found, however many other spans there are; left to the application, a status condition would be
 * checked on at most {@code MAX_TRACES_PER_QUERY} spans.
 *
 * <p>Pages are read and resumed as {@link SpanPages} says (a second is read again at each page boundary; its rows
 * are recognised by id). When it stops with more matches than asked, it answers only the matches of the seconds
 * before the first one left out, and its cursor reads that second again (the application drops the spans it
 * already has).
 */
final class StatusScan {

  static final int PAGE_SIZE = SpanPages.PAGE_SIZE;
  static final int MAX_PAGES = 10;

  private static final Logger LOG = LoggerFactory.getLogger(StatusScan.class);

  private final SpanPages pages;
  private final SpanMapper mapper;

  StatusScan(SpanPages pages, SpanMapper mapper) {
    this.pages = pages;
    this.mapper = mapper;
  }

  /** Whether the condition is one this scan evaluates (a condition on the span status). */
  static boolean evaluates(Filter filter) {
    return IntrinsicField.parse(filter.field()).filter(f -> f == IntrinsicField.STATUS).isPresent();
  }

  /**
   * @param pushed the query's other conditions in the API's form
   */
  SpanSearchResult search(SpanQuery query, List<Wire.WireFilter> pushed) {
    List<Span> kept = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    String cursor = query.cursor();
    Instant oldest = null;
    for (int page = 0; page < MAX_PAGES; page++) {
      Optional<StopReason> stop = page == 0 ? Optional.empty() : CallContext.current().stopReason();
      if (stop.isPresent()) {
        return new SpanSearchResult(kept, true, cursor, Shortfall.stopped(stop.get(), oldest));
      }
      String sent = cursor;
      Paging.Page rows = pages.read(pushed, query.timeRange(), sent);
      for (Wire.WireSpan row : rows.rows()) {
        Optional<Span> span = mapper.span(row);
        if (span.isEmpty() || !seen.add(span.get().traceId() + span.get().spanId())) {
          continue;
        }
        Instant start = span.get().startTime();
        oldest = oldest == null || start.isBefore(oldest) ? start : oldest;
        if (query.timeRange().contains(start) && FilterEvaluator.matches(span.get(), query.filters())) {
          kept.add(span.get());
        }
      }
      if (kept.size() > query.limit()) {
        return cut(kept, query.limit());
      }
      if (!rows.mayHaveMore()) {
        return new SpanSearchResult(kept, false, null);
      }
      cursor = SpanPages.resume(rows, sent);
      if (kept.size() == query.limit()) {
        return new SpanSearchResult(kept, true, cursor);
      }
    }
    return new SpanSearchResult(kept, true, cursor);
  }

  /**
   * The matches of the seconds before the first match beyond the limit, newest first, and a cursor that reads that
   * second again.
   */
  static SpanSearchResult cut(List<Span> matches, int limit) {
    List<Span> kept = new ArrayList<>(matches);
    kept.sort(Comparator.comparing(Span::startTime).reversed());
    long second = seconds(kept.get(limit));
    int end = 0;
    while (end < limit && seconds(kept.get(end)) > second) {
      end++;
    }
    if (end == 0) {
      // More matches in one second than asked for: answer the newest, and go on below the last one's millisecond
      // (as the API's own cursor does); matches at that very millisecond beyond the limit are missed.
      LOG.debug("Traceloop: more than {} matching spans in one second; the next page starts at the last one", limit);
      Span last = kept.get(limit - 1);
      return new SpanSearchResult(kept.subList(0, limit), true, Long.toString(last.startTime().toEpochMilli()));
    }
    return new SpanSearchResult(kept.subList(0, end), true, Long.toString((second + 1) * 1000L));
  }

  private static long seconds(Span span) {
    return Math.floorDiv(span.startTime().toEpochMilli(), 1000L);
  }
}
