package dev.otelmcp.bootstrap.startup;

import dev.otelmcp.domain.model.Operation;
import dev.otelmcp.domain.model.TimeRange;
import dev.otelmcp.domain.model.Trace;
import dev.otelmcp.domain.model.TraceId;
import dev.otelmcp.domain.port.HealthStatus;
import dev.otelmcp.domain.port.LlmCallScan;
import dev.otelmcp.domain.port.LlmUsageSums;
import dev.otelmcp.domain.port.SpanSearchResult;
import dev.otelmcp.domain.port.StoreCapabilities;
import dev.otelmcp.domain.port.TraceSearchResult;
import dev.otelmcp.domain.port.TraceStore;
import dev.otelmcp.domain.query.SpanQuery;
import dev.otelmcp.domain.query.TraceQuery;
import java.util.List;
import java.util.Optional;

/**
 * The store {@link CoreStart} is creating, usable before it exists: every method waits for it. It lets the graph
 * that gives the tools' contracts be built at once; that graph's tools are not called ({@link DeferredTool} runs
 * the core's), but should anything reach this store, it gets the real one. Closing it is the start's business.
 */
final class PendingTraceStore implements TraceStore {

  private final CoreStart start;

  PendingTraceStore(CoreStart start) {
    this.start = start;
  }

  private TraceStore store() {
    return start.forCall().store();
  }

  @Override
  public StoreCapabilities capabilities() {
    return store().capabilities();
  }

  @Override
  public List<String> listServices(TimeRange window) {
    return store().listServices(window);
  }

  @Override
  public List<Operation> listOperations(String serviceName, TimeRange window) {
    return store().listOperations(serviceName, window);
  }

  @Override
  public TraceSearchResult searchTraces(TraceQuery query) {
    return store().searchTraces(query);
  }

  @Override
  public SpanSearchResult searchSpans(SpanQuery query) {
    return store().searchSpans(query);
  }

  @Override
  public Optional<LlmCallScan> llmCallScan() {
    return store().llmCallScan();
  }

  @Override
  public Optional<LlmUsageSums> llmUsageSums() {
    return store().llmUsageSums();
  }

  @Override
  public Optional<Trace> getTrace(TraceId traceId) {
    return store().getTrace(traceId);
  }

  /** Never throws, as the port asks: a start that failed or was interrupted is unhealthy. */
  @Override
  public HealthStatus health() {
    try {
      return store().health();
    } catch (RuntimeException e) {
      return HealthStatus.unhealthy(e.getMessage());
    }
  }
}
