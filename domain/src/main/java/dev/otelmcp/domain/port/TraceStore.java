package dev.otelmcp.domain.port;

import dev.otelmcp.domain.error.UnsupportedQueryException;
import dev.otelmcp.domain.model.Operation;
import dev.otelmcp.domain.model.TimeRange;
import dev.otelmcp.domain.model.Trace;
import dev.otelmcp.domain.model.TraceId;
import dev.otelmcp.domain.query.SpanQuery;
import dev.otelmcp.domain.query.TraceQuery;
import java.util.List;
import java.util.Optional;

/**
 * The driven port every trace backend implements: what otel-mcp needs from Jaeger, Tempo, Traceloop, its
 * own store, or a third-party backend.
 *
 * <p>Contract, checked by the TCK ({@code AbstractTraceStoreContractTest}):
 *
 * <ul>
 *   <li>Ids in everything returned are canonical lower-case hex; times are UTC instants. Ids the store is given
 *       are {@link TraceId}s, canonical already.
 *   <li>A query carries only filters {@link #capabilities()} accepted; the store applies all of them with
 *       the semantics of {@code FilterEvaluator} (it may push them to the backend and re-check locally).
 *   <li>Failures are {@code OtelMcpException}s ({@code BackendUnavailableException} for timeouts, refused
 *       connections, 5xx and unparseable bodies; {@code BackendRejectedException} for other 4xx;
 *       {@code RateLimitedException} for 429). Messages never contain credentials.
 *   <li>Implementations are thread-safe: the application calls them from several threads at once.
 * </ul>
 *
 * <p>Optional abilities are {@code default} methods so the SPI can grow without breaking existing plugins.
 */
public interface TraceStore extends AutoCloseable {

  /** What this store evaluates natively and how it pages. */
  StoreCapabilities capabilities();

  /** Services that reported spans, sorted, unique. Stores without a time index may ignore the window. */
  List<String> listServices(TimeRange window);

  /** Operations (span names) of a service, unique. */
  List<Operation> listOperations(String serviceName, TimeRange window);

  /** Traces in the window matching every filter of the query, newest first where the backend allows. */
  TraceSearchResult searchTraces(TraceQuery query);

  /**
   * Spans matching every filter. Only called when {@link StoreCapabilities#nativeSpanSearch()} is true; the
   * application derives span search from trace search otherwise.
   */
  default SpanSearchResult searchSpans(SpanQuery query) {
    throw new UnsupportedQueryException("this backend has no span search",
        "Search traces instead; otel-mcp derives span results from them.");
  }

  /**
   * The store's own reading of the LLM calls of a whole window, when it has one: LLM aggregates then cover every
   * call at the store's speed instead of paging through traces. Empty by default.
   */
  default Optional<LlmCallScan> llmCallScan() {
    return Optional.empty();
  }

  /**
   * The store's own sums of a window's LLM calls, when it can compute them where the spans are: usage answers then
   * move groups instead of traces. Empty by default.
   */
  default Optional<LlmUsageSums> llmUsageSums() {
    return Optional.empty();
  }

  /**
   * The store's own count of a window's tool calls, when it can count them where the spans are: tool-usage answers
   * then move groups instead of traces. Empty by default.
   */
  default Optional<LlmToolUsage> llmToolUsage() {
    return Optional.empty();
  }

  /**
   * The store's own pick of a few models' LLM calls out of a window, when it can pick them where the spans are:
   * answers about one model then move that model's calls instead of every trace. Empty by default.
   */
  default Optional<LlmModelCalls> llmModelCalls() {
    return Optional.empty();
  }

  /**
   * Ranks a window's traces by their LLM calls' cost, tokens or duration where the spans are kept ({@link
   * LlmTraceRanking}), so that a ranking over millions of spans moves one page of traces. Empty by default.
   */
  default Optional<LlmTraceRanking> llmTraceRanking() {
    return Optional.empty();
  }

  /**
   * The whole trace, or empty when the backend does not know the id. The id was checked where it entered (it is
   * canonical by construction): a store only spells it for its wire.
   */
  Optional<Trace> getTrace(TraceId traceId);

  /** Whether the backend answers, with a short human-readable detail. Never throws. */
  HealthStatus health();

  /** Releases connections and threads. */
  @Override
  default void close() {}
}
