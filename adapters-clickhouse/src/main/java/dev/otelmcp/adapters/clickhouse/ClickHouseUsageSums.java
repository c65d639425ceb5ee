package dev.otelmcp.adapters.clickhouse;

import com.fasterxml.jackson.databind.JsonNode;
import dev.otelmcp.domain.llm.CallGroup;
import dev.otelmcp.domain.port.LlmUsageSums;
import dev.otelmcp.domain.pricing.BillableUsage;
import java.util.List;
import java.util.function.Consumer;

/**
 * The window's LLM calls summed inside ClickHouse, in one statement whose answer is a few rows whatever the window
 * holds: the window's traces and their counted calls as {@link WindowCalls} reads them (a sum cut short would be a
 * wrong number: the statement stops at the call's stop time and the call says it stopped), grouped by everything
 * their price depends on besides their tokens ({@link LlmUsageSums}) and summed.
 *
 * <p>Only the {@code Map} variant: its attribute values are all text, read as the domain reads text. The JSON
 * variant keeps typed values whose reading in SQL is not proved to agree, and is read by the call scan instead.
 */
final class ClickHouseUsageSums implements LlmUsageSums {

  private final WindowCalls window;

  ClickHouseUsageSums(WindowCalls window) {
    this.window = window;
  }

  @Override
  public Report sum(Request request, Consumer<CallGroup> groups) {
    SqlParams params = new SqlParams();
    List<JsonNode> rows = window.rows("LLM usage sums", params, settings -> statement(request, params, settings));
    WindowCalls.Totals totals = new WindowCalls.Totals();
    for (JsonNode row : rows) {
      totals.add(row);
      if (row.path("requests").asLong() > 0) {
        groups.accept(group(row));
      }
    }
    return new Report(totals.traces(), totals.spans(), totals.more(request.traceLimit()));
  }

  /** @param settings more settings, each after a comma ({@code ""}: none) */
  String statement(Request request, SqlParams params, String settings) {
    // One trace more than asked for says whether more remain; its spans are read but not summed.
    int limit = WindowCalls.kept(request.traceLimit());
    String kept = "rank_ <= " + params.uint32(limit);
    return "SELECT c_.5 AS req, c_.6 AS resp, c_.4 AS prov, c_.2 AS service, toString(min(c_.3)) AS first_ns, "
        + "toString(max(c_.3)) AS last_ns, " + String.format(WindowCalls.TOTALS, kept) + ", "
        + "countIf(n_ > 0) AS requests, "
        + "sumIf(c_.7, n_ > 0) AS errors, sumIf(c_.8, n_ > 0) AS warnings, sumIf(c_.9, n_ > 0) AS input, "
        + "sumIf(c_.10, n_ > 0) AS output, sumIf(c_.11, n_ > 0) AS total, sumIf(c_.12, n_ > 0) AS cache_read, "
        + "sumIf(c_.13, n_ > 0) AS cache_creation, sumIf(c_.14, n_ > 0) AS reasoning, "
        + "sumIf(c_.15, n_ > 0) AS billable_input, sumIf(c_.16, n_ > 0) AS billable_output, "
        + "sumIf(c_.17, n_ > 0) AS billable_reasoning, min(c_.15) AS tier_input"
        // A trace without counted calls still gives a row (n_ = 0), which counts the trace and its spans.
        + " FROM (" + WindowCalls.traces(window.spans(request.window(), request.traceFilters(), limit, params,
            List.of()), kept, "", "", "") + ")"
        + " LEFT ARRAY JOIN counted_ AS c_, arrayEnumerate(counted_) AS n_"
        // Everything a price depends on besides the tokens: whether it adds up, tier, dated period, part of the day.
        + " GROUP BY req, resp, prov, service, n_ > 0, c_.15 >= c_.12, c_.15 >= c_.13, c_.15 >= c_.12 + c_.13"
        + breaks(request, params) + series(request, params)
        + SpanRows.SETTINGS + settings + " FORMAT JSONEachRow";
  }

  /** The price breaks as grouping keys: tier of the billable input, dated period, part of the day. */
  private String breaks(Request request, SqlParams params) {
    StringBuilder keys = new StringBuilder();
    PriceSegments.of(request.breaks(), "c_.15", "c_.3", window.scanNanos(request.window()), params).stream()
        .filter(segment -> !segment.equals("0")).forEach(segment -> keys.append(", ").append(segment));
    return keys.toString();
  }

  /** The series bucket as a grouping key, when a series is asked for. */
  private static String series(Request request, SqlParams params) {
    return request.seriesStep() == null ? ""
        : ", intDiv(intDiv(c_.3, 1000000), " + params.int64(request.seriesStep().toMillis()) + ")";
  }

  private static CallGroup group(JsonNode row) {
    return new CallGroup(text(row, "req"), text(row, "resp"), text(row, "prov"), row.path("service").asText(""),
        SpanRows.instant(Long.parseLong(row.path("first_ns").asText("0"))),
        SpanRows.instant(Long.parseLong(row.path("last_ns").asText("0"))), row.path("requests").asLong(),
        row.path("errors").asLong(), row.path("warnings").asLong(), row.path("input").asLong(),
        row.path("output").asLong(), row.path("total").asLong(), row.path("cache_read").asLong(),
        row.path("cache_creation").asLong(), row.path("reasoning").asLong(),
        new BillableUsage(row.path("billable_input").asLong(), row.path("cache_read").asLong(),
            row.path("cache_creation").asLong(), 0, row.path("billable_output").asLong(),
            row.path("billable_reasoning").asLong()),
        row.path("tier_input").asLong());
  }

  private static String text(JsonNode row, String field) {
    JsonNode value = row.path(field);
    return value.isNull() || value.isMissingNode() ? null : value.asText();
  }
}
