package dev.otelmcp.adapters.clickhouse;

import com.fasterxml.jackson.databind.JsonNode;
import dev.otelmcp.domain.call.CallContext;
import dev.otelmcp.domain.error.CallStoppedException;
import dev.otelmcp.domain.error.OtelMcpException;
import dev.otelmcp.domain.error.UnsupportedQueryException;
import dev.otelmcp.domain.model.TimeRange;
import dev.otelmcp.domain.model.Trace;
import dev.otelmcp.domain.query.Filter;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * What the statements that aggregate a window's LLM calls in SQL ({@link ClickHouseUsageSums},
 * {@link ClickHouseToolUsage}) start from, and how they run: the window's traces listed as trace search lists them
 * (every filter in SQL) and ranked newest first, each of their spans read as a call or not ({@link CallColumns}), and
 * per trace its counted calls — those with no call reporting usage below them, as {@code LlmCalls.counted} counts
 * them.
 *
 * <p>An aggregate cut short would be a wrong number, not a partial one: a statement runs at most until the call's stop
 * time ({@code max_execution_time}), and a call that stops fails with {@code CallStoppedException}.
 */
final class WindowCalls {

  /** ClickHouse's UNKNOWN_FUNCTION: a server older than the functions the statements use ({@code arrayFold}, 23.10). */
  private static final Pattern UNKNOWN_FUNCTION = Pattern.compile("Code: 46\\.");

  private final TraceSearch search;
  private final Schema schema;
  private final ClickHouseCalls calls;
  private final ClickHouseConfig config;

  WindowCalls(TraceSearch search, Schema schema, ClickHouseCalls calls, ClickHouseConfig config) {
    this.search = search;
    this.schema = schema;
    this.calls = calls;
    this.config = config;
  }

  Schema schema() {
    return schema;
  }

  ClickHouseConfig config() {
    return config;
  }

  /**
   * Runs the statement {@code statement} makes of its settings (more settings, each after a comma; {@code ""}: none)
   * within the call's time; it ends in {@code FORMAT JSONEachRow}.
   *
   * @param what what the statement computes, for messages
   */
  List<JsonNode> rows(String what, SqlParams params, Function<String, String> statement) {
    return run(what, statement, sql -> calls.rows(what, params.sql(sql)));
  }

  /**
   * The same for a statement ending in {@code FORMAT JSONCompactEachRowWithNames} whose rows are handed to the reader
   * as they arrive ({@link ClickHouseCalls#stream}): an answer of many rows is never held whole.
   */
  void stream(String what, SqlParams params, Function<String, String> statement, ClickHouseCalls.RowReader reader) {
    run(what, statement, sql -> {
      calls.stream(what, params.sql(sql), reader);
      return null;
    });
  }

  private <T> T run(String what, Function<String, String> statement, Function<String, T> call) {
    CallContext context = CallContext.current();
    if (context.shouldStop()) {
      throw new CallStoppedException(context.stopReason().orElseThrow());
    }
    // An aggregate cut short means nothing, so ClickHouse itself stops at the call's stop time, and the call says so.
    String limit = context.bounded()
        ? ", max_execution_time = " + Math.max(1, (context.untilStop().toMillis() + 999) / 1000) : "";
    try {
      return call.apply(statement.apply(limit));
    } catch (OtelMcpException e) {
      if (context.shouldStop()) {
        throw new CallStoppedException(context.stopReason().orElseThrow());
      }
      if (UNKNOWN_FUNCTION.matcher(String.valueOf(e.getMessage())).find()) {
        throw new UnsupportedQueryException("this ClickHouse cannot compute " + what + " in SQL (" + e.getMessage()
            + ")", "otel-mcp reads the calls instead; ClickHouse 23.10 or later computes them where they are.", e);
      }
      throw e;
    }
  }

  /**
   * The spans of the window's newest {@code limit} + 1 matching traces (ranked: {@code rank_}), each read as a call or
   * not, with {@code more} select lists added to the stages of {@link CallColumns#stages} (by position; fewer is fine,
   * more are stages of their own after those, each reading the ones before; {@code ""}: nothing at that stage).
   */
  String spans(TimeRange window, List<Filter> filters, int limit, SqlParams params, List<String> more) {
    List<String> stages = new CallColumns(params).stages(schema);
    String spans = "SELECT TraceId, rank_, SpanId, ParentSpanId, ServiceName, toUnixTimestamp64Nano(Timestamp) AS ns_, "
        + stages.get(0) + (more.isEmpty() || more.get(0).isEmpty() ? "" : ", " + more.get(0))
        + " FROM " + config.spansTable()
        + " INNER JOIN (SELECT TraceId, row_number() OVER (ORDER BY start_n DESC, TraceId ASC) AS rank_ FROM ("
        + search.traceList(schema, window, filters, limit + 1, null, params)
        + ")) AS t_ USING (TraceId) WHERE " + search.scanRange(params, window);
    for (int i = 1; i < Math.max(stages.size(), more.size()); i++) {
      List<String> lists = new ArrayList<>();
      if (i < stages.size()) {
        lists.add(stages.get(i));
      }
      if (i < more.size() && !more.get(i).isEmpty()) {
        lists.add(more.get(i));
      }
      spans = lists.isEmpty() ? spans : "SELECT *, " + String.join(", ", lists) + " FROM (" + spans + ")";
    }
    return spans;
  }

