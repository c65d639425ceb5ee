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
 * A store as it was before it summed LLM usage itself: everything but {@link TraceStore#llmUsageSums} handed on, so
 * {@code get_llm_usage} reads every call (the store's call scan) — the baseline the sums are measured against.
 */
record CallsReadInJava(TraceStore store) implements TraceStore {

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
    return store.llmCallScan();
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
