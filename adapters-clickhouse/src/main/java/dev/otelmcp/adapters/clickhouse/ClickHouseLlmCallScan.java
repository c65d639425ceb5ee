package dev.otelmcp.adapters.clickhouse;

import dev.otelmcp.domain.call.CallContext;
import dev.otelmcp.domain.llm.LlmCalls;
import dev.otelmcp.domain.model.TimeRange;
import dev.otelmcp.domain.model.Trace;
import dev.otelmcp.domain.port.LlmCallScan;
import dev.otelmcp.domain.port.Shortfall;
import dev.otelmcp.domain.query.Filter;
import java.util.List;

/**
 * The LLM calls of every trace starting in a window, read page by page — trace search's statements, newest first,
 * every span of a page's traces in one statement, with only the attributes and events the LLM views read
 * ({@link SpanRows#llmColumns}) — and judged by the domain's view ({@link LlmCalls#of}). Between
 * pages it checks the call's stop time; stopped early, it says from when on it read.
 */
final class ClickHouseLlmCallScan implements LlmCallScan {

  /** Traces per page: their spans come back in one answer. */
  static final int PAGE = 200;

  private final TraceSearch search;
  private final SchemaDetector schema;
  private final int pageSize;

  ClickHouseLlmCallScan(TraceSearch search, SchemaDetector schema) {
    this(search, schema, PAGE);
  }

  ClickHouseLlmCallScan(TraceSearch search, SchemaDetector schema, int pageSize) {
    this.search = search;
    this.schema = schema;
    this.pageSize = pageSize;
  }

  @Override
  public Report scan(TimeRange window, List<Filter> filters, int limit, Visitor visitor) {
    CallContext call = CallContext.current();
    Schema current = schema.schema();
    if (limit < 1) {
      return new Report(0, 0, !search.page(current, window, filters, 1, null).found().isEmpty(), null);
    }
    int read = 0;
    long spans = 0;
    String cursor = null;
    while (true) {
      TraceSearch.Page page = search.page(current, window, filters, Math.min(pageSize, limit - read), cursor);
      for (Trace trace : search.traces(current, window, page.found(), true)) {
        visitor.visit(trace, LlmCalls.of(trace));
        read++;
        spans += trace.spanCount();
      }
      if (page.found().isEmpty() || !page.more()) {
        return new Report(read, spans, false, null);
      }
      TraceSearch.Found oldest = page.found().get(page.found().size() - 1);
      if (read >= limit) {
        return new Report(read, spans, true, null);
      }
      if (call.shouldStop()) {
        return new Report(read, spans, false,
            Shortfall.stopped(call.stopReason().orElseThrow(), SpanRows.instant(oldest.startNanos())));
      }
      cursor = oldest.cursor();
    }
  }
}
