package dev.otelmcp.adapters.otlp.store;

import dev.otelmcp.domain.model.Operation;
import dev.otelmcp.domain.model.TimeRange;
import dev.otelmcp.domain.model.Trace;
import dev.otelmcp.domain.model.TraceId;
import dev.otelmcp.domain.port.LlmCallScan;
import dev.otelmcp.domain.port.SpanSearchResult;
import dev.otelmcp.domain.port.StoreCapabilities;
import dev.otelmcp.domain.port.TraceSearchResult;
import dev.otelmcp.domain.query.SpanQuery;
import dev.otelmcp.domain.query.TraceQuery;
import java.util.List;
import java.util.Optional;

/**
 * The store's answers to the {@code TraceStore} port's reads, from the index once the store has started: every
 * filter is evaluated natively ({@link IndexSearch}), with {@code FilterEvaluator}'s semantics, and LLM calls are
 * read where they are held ({@link LlmWindowScan}).
 *
 * <p>Thread-safe: it holds no state of its own; the index's read lock guards each answer (writers wait for it), and
 * the write lock is never taken here.
 */
final class StoreQueries {

  /** The largest {@code limit} one search may ask for. */
  static final int MAX_SEARCH_LIMIT = 10_000;

  private final SpanIndex index;
  private final IndexSearch search;
  private final LlmWindowScan llmScan;
  private final StorePhase phase;

  StoreQueries(SpanIndex index, StorePhase phase) {
    this.index = index;
    this.search = new IndexSearch(index);
    this.llmScan = new LlmWindowScan(index, search);
    this.phase = phase;
  }

  StoreCapabilities capabilities() {
    return new StoreCapabilities(filter -> true, filter -> true, true, MAX_SEARCH_LIMIT, true);
  }

  List<String> listServices(TimeRange window) {
    phase.awaitStarted();
    return index.services(window);
  }

  List<Operation> listOperations(String serviceName, TimeRange window) {
    phase.awaitStarted();
    return index.operations(serviceName, window);
  }

  TraceSearchResult searchTraces(TraceQuery query) {
    phase.awaitStarted();
    return search.traces(query);
  }

  SpanSearchResult searchSpans(SpanQuery query) {
    phase.awaitStarted();
    return search.spans(query);
  }

  /** The scan waits for the start when it runs, not when it is asked for. */
  LlmCallScan llmCallScan() {
    return (window, filters, limit, visitor) -> {
      phase.awaitStarted();
      return llmScan.scan(window, filters, limit, visitor);
    };
  }

  Optional<Trace> getTrace(TraceId traceId) {
    phase.awaitStarted();
    return index.trace(traceId.hex());
  }

  long spanCount() {
    phase.awaitStarted();
    return index.spanCount();
  }
}