  /** Every span of the traces found, as whole traces in their order (one statement). */
  List<Trace> traces(TimeRange window, List<TraceSearch.Found> found) {
    return search.traces(schema, window, found);
  }

  /**
   * One row per trace: its rank, its span count ({@code spans_}), its spans' ids and parent indexes ({@code ids_},
   * {@code pidx_}) and its counted calls ({@code counted_}, a tuple each: span id, service, start, provider, requested
   * and answering model, failed, warnings, the six token figures, billable input, output and reasoning), empty when
   * the trace is not {@code kept}. Each usage-reporting call's ancestors are walked up the parent links (a trace's
   * length bounds any path; a cycle only repeats itself), and a call among them is a wrapper.
   *
   * @param callFields more fields of each call's tuple, after those above (each after a comma; {@code ""}: none)
   * @param aggregates more aggregates per trace (each after a comma; {@code ""}: none)
   * @param columns more columns of the trace row, which may read the ones above (each after a comma)
   */
  static String traces(String spans, String kept, String callFields, String aggregates, String columns) {
    String call = "tuple(SpanId, ServiceName, ns_, prov_, req_, resp_, failed_, warn_, ifNull(in_, 0), "
        + "ifNull(out_, 0), total_, ifNull(cr_, 0), ifNull(cc_, 0), ifNull(rs_, 0), bin_, bout_, brs_" + callFields
        + ")";
    String parents = "arrayMap(p_ -> indexOf(ids_, p_), parents_)";
    String wrappers = "if(length(cands_) < 2, CAST([], 'Array(String)'), arrayDistinct(arrayFlatten(arrayMap(i_ -> "
        + "arrayFold((acc_, x_) -> if(acc_.1 = 0, acc_, "
        + "(toUInt64(pidx_[acc_.1]), arrayPushBack(acc_.2, ids_[acc_.1]))), "
        + "range(length(ids_)), (toUInt64(pidx_[i_]), CAST([], 'Array(String)'))).2, "
        + "arrayFilter(i_ -> usage_[i_], arrayEnumerate(ids_))))))";
    return "SELECT rank_, length(ids_) AS spans_, ids_, " + parents + " AS pidx_, " + wrappers + " AS wrappers_, "
        + "if(" + kept + ", arrayFilter(c_ -> NOT has(wrappers_, c_.1), cands_), []) AS counted_" + columns
        + " FROM (SELECT TraceId, any(rank_) AS rank_, groupArray(SpanId) AS ids_, "
        + "groupArray(ParentSpanId) AS parents_, groupArray(uses_) AS usage_, "
        + "groupArrayIf(" + call + ", cand_) AS cands_" + aggregates + " FROM (" + spans + ") GROUP BY TraceId)";
  }

  /**
   * What a statement over the window's traces read, added up row by row: each row carries the traces and spans it
   * counts ({@link #TOTALS}) and the last rank it saw.
   */
  static final class Totals {
    private int traces;
    private long spans;
    private long lastRank;

    void add(JsonNode row) {
      traces += row.path("traces").asInt();
      spans += row.path("spans").asLong();
      lastRank = Math.max(lastRank, row.path("last_rank").asLong());
    }

    int traces() {
      return traces;
    }

    long spans() {
      return spans;
    }

    /** Whether traces were left out at {@code traceLimit}: the statement read one more than it kept. */
    boolean more(int traceLimit) {
      return lastRank > traceLimit;
    }
  }

  /**
   * The aggregates that count the traces kept and their spans, over rows made by a {@code LEFT ARRAY JOIN} of a
   * trace's items numbered {@code n_} (a trace without items still gives one row, {@code n_ = 0}): each trace is
   * counted at its first row. {@code %s} is the condition for a trace being kept.
   */
  static final String TOTALS = "countIf(n_ <= 1 AND %1$s) AS traces, sumIf(spans_, n_ <= 1 AND %1$s) AS spans, "
      + "max(rank_) AS last_rank";

  /** {@link #TOTALS} over rows of one trace each. */
  static final String TRACE_TOTALS = "countIf(%1$s) AS traces, sumIf(spans_, %1$s) AS spans, max(rank_) AS last_rank";

  /** How many traces a statement keeps: the caller's limit, one fewer than the most a statement reads. */
  static int kept(int traceLimit) {
    return Math.min(Math.max(traceLimit, 0), Integer.MAX_VALUE - 1);
  }

  /** The rows a statement over the window reads: their start in the window widened by the longest trace. */
  String scanRange(SqlParams params, TimeRange window) {
    return search.scanRange(params, window);
  }

  /** The scan's time range widened by the longest trace, in nanoseconds: the spans a statement reads start in it. */
  long[] scanNanos(TimeRange window) {
    return new long[] {TraceSearch.nanos(window.start().minus(config.maxTraceDuration())),
        TraceSearch.nanos(window.end().plus(config.maxTraceDuration()))};
  }
}
