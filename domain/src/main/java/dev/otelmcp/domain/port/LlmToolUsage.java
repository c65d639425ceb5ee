package dev.otelmcp.domain.port;

import dev.otelmcp.domain.llm.ToolGroup;
import dev.otelmcp.domain.model.TimeRange;
import dev.otelmcp.domain.query.Filter;
import java.util.List;
import java.util.function.Consumer;

/**
 * An optional ability of a store ({@link TraceStore#llmToolUsage()}): it counts the tool calls of a whole window
 * where the spans are kept and hands on one group per tool and service, so that a tool-usage answer over millions
 * of spans moves a few rows.
 *
 * <p>The tool calls counted are exactly those the domain's view finds ({@code ToolCalls.of(trace)}: a tool span
 * inside a span of the same tool counts once) in every trace that starts in the window and matches the filters (the
 * newest {@code traceLimit} of them) — of those traces, only the ones holding an LLM call of {@code provider} when
 * one is given, and only the tool spans of {@code toolService} when one is given.
 */
public interface LlmToolUsage {

  /**
   * @param traceLimit count the tool calls of the newest {@code traceLimit} traces only (a sample the caller asked for)
   * @param provider only traces with a counted LLM call ({@code LlmCalls.of}) of this provider, compared ignoring
   *     case; {@code null} for all
   * @param toolService only tool spans of this service; {@code null} for all
   */
  record Request(TimeRange window, List<Filter> traceFilters, int traceLimit, String provider, String toolService) {

    public Request {
      traceFilters = List.copyOf(traceFilters);
    }
  }

  /**
   * What was read: the traces of the window that matched, their spans and their counted LLM calls (of every provider).
   *
   * @param llmWarnings the unreadable token figures of those calls ({@code LlmCall.warnings()}, summed)
   * @param moreAvailable whether matching traces were left out at {@code traceLimit}
   */
  record Report(int tracesRead, long spansRead, long llmCalls, long llmWarnings, boolean moreAvailable) {}

  /**
   * Counts the window's tool calls and hands on each group. Runs in the calling thread and honours its
   * {@code CallContext}: a count stopped early has no meaning, so a store that cannot finish in time fails with
   * {@code CallStoppedException}. A store that finds it cannot count this request after all throws
   * {@code UnsupportedQueryException} before handing on any group: the traces are then read instead.
   *
   * @param request the window, the trace filters (only ones the store's {@link StoreCapabilities#evaluatesTraceFilter}
   *     accepts), the provider and the tool service
   */
  Report count(Request request, Consumer<ToolGroup> groups);
}
