package dev.otelmcp.domain.port;

import dev.otelmcp.domain.llm.LlmCall;
import dev.otelmcp.domain.model.TimeRange;
import dev.otelmcp.domain.model.Trace;
import dev.otelmcp.domain.query.Filter;
import java.util.List;

/**
 * An optional ability of a store ({@link TraceStore#llmCallScan()}): it reads the LLM calls of every trace in a
 * window itself — no pages, no copies, no sample — so that an LLM aggregate covers the whole window. A store that
 * holds its spans can keep each span's call from when the span arrived and answer at memory speed; a remote backend
 * without it is read page by page instead.
 *
 * <p>The calls are those the domain's LLM view counts ({@code LlmCalls.of(trace)}: wrappers of calls with usage left
 * out), unpriced. A trace handed on may carry less than the whole trace — every span, but only the attributes the LLM
 * views read ({@code LlmAttributeKeys}), no resource, no links — as long as its figures, calls and tool calls are the
 * whole trace's (the TCK compares them). The scan runs in the calling thread and honours its {@code CallContext}:
 * when the call must stop, it stops and says how far it got.
 */
public interface LlmCallScan {

  /** Receives one trace and the calls that count in it (possibly none). */
  @FunctionalInterface
  interface Visitor {
    void visit(Trace trace, List<LlmCall> calls);

    /**
     * Work on one trace's calls alone (otel-mcp prices them here), which a store may run beside its reads — in the
     * thread that read the trace, before the trace's turn comes — rather than leave it to the calling thread:
     * {@link #visit} then gets what it returned. Thread-safe; it may run for traces that are then not handed on (a
     * copy found twice). A store that does not call it hands the calls on as read, and the visitor does the work.
     */
    default List<LlmCall> prepare(List<LlmCall> calls) {
      return calls;
    }
  }

  /**
   * What a scan read.
   *
   * @param tracesRead traces visited
   * @param spansRead spans in them
   * @param moreAvailable whether it stopped at {@code limit} while matching traces remained
   * @param shortfall why it stopped early (the call's stop time, a cancellation), or {@code null}
   * @param tracesKnown when it stopped early: how many traces it knows match, read or not ({@code null} when it
   *     cannot say without reading them)
   */
  record Report(int tracesRead, long spansRead, boolean moreAvailable, Shortfall shortfall, Integer tracesKnown) {

    /** A report that does not count the traces it left unread. */
    public Report(int tracesRead, long spansRead, boolean moreAvailable, Shortfall shortfall) {
      this(tracesRead, spansRead, moreAvailable, shortfall, null);
    }
  }

  /**
   * Visits each trace that starts in the window and matches every filter (with {@code FilterEvaluator}'s
   * semantics), newest first, until every one was visited, {@code limit} were, or the call must stop.
   *
   * @param filters trace filters; only ones the store's {@link StoreCapabilities#evaluatesTraceFilter} accepts
   */
  Report scan(TimeRange window, List<Filter> filters, int limit, Visitor visitor);
}
