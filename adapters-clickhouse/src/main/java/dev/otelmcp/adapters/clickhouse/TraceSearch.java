package dev.otelmcp.adapters.clickhouse;

import com.fasterxml.jackson.databind.JsonNode;
import dev.otelmcp.domain.error.InvalidQueryException;
import dev.otelmcp.domain.error.Quote;
import dev.otelmcp.domain.model.TimeRange;
import dev.otelmcp.domain.model.Trace;
import dev.otelmcp.domain.query.Filter;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Trace search in two statements: one finds a page of trace ids — traces that start in the window and match every
 * filter, newest first — and one reads every span of those traces (never one statement per trace).
 *
 * <p>A trace is judged whole: the first statement groups spans by trace over the window widened by
 * {@code max_trace_duration} on both sides, so that a trace starting in the window is seen with its later spans,
 * and a trace that started before it is seen starting there. Trace-level filters ({@code duration}, {@code trace_id},
 * {@code span_count}) are conditions on the group; a positive span filter holds when one and the same span satisfies
 * all of them ({@code countIf(a AND b) > 0}), a negative one when no span satisfies its positive form.
 */
final class TraceSearch {

  private static final Pattern CURSOR = Pattern.compile("(-?\\d{1,19}):([0-9a-f]{1,32})");

  private final ClickHouseCalls calls;
  private final ClickHouseConfig config;

  /** A trace found, with its start in nanoseconds since the epoch. */
  record Found(String traceId, long startNanos) {

    String cursor() {
      return startNanos + ":" + traceId;
    }
  }

  /** One page of traces found; {@code more} when others match after it. */
  record Page(List<Found> found, boolean more) {}

  TraceSearch(ClickHouseCalls calls, ClickHouseConfig config) {
    this.calls = calls;
    this.config = config;
  }

  /** Up to {@code limit} traces after {@code after} (a cursor of {@link Found#cursor}, or {@code null}). */
  Page page(Schema schema, TimeRange window, List<Filter> filters, int limit, String after) {
    SqlParams params = new SqlParams();
    String sql = "SELECT TraceId, toString(start_n) AS start_ns FROM ("
        + traceList(schema, window, filters, limit + 1, after, params) + ") ORDER BY start_n DESC, TraceId ASC"
        + SpanRows.SETTINGS + " FORMAT JSONEachRow";
    List<JsonNode> rows = calls.rows("trace search", params.sql(sql));
    List<Found> found = new ArrayList<>(Math.min(rows.size(), limit));
    for (int i = 0; i < rows.size() && i < limit; i++) {
      found.add(new Found(rows.get(i).path("TraceId").asText(), Long.parseLong(rows.get(i).path("start_ns").asText())));
    }
    return new Page(found, rows.size() > limit);
  }

  /**
   * The statement listing the traces that start in the window and match every filter, newest first ({@code TraceId},
   * {@code start_n} in nanoseconds): at most {@code limit} ({@code null}: all), after the cursor {@code after}.
   */
  String traceList(Schema schema, TimeRange window, List<Filter> filters, Integer limit, String after,
      SqlParams params) {
    FilterSql filterSql = new FilterSql(schema.variant(), params);
    List<String> having = new ArrayList<>();
    String start = "min(" + FilterSql.START_NANOS + ")";
    having.add("start_n >= " + params.int64(nanos(window.start())));
    having.add("start_n < " + params.int64(nanos(window.end())));
    List<String> sameSpan = new ArrayList<>();
    for (Filter filter : filters) {
      if (FilterSql.isTraceLevel(filter)) {
        String positive = filterSql.onTrace(filter);
        having.add(filter.isNegative() ? "NOT " + positive : positive);
      } else if (filter.isNegative()) {
        having.add("countIf(" + filterSql.onSpan(filter) + ") = 0");
      } else {
        sameSpan.add(filterSql.onSpan(filter));
      }
    }
    if (!sameSpan.isEmpty()) {
      having.add("countIf(" + String.join(" AND ", sameSpan) + ") > 0");
    }
    if (after != null) {
      Found cursor = parseCursor(after);
      String at = params.int64(cursor.startNanos());
      having.add("(start_n < " + at + " OR (start_n = " + at + " AND TraceId > " + params.string(cursor.traceId())
          + "))");
    }
    return "SELECT TraceId, " + start + " AS start_n"
        + " FROM " + config.spansTable()
        + " WHERE " + scanRange(params, window) + " AND match(TraceId, '^[0-9a-f]{1,32}$')"
        + " GROUP BY TraceId"
        + " HAVING " + String.join(" AND ", having)
        + " ORDER BY start_n DESC, TraceId ASC"
        + (limit == null ? "" : " LIMIT " + params.uint32(limit));
  }

  /** Every span of the traces found (one statement), as whole traces in the page's order. */
  List<Trace> traces(Schema schema, TimeRange window, List<Found> found) {
    if (found.isEmpty()) {
      return List.of();
    }
    SqlParams params = new SqlParams();
    String sql = "SELECT " + SpanRows.columns(schema) + " FROM " + config.spansTable()
        + " WHERE " + scanRange(params, window)
        + " AND TraceId IN " + params.hexIds(found.stream().map(Found::traceId).toList())
        + SpanRows.SETTINGS + " FORMAT JSONEachRow";
    Map<String, Trace> byId = new HashMap<>();
    SpanRows.traces(calls.rows("read traces", params.sql(sql))).forEach(t -> byId.put(t.traceId(), t));
    List<Trace> traces = new ArrayList<>(found.size());
    for (Found f : found) {
      Trace trace = byId.get(f.traceId());
      if (trace != null) {
        traces.add(trace);
      }
    }
    return traces;
  }

  /** The rows a search reads: the window widened by the longest trace on both sides. */
  String scanRange(SqlParams params, TimeRange window) {
    Instant from = window.start().minus(config.maxTraceDuration());
    Instant to = window.end().plus(config.maxTraceDuration());
    return "Timestamp >= " + params.dateTime64(from) + " AND Timestamp < " + params.dateTime64(to);
  }

  static long nanos(Instant instant) {
    return Math.addExact(Math.multiplyExact(instant.getEpochSecond(), 1_000_000_000L), instant.getNano());
  }

  private static Found parseCursor(String cursor) {
    java.util.regex.Matcher m = CURSOR.matcher(cursor);
    if (!m.matches()) {
      throw new InvalidQueryException("cursor " + Quote.of(cursor) + " was not issued by the clickhouse backend",
          "Repeat the search without a cursor.");
    }
    return new Found(m.group(2), Long.parseLong(m.group(1)));
  }
}
