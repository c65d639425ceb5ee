package dev.otelmcp.adapters.traceloop;

import com.fasterxml.jackson.databind.JsonNode;
import dev.otelmcp.domain.error.InvalidQueryException;
import dev.otelmcp.domain.error.Quote;
import dev.otelmcp.domain.model.TimeRange;
import java.time.Instant;
import java.util.List;

/**
 * Requests and pages of the two search endpoints.
 *
 * <p>The API pages by cursor: the first request sends {@code cursor: 0}, the answer's {@code next_cursor} (a
 * string holding the timestamp of the page's last row, {@code "-1"} for an empty page) is sent back for the
 * next page, as a number like the first one. A page shorter than the limit is the last one. Should the API
 * ever answer more rows than asked, the rows beyond the limit are dropped and the next page starts at the
 * last kept row's timestamp (rows at the same millisecond may come again; callers drop repeated ids).
 */
final class Paging {

  /** One page as the store sees it: the rows kept (at most the limit) and where the next page starts. */
  record Page(List<Wire.WireSpan> rows, boolean mayHaveMore, String nextCursor) {}

  private static final String SORT_BY = "timestamp";
  private static final String NEWEST_FIRST = "DESC";
  private static final String AND = "and";

  private Paging() {}

  static Wire.SearchRequest request(
      List<Wire.WireFilter> filters, List<String> environments, TimeRange window, int limit, String cursor) {
    return request(filters, environments, window.start().getEpochSecond(), ceilSeconds(window.end()), limit, cursor);
  }

  static Wire.SearchRequest request(
      List<Wire.WireFilter> filters, List<String> environments, long fromSec, long toSec, int limit, String cursor) {
    return new Wire.SearchRequest(filters, AND, environments, SORT_BY, NEWEST_FIRST, cursorValue(cursor), limit,
        fromSec, toSec);
  }

  /** The page of an answer to a request for {@code limit} rows, starting at {@code cursor}. */
  static Page page(Wire.SpanPage answer, int limit, String cursor) {
    List<Wire.WireSpan> data = answer == null || answer.data() == null ? List.of() : answer.data();
    if (data.size() > limit) {
      List<Wire.WireSpan> kept = data.subList(0, limit);
      Long last = kept.get(limit - 1).timestamp();
      return new Page(List.copyOf(kept), true, last == null ? null : Long.toString(last));
    }
    boolean full = data.size() == limit && !data.isEmpty();
    // On the first page total_results counts every match: no need to ask for an empty second page.
    boolean complete = cursor == null && answer != null && answer.totalResults() != null
        && answer.totalResults() <= data.size();
    String next = answer == null ? null : validCursor(answer.nextCursor());
    boolean more = full && !complete && next != null;
    return new Page(data, more, more ? next : null);
  }

  /** Window ends are exclusive in the domain; the API takes whole seconds, so round the end up. */
  static long ceilSeconds(Instant instant) {
    return instant.getEpochSecond() + (instant.getNano() > 0 ? 1 : 0);
  }

  private static Object cursorValue(String cursor) {
    if (cursor == null) {
      return 0L;
    }
    try {
      return Long.parseLong(cursor.trim());
    } catch (NumberFormatException e) {
      throw new InvalidQueryException("cursor " + Quote.of(cursor) + " is not a Traceloop cursor",
          "Pass the cursor of the previous page unchanged, or leave it out for the first page.");
    }
  }

  private static String validCursor(JsonNode node) {
    if (node == null || node.isNull()) {
      return null;
    }
    String text = node.asText("").trim();
    try {
      return Long.parseLong(text) > 0 ? text : null;
    } catch (NumberFormatException e) {
      return null;
    }
  }
}
