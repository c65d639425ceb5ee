package dev.otelmcp.adapters.clickhouse;

import com.fasterxml.jackson.databind.JsonNode;
import dev.otelmcp.domain.error.InvalidQueryException;
import dev.otelmcp.domain.error.Quote;
import dev.otelmcp.domain.model.Span;
import dev.otelmcp.domain.port.SpanSearchResult;
import dev.otelmcp.domain.query.Filter;
import dev.otelmcp.domain.query.SpanQuery;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Span search in one statement: spans that start in the window and satisfy every filter themselves (a negative
 * operator holds for a span that lacks the field), newest first, then by span and trace id, with a cursor.
 */
final class SpanSearch {

  private static final Pattern CURSOR = Pattern.compile("(-?\\d{1,19}):([0-9a-f]{1,16}):([0-9a-f]{1,32})");

  private final ClickHouseCalls calls;
  private final ClickHouseConfig config;

  SpanSearch(ClickHouseCalls calls, ClickHouseConfig config) {
    this.calls = calls;
    this.config = config;
  }

  SpanSearchResult search(Schema schema, SpanQuery query) {
    SqlParams params = new SqlParams();
    FilterSql filterSql = new FilterSql(schema.variant(), params);
    List<String> where = new ArrayList<>();
    where.add("Timestamp >= " + params.dateTime64(query.timeRange().start()));
    where.add("Timestamp < " + params.dateTime64(query.timeRange().end()));
    for (Filter filter : query.filters()) {
      String positive = filterSql.onSpan(filter);
      where.add(filter.isNegative() ? "NOT " + positive : positive);
    }
    query.cursorValue().ifPresent(cursor -> where.add(after(params, cursor)));
    String sql = "SELECT " + SpanRows.columns(schema) + " FROM " + config.spansTable()
        + " WHERE " + String.join(" AND ", where)
        + " ORDER BY Timestamp DESC, SpanId ASC, TraceId ASC"
        + " LIMIT " + params.uint32(query.limit() + 1)
        + SpanRows.SETTINGS + " FORMAT JSONEachRow";
    List<JsonNode> rows = calls.rows("span search", params.sql(sql));
    List<Span> spans = new ArrayList<>();
    for (int i = 0; i < rows.size() && i < query.limit(); i++) {
      spans.add(SpanRows.span(rows.get(i)));
    }
    boolean more = rows.size() > query.limit();
    String next = null;
    if (more) {
      Span last = spans.get(spans.size() - 1);
      next = TraceSearch.nanos(last.startTime()) + ":" + last.spanId() + ":" + last.traceId();
    }
    return new SpanSearchResult(spans, more, next);
  }

  private static String after(SqlParams params, String cursor) {
    Matcher m = CURSOR.matcher(cursor);
    if (!m.matches()) {
      throw new InvalidQueryException("cursor " + Quote.of(cursor) + " was not issued by the clickhouse backend",
          "Repeat the search without a cursor.");
    }
    String at = params.int64(Long.parseLong(m.group(1)));
    String span = params.string(m.group(2));
    String trace = params.string(m.group(3));
    String start = FilterSql.START_NANOS;
    return "(" + start + " < " + at + " OR (" + start + " = " + at + " AND (SpanId > " + span
        + " OR (SpanId = " + span + " AND TraceId > " + trace + "))))";
  }
}
