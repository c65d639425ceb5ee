package dev.otelmcp.domain.port;

import dev.otelmcp.domain.llm.LlmCall;
import dev.otelmcp.domain.model.TimeRange;
import dev.otelmcp.domain.query.Filter;
import java.util.List;
import java.util.Set;

/**
 * An optional ability of a store ({@link TraceStore#llmModelCalls()}): it picks the LLM calls of a few models out of a
 * whole window where the spans are kept, and hands on those calls and, for the others, only how many calls of each
 * provider asked for and were answered by each pair of models — so that an answer about one model (exact percentiles over its
 * calls) moves that model's calls instead of every trace.
 *
 * <p>The calls are exactly those the domain's LLM view counts ({@code LlmCalls.of(trace)}: wrappers of calls with usage
 * left out) in every trace that starts in the window and matches the filters (the newest {@code traceLimit} of them).
 * Every one of them is counted in its pair (with its provider); each that asked for or was answered by one of {@code models}, or has no
 * response model (it may count in one of their rows), is also handed on, with what the domain reads of it: its span's
 * trace and span id, service, start, duration and instrumentation scope, its provider, models, token usage, finish
 * reasons, failure and warnings (its operation, error type and conversation are left out: {@code null}).
 */
public interface LlmModelCalls {

  /**
   * @param traceLimit read the calls of the newest {@code traceLimit} traces only (a sample the caller asked for)
   * @param models the model names whose calls are handed on
   */
  record Request(TimeRange window, List<Filter> traceFilters, int traceLimit, Set<String> models) {

    public Request {
      traceFilters = List.copyOf(traceFilters);
      models = Set.copyOf(models);
    }
  }

  /** Receives the pairs' counts and the calls picked, in any order. */
  interface Visitor {

    /**
     * {@code calls} counted calls of {@code provider} asked for {@code requestModel} and were answered by
     * {@code responseModel} (any of them {@code null} when the calls name none).
     */
    void pair(String provider, String requestModel, String responseModel, long calls);

    /** A call picked (it is counted in its pair too); not priced. */
    void call(LlmCall call);
  }

  /**
   * What was read: the traces of the window that matched, and their spans.
   *
   * @param warnings the unreadable token figures of every call counted ({@code LlmCall.warnings()}, summed)
   * @param moreAvailable whether matching traces were left out at {@code traceLimit}
   */
  record Report(int tracesRead, long spansRead, long warnings, boolean moreAvailable) {}

  /**
   * Reads the window's calls and hands on the pairs and the calls picked. Runs in the calling thread and honours its
   * {@code CallContext}: a store that cannot finish in time fails with {@code CallStoppedException} rather than hand on
   * part of the calls. A store that finds it cannot read this request after all throws
   * {@code UnsupportedQueryException} before handing on anything: the traces are then read instead.
   */
  Report calls(Request request, Visitor visitor);
}
