package dev.otelmcp.adapters.clickhouse;

import com.fasterxml.jackson.databind.JsonNode;
import dev.otelmcp.domain.call.CallContext;
import dev.otelmcp.domain.error.CallStoppedException;
import dev.otelmcp.domain.error.OtelMcpException;
import dev.otelmcp.domain.error.UnsupportedQueryException;
import dev.otelmcp.domain.llm.CallGroup;
import dev.otelmcp.domain.port.LlmUsageSums;
import dev.otelmcp.domain.pricing.BillableUsage;
import dev.otelmcp.domain.pricing.PriceBreaks;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * The window's LLM calls summed inside ClickHouse, in one statement whose answer is a few rows whatever the window
 * holds: the window's traces are listed as trace search lists them (every filter in SQL); each of their spans is
 * read as a call or not ({@link CallColumns}); per trace, the calls that have a call reporting usage below them are
 * wrappers and left out, as {@code LlmCalls.counted} leaves them out (each usage-reporting call's ancestors are
 * walked up the trace's parent links); the calls left are grouped by everything their price depends on besides
 * their tokens ({@link LlmUsageSums}) and summed.
 *
 * <p>A sum cut short would be a wrong number, not a partial one: the statement runs at most until the call's stop
 * time ({@code max_execution_time}), and a call that stops fails with {@code CallStoppedException}.
 *
 * <p>Only the {@code Map} variant: its attribute values are all text, read as the domain reads text. The JSON
 * variant keeps typed values whose reading in SQL is not proved to agree, and is read by the call scan instead.
 */
final class ClickHouseUsageSums implements LlmUsageSums {

  /** ClickHouse's UNKNOWN_FUNCTION: a server older than the functions the statement uses ({@code arrayFold}, 23.10). */
  private static final Pattern UNKNOWN_FUNCTION = Pattern.compile("Code: 46\\.");

  private final TraceSearch search;
  private final Schema schema;
  private final ClickHouseCalls calls;
  private final ClickHouseConfig config;

  ClickHouseUsageSums(TraceSearch search, Schema schema, ClickHouseCalls calls, ClickHouseConfig config) {
    this.search = search;
    this.schema = schema;
    this.calls = calls;
    this.config = config;
  }

  @Override
  public Report sum(Request request, Consumer<CallGroup> groups) {
    CallContext call = CallContext.current();
    if (call.shouldStop()) {
      throw new CallStoppedException(call.stopReason().orElseThrow());
    }
    SqlParams params = new SqlParams();
    // A sum cut short means nothing, so ClickHouse itself stops at the call's stop time, and the call says it stopped.
    String limit = call.bounded()
        ? ", max_execution_time = " + Math.max(1, (call.untilStop().toMillis() + 999) / 1000) : "";
    String sql = statement(request, params, limit);
    List<JsonNode> rows;
    try {
      rows = calls.rows("LLM usage sums", params.sql(sql));
    } catch (OtelMcpException e) {
      if (call.shouldStop()) {
        throw new CallStoppedException(call.stopReason().orElseThrow());
      }
      if (UNKNOWN_FUNCTION.matcher(String.valueOf(e.getMessage())).find()) {
        throw new UnsupportedQueryException("this ClickHouse cannot sum LLM usage in SQL (" + e.getMessage() + ")",
            "otel-mcp reads the calls instead; ClickHouse 23.10 or later sums them where they are.", e);
      }
      throw e;
    }
    int traces = 0;
    long spans = 0;
    boolean more = false;
    for (JsonNode row : rows) {
      traces += row.path("traces").asInt();
      spans += row.path("spans").asLong();
      more |= row.path("last_rank").asLong() > request.traceLimit();
      if (row.path("requests").asLong() > 0) {
        groups.accept(group(row));
      }
    }
    return new Report(traces, spans, more);
  }

  /** @param settings more settings, each after a comma ({@code ""}: none) */
  String statement(Request request, SqlParams params, String settings) {
    // One trace more than asked for says whether more remain; its spans are read but not summed.
    int limit = Math.min(Math.max(request.traceLimit(), 0), Integer.MAX_VALUE - 1);
    String kept = "rank_ <= " + params.uint32(limit);
    return "SELECT c_.5 AS req, c_.6 AS resp, c_.4 AS prov, c_.2 AS service, toString(min(c_.3)) AS first_ns, "
        + "toString(max(c_.3)) AS last_ns, countIf(n_ <= 1 AND " + kept + ") AS traces, "
        + "sumIf(spans_, n_ <= 1 AND " + kept + ") AS spans, max(rank_) AS last_rank, countIf(n_ > 0) AS requests, "
        + "sumIf(c_.7, n_ > 0) AS errors, sumIf(c_.8, n_ > 0) AS warnings, sumIf(c_.9, n_ > 0) AS input, "
        + "sumIf(c_.10, n_ > 0) AS output, sumIf(c_.11, n_ > 0) AS total, sumIf(c_.12, n_ > 0) AS cache_read, "
        + "sumIf(c_.13, n_ > 0) AS cache_creation, sumIf(c_.14, n_ > 0) AS reasoning, "
        + "sumIf(c_.15, n_ > 0) AS billable_input, sumIf(c_.16, n_ > 0) AS billable_output, "
        + "sumIf(c_.17, n_ > 0) AS billable_reasoning, min(c_.15) AS tier_input"
        // A trace without counted calls still gives a row (n_ = 0), which counts the trace and its spans.
        + " FROM (" + traces(spans(request, limit, params), kept) + ")"
        + " LEFT ARRAY JOIN counted_ AS c_, arrayEnumerate(counted_) AS n_"
        // Everything a price depends on besides the tokens: whether it adds up, tier, dated period, part of the day.
        + " GROUP BY req, resp, prov, service, n_ > 0, c_.15 >= c_.12, c_.15 >= c_.13, c_.15 >= c_.12 + c_.13"
        + breaks(request, params) + series(request, params)
        + SpanRows.SETTINGS + settings + " FORMAT JSONEachRow";
  }

  /** The spans of the window's newest {@code limit} + 1 matching traces (ranked), each read as a call or not. */
  private String spans(Request request, int limit, SqlParams params) {
    List<String> stages = new CallColumns(params).stages(schema);
    String spans = "SELECT TraceId, rank_, SpanId, ParentSpanId, ServiceName, toUnixTimestamp64Nano(Timestamp) AS ns_, "
        + stages.get(0)
        + " FROM " + config.spansTable()
        + " INNER JOIN (SELECT TraceId, row_number() OVER (ORDER BY start_n DESC, TraceId ASC) AS rank_ FROM ("
        + search.traceList(schema, request.window(), request.traceFilters(), limit + 1, null, params)
        + ")) AS t_ USING (TraceId) WHERE " + search.scanRange(params, request.window());
    for (String stage : stages.subList(1, stages.size())) {
      spans = "SELECT *, " + stage + " FROM (" + spans + ")";
    }
    return spans;
  }

  /**
   * One row per trace: its rank, its span count and its counted calls (a tuple each) — the calls with no call
   * reporting usage below them. Each usage-reporting call's ancestors are walked up the parent links (a trace's
   * length bounds any path; a cycle only repeats itself), and a call among them is a wrapper.
   */
  private static String traces(String spans, String kept) {
    String call = "tuple(SpanId, ServiceName, ns_, prov_, req_, resp_, failed_, warn_, ifNull(in_, 0), "
        + "ifNull(out_, 0), total_, ifNull(cr_, 0), ifNull(cc_, 0), ifNull(rs_, 0), bin_, bout_, brs_)";
    String parents = "arrayMap(p_ -> indexOf(ids_, p_), parents_)";
    String wrappers = "if(length(cands_) < 2, CAST([], 'Array(String)'), arrayDistinct(arrayFlatten(arrayMap(i_ -> "
        + "arrayFold((acc_, x_) -> if(acc_.1 = 0, acc_, "
        + "(toUInt64(pidx_[acc_.1]), arrayPushBack(acc_.2, ids_[acc_.1]))), "
        + "range(length(ids_)), (toUInt64(pidx_[i_]), CAST([], 'Array(String)'))).2, "
        + "arrayFilter(i_ -> usage_[i_], arrayEnumerate(ids_))))))";
    return "SELECT rank_, length(ids_) AS spans_, " + parents + " AS pidx_, " + wrappers + " AS wrappers_, "
        + "if(" + kept + ", arrayFilter(c_ -> NOT has(wrappers_, c_.1), cands_), []) AS counted_ "
        + "FROM (SELECT TraceId, any(rank_) AS rank_, groupArray(SpanId) AS ids_, "
        + "groupArray(ParentSpanId) AS parents_, groupArray(uses_) AS usage_, "
        + "groupArrayIf(" + call + ", cand_) AS cands_ FROM (" + spans + ") GROUP BY TraceId)";
  }

  /** The price breaks as grouping keys: tier of the billable input, dated period, part of the day. */
  private String breaks(Request request, SqlParams params) {
    PriceBreaks breaks = request.breaks();
    // Only dates among the spans read can part calls; one before them all or after them all counts alike for each.
    long from = TraceSearch.nanos(request.window().start().minus(config.maxTraceDuration()));
    long to = TraceSearch.nanos(request.window().end().plus(config.maxTraceDuration()));
    List<Long> dates = breaks.dates().stream().map(TraceSearch::nanos).filter(d -> d > from && d < to).toList();
    return segment("c_.15 > ", breaks.tierStarts(), params) + segment("c_.3 >= ", dates, params)
        + segment("c_.3 % 86400000000000 >= ", breaks.timesOfDayNanos(), params);
  }

  /** The series bucket as a grouping key, when a series is asked for. */
  private static String series(Request request, SqlParams params) {
    return request.seriesStep() == null ? ""
        : ", intDiv(intDiv(c_.3, 1000000), " + params.int64(request.seriesStep().toMillis()) + ")";
  }

  /**
   * A grouping key: how many of the breaks a value has passed, written out comparison by comparison (a lambda over an
   * array would copy the array for every row); none when there are no breaks.
   */
  private static String segment(String passed, List<Long> breaks, SqlParams params) {
    if (breaks.isEmpty()) {
      return "";
    }
    List<String> terms = new ArrayList<>();
    breaks.forEach(value -> terms.add("(" + passed + params.int64(value) + ")"));
    return ", " + String.join(" + ", terms);
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
