package dev.otelmcp.adapters.clickhouse;

import com.fasterxml.jackson.databind.JsonNode;
import dev.otelmcp.domain.call.CallContext;
import dev.otelmcp.domain.llm.LlmCalls;
import dev.otelmcp.domain.model.Span;
import dev.otelmcp.domain.model.TimeRange;
import dev.otelmcp.domain.model.Trace;
import dev.otelmcp.domain.model.Traces;
import dev.otelmcp.domain.port.LlmCallScan;
import dev.otelmcp.domain.port.Shortfall;
import dev.otelmcp.domain.query.Filter;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The LLM calls of every trace starting in a window, in one statement read as it arrives: the window's traces are
 * listed as trace search lists them (newest first, every filter in SQL), and their spans come back in that order, a
 * trace's spans together, with only the attributes and events the LLM views read ({@link SpanRows#llmColumns}). Each
 * trace is judged by the domain's view ({@link LlmCalls#of}) as soon as its last span arrived, and dropped: memory
 * holds one trace, and ClickHouse groups the window once, not once per page.
 *
 * <p>Between traces it checks the call's stop time; stopped early, it closes the answer and says from when on it
 * read.
 */
final class ClickHouseLlmCallScan implements LlmCallScan {

  private final TraceSearch search;
  private final SchemaDetector schema;
  private final ClickHouseCalls calls;
  private final ClickHouseConfig config;

  ClickHouseLlmCallScan(TraceSearch search, SchemaDetector schema, ClickHouseCalls calls, ClickHouseConfig config) {
    this.search = search;
    this.schema = schema;
    this.calls = calls;
    this.config = config;
  }

  @Override
  public Report scan(TimeRange window, List<Filter> filters, int limit, Visitor visitor) {
    Schema current = schema.schema();
    SqlParams params = new SqlParams();
    // One trace more than asked for says whether more remain.
    Integer listed = limit >= Integer.MAX_VALUE - 1 ? null : Math.max(limit, 0) + 1;
    String sql = "SELECT toString(t_.start_n) AS trace_start_ns, " + SpanRows.llmColumns(current, params)
        + " FROM " + config.spansTable()
        + " INNER JOIN (" + search.traceList(current, window, filters, listed, null, params) + ") AS t_ USING (TraceId)"
        + " WHERE " + search.scanRange(params, window)
        + " ORDER BY t_.start_n DESC, TraceId ASC"
        + SpanRows.SETTINGS + " FORMAT JSONCompactEachRowWithNames";
    Reading reading = new Reading(limit, visitor, CallContext.current());
    calls.stream("LLM scan", params.sql(sql), reading::row);
    return reading.end();
  }

  /** One scan's traces, put together from the rows as they arrive. */
  private static final class Reading {
    private final int limit;
    private final Visitor visitor;
    private final CallContext call;
    private final List<Span> spans = new ArrayList<>();
    private String traceId;
    private long traceStart;
    private int read;
    private long spansRead;
    private boolean more;
    private Shortfall stopped;

    Reading(int limit, Visitor visitor, CallContext call) {
      this.limit = limit;
      this.visitor = visitor;
      this.call = call;
    }

    /** Takes a row; false once the scan must not read further. */
    boolean row(JsonNode row) {
      String id = row.path("TraceId").asText();
      if (!id.equals(traceId)) {
        if (traceId != null && !hand()) {
          return false;
        }
        if (read >= limit) {
          more = true;
          return false;
        }
        traceId = id;
        traceStart = Long.parseLong(row.path("trace_start_ns").asText("0"));
      }
      spans.add(SpanRows.span(row));
      return true;
    }

    Report end() {
      if (stopped == null && traceId != null && !spans.isEmpty()) {
        hand();
      }
      return new Report(read, spansRead, more, stopped);
    }

    /** Hands on the trace read so far; false when the call must stop (it said how far it read). */
    private boolean hand() {
      // Grouped as every read of the store groups spans (a span id sent twice is kept once).
      Trace trace = Traces.group(spans).get(0);
      spans.clear();
      visitor.visit(trace, LlmCalls.of(trace));
      read++;
      spansRead += trace.spanCount();
      if (call.shouldStop()) {
        Instant from = SpanRows.instant(traceStart);
        stopped = Shortfall.stopped(call.stopReason().orElseThrow(), from);
        traceId = null;
        return false;
      }
      return true;
    }
  }
}
