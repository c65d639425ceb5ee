package dev.otelmcp.adapters.otlp.store;

import dev.otelmcp.domain.model.Operation;
import dev.otelmcp.domain.model.Span;
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
import dev.otelmcp.otlp.codec.OtlpProtobufDecoder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/**
 * The built-in trace store: spans arrive over OTLP/HTTP (or from files), are appended to a log before they are
 * acknowledged, and are searched in memory through the indexes of {@link SpanIndex}. Every filter is evaluated
 * natively, with {@code FilterEvaluator}'s semantics.
 *
 * <p>This class only wires the parts and hands each call to the one whose job it is: {@link StoreWriter} changes what
 * is held (one write lock), {@link StoreQueries} answers the port's reads (the index's read lock),
 * {@link StoreLifecycle} starts and stops the threads and the receiver ({@link StoreStartup} fills the store first),
 * {@link StoreHealth} reports, and {@link StorePhase} makes every read and write wait until the start has ended.
 *
 * <p>Thread-safe: the receiver's threads write while tool calls read. Its threads are daemons, and {@link #close()}
 * stops the receiver and closes the log.
 */
public final class OtlpTraceStore implements TraceStore {

  private final StoreWriter writer;
  private final StoreQueries queries;
  private final StorePhase phase;
  private final StoreLifecycle lifecycle;
  private final StoreHealth health;

  private OtlpTraceStore(OtlpStoreConfig config, Clock clock) {
    SpanIndex index = new SpanIndex();
    StoreNotes notes = new StoreNotes();
    this.phase = new StorePhase(index::spanCount);
    this.writer = new StoreWriter(config, clock, index, phase, notes);
    this.queries = new StoreQueries(index, phase);
    OtlpProtobufDecoder protobufDecoder = new OtlpProtobufDecoder(index::internResource);
    StoreStartup startup = new StoreStartup(config, clock, index, writer, phase, notes, protobufDecoder);
    this.lifecycle = new StoreLifecycle(config, startup, writer, phase, notes, protobufDecoder);
    this.health = new StoreHealth(phase, index, lifecycle, writer, notes);
  }

  /**
   * Checks the settings and starts the store: replaying the log, loading the configured files, then the receiver
   * and the retention sweep run on a background thread, so that the MCP session starts at once; every read and write
   * waits until they are done.
   *
   * @throws dev.otelmcp.domain.error.InvalidQueryException when a {@code load} path does not exist
   * @throws UncheckedIOException when the data directory cannot be created
   */
  public static OtlpTraceStore start(OtlpStoreConfig config, Clock clock) {
    StoreStartup.check(config);
    OtlpTraceStore store = new OtlpTraceStore(config, clock);
    store.lifecycle.start();
    return store;
  }

  // ---- writing ----

  /**
   * Stores decoded spans: appended to the log (when persisting) before they enter the index.
   *
   * @param protobuf the spans' OTLP protobuf encoding when the caller has it, else {@code null}
   * @return how many spans were new (an exporter's retry of a span it already sent is not)
   * @throws IOException when the log cannot be written (nothing was stored)
   */
  int ingest(List<Span> spans, byte[] protobuf) throws IOException {
    return writer.ingest(spans, protobuf);
  }

  /** What the maintenance thread runs every 30 s (retention by age, compaction); tests run it without waiting. */
  void maintain() {
    writer.maintain();
  }

  /** What the memory guard asks for when the heap stays nearly full; tests run it without filling the heap. */
  void relieveMemoryPressure() {
    writer.relieveMemoryPressure();
  }

  // ---- reading: the TraceStore port ----

  @Override
  public StoreCapabilities capabilities() {
    return queries.capabilities();
  }

  @Override
  public List<String> listServices(TimeRange window) {
    return queries.listServices(window);
  }

  @Override
  public List<Operation> listOperations(String serviceName, TimeRange window) {
    return queries.listOperations(serviceName, window);
  }

  @Override
  public TraceSearchResult searchTraces(TraceQuery query) {
    return queries.searchTraces(query);
  }

  @Override
  public SpanSearchResult searchSpans(SpanQuery query) {
    return queries.searchSpans(query);
  }

  @Override
  public Optional<LlmCallScan> llmCallScan() {
    return Optional.of(queries.llmCallScan());
  }

  @Override
  public Optional<Trace> getTrace(TraceId traceId) {
    return queries.getTrace(traceId);
  }

  /** Spans held now, once started. */
  long spanCount() {
    return queries.spanCount();
  }

  // ---- lifecycle ----

  /** The receiver's URL, once started, when it runs. */
  Optional<String> receiverEndpoint() {
    phase.awaitStarted();
    return lifecycle.receiverEndpoint();
  }

  @Override
  public HealthStatus health() {
    return health.health();
  }

  @Override
  public void close() {
    lifecycle.close();
  }
}
