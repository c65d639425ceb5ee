package dev.otelmcp.bootstrap.bench;

import dev.otelmcp.domain.model.Operation;
import dev.otelmcp.domain.model.TimeRange;
import dev.otelmcp.domain.model.Trace;
import dev.otelmcp.domain.model.TraceId;
import dev.otelmcp.domain.port.HealthStatus;
import dev.otelmcp.domain.port.LlmCallScan;
import dev.otelmcp.domain.port.SpanSearchResult;
import dev.otelmcp.domain.port.StoreCapabilities;
import dev.otelmcp.domain.port.TraceSearchResult;
import dev.otelmcp.domain.port.TraceStore;
import dev.otelmcp.domain.query.SpanQuery;
import dev.otelmcp.domain.query.TraceQuery;
import java.util.List;
import java.util.Optional;

/**
 * A store with optional abilities hidden, the baseline an ability is measured against: never its own sums of LLM
 * usage ({@link TraceStore#llmUsageSums}), so usage is read call by call; and, unless {@code keepsCallScan}, not its
 * own scan of LLM calls either, so it is read page by page as a remote backend is.
 */
record ReducedStore(TraceStore store, boolean keepsCallScan) implements TraceStore {

  /** Read as a remote backend: pages of traces. */
  static ReducedStore pagesOnly(TraceStore store) {
    return new ReducedStore(store, false);
  }

  /** Every call read through the store's own call scan, none summed by the store. */
  static ReducedStore callsReadInJava(TraceStore store) {
    return new ReducedStore(store, true);
  }

  @Override
  public StoreCapabilities capabilities() {
    return store.capabilities();
  }

  @Override
  public List<String> listServices(TimeRange window) {
    return store.listServices(window);
  }

  @Override
  public List<Operation> listOperations(String serviceName, TimeRange window) {
    return store.listOperations(serviceName, window);
  }

  @Override
  public TraceSearchResult searchTraces(TraceQuery query) {
    return store.searchTraces(query);
  }

  @Override
  public SpanSearchResult searchSpans(SpanQuery query) {
    return store.searchSpans(query);
  }

  @Override
  public Optional<LlmCallScan> llmCallScan() {
    return keepsCallScan ? store.llmCallScan() : Optional.empty();
  }

  @Override
  public Optional<Trace> getTrace(TraceId traceId) {
    return store.getTrace(traceId);
  }

  @Override
  public HealthStatus health() {
    return store.health();
  }
}
