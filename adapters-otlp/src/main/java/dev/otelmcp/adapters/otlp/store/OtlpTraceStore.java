package dev.otelmcp.adapters.otlp.store;

import dev.otelmcp.otlp.codec.OtlpJsonDecoder;
import dev.otelmcp.otlp.codec.OtlpProtobufDecoder;
import dev.otelmcp.otlp.codec.OtlpProtobufEncoder;
import dev.otelmcp.domain.error.BackendUnavailableException;
import dev.otelmcp.domain.model.Ids;
import dev.otelmcp.domain.model.Operation;
import dev.otelmcp.domain.model.Span;
import dev.otelmcp.domain.model.TimeRange;
import dev.otelmcp.domain.model.Trace;
import dev.otelmcp.domain.port.HealthStatus;
import dev.otelmcp.domain.port.LlmCallScan;
import dev.otelmcp.domain.port.SpanSearchResult;
import dev.otelmcp.domain.port.StoreCapabilities;
import dev.otelmcp.domain.port.TraceSearchResult;
import dev.otelmcp.domain.port.TraceStore;
import dev.otelmcp.domain.query.SpanQuery;
import dev.otelmcp.domain.query.TraceQuery;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The built-in trace store: spans arrive over OTLP/HTTP (or from files), are appended to a log before they
 * are acknowledged, and are searched in memory through the indexes of {@link SpanIndex}. Every filter is
 * evaluated natively, with {@code FilterEvaluator}'s semantics.
 *
 * <p>Thread-safe: the receiver's threads write while tool calls read. Its threads are daemons, and
 * {@link #close()} stops the receiver and closes the log.
 */
public final class OtlpTraceStore implements TraceStore {

  /** The largest {@code limit} one search may ask for. */
  public static final int MAX_SEARCH_LIMIT = 10_000;
  private static final Logger LOG = LoggerFactory.getLogger(OtlpTraceStore.class);

  private final OtlpStoreConfig config;
  private final Clock clock;
  private final SpanIndex index = new SpanIndex();
  private final IndexSearch search = new IndexSearch(index);
  private final LlmWindowScan llmScan = new LlmWindowScan(index, search);
  private final OtlpJsonDecoder jsonDecoder = new OtlpJsonDecoder();
  private final OtlpProtobufDecoder protobufDecoder = new OtlpProtobufDecoder(index::internResource);
  /** Serialises writes: log append and index update happen together, and compaction sees a stable index. */
  private final Object writeLock = new Object();
  private final List<String> notes = new CopyOnWriteArrayList<>();
  private final CountDownLatch ready = new CountDownLatch(1);
  private volatile RuntimeException startFailure;
  private volatile boolean closing;
  private Thread starter;
  private Persistence persistence;
  private volatile OtlpHttpReceiver receiver;
  private volatile ScheduledExecutorService maintenance;
  private volatile MemoryGuard memoryGuard;

  private final Retention retention;

  private OtlpTraceStore(OtlpStoreConfig config, Clock clock) {
    this.config = config;
    this.clock = clock;
    this.retention = new Retention(config, clock, index, writeLock, () -> persistence, () -> closing, this::note);
  }

  /**
   * Checks the settings and starts the store: replaying the log, loading the configured files, then the
   * receiver and the retention sweep run on a background thread, so that the MCP session starts at once; every
   * read and write waits until they are done (see {@link #awaitReady()}).
   *
   * @throws dev.otelmcp.domain.error.InvalidQueryException when a {@code load} path does not exist
   * @throws UncheckedIOException when the data directory cannot be created
   */
  public static OtlpTraceStore start(OtlpStoreConfig config, Clock clock) {
    config.load().forEach(OtlpFileLoader::files);
    config.dataDir().ifPresent(dir -> {
      try {
        Files.createDirectories(dir);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot create the data directory " + dir + ": " + e.getMessage(), e);
      }
    });
    OtlpTraceStore store = new OtlpTraceStore(config, clock);
    store.starter = new Thread(store::startUp, "otlp-store-start");
    store.starter.setDaemon(true);
    store.starter.start();
    return store;
  }

  private void startUp() {
    try {
      config.dataDir().ifPresent(this::replay);
      loadFiles(config.load());
      if (!closing) {
        config.port().ifPresent(this::startReceiver);
      }
      if (!closing) {
        ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(runnable -> {
          Thread thread = new Thread(runnable, "otlp-store-maintenance");
          thread.setDaemon(true);
          return thread;
        });
        executor.scheduleWithFixedDelay(this::maintain, 30, 30, TimeUnit.SECONDS);
        maintenance = executor;
        memoryGuard = new MemoryGuard(() -> executor.execute(this::relieveMemoryPressure));
      }
    } catch (CancellationException e) {
      startFailure = new IllegalStateException("the store was closed while starting");
    } catch (RuntimeException e) {
      LOG.error("the built-in store could not start: {}", e.getMessage(), e);
      startFailure = e;
    } finally {
      ready.countDown();
    }
  }

  /**
   * Waits until the log is replayed and the files are loaded, so that no answer is built from part of the data.
   *
   * @throws BackendUnavailableException when starting failed, or has not finished within five minutes
   */
  void awaitReady() {
    if (ready.getCount() > 0) {
      try {
        if (!ready.await(5, TimeUnit.MINUTES)) {
          throw new BackendUnavailableException("the built-in store is still reading its span log ("
              + index.spanCount() + " spans so far)", "Try again in a minute.");
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new BackendUnavailableException("interrupted while the built-in store was starting", "Try again.");
      }
    }
    if (startFailure != null) {
      throw new BackendUnavailableException("the built-in store could not start: " + startFailure.getMessage(),
          "Check the data directory (--data-dir) or run with --no-persist; otel-mcp's stderr has the details.");
    }
  }

  // ---- writing ----

  /**
   * Stores decoded spans: appended to the log (when persisting) before they enter the index.
   *
   * @param protobuf the spans' OTLP protobuf encoding when the caller has it, else {@code null}
   * @return how many spans were new (an exporter's retry of a span it already sent is not)
   * @throws IOException when the log cannot be written (nothing was stored)
   */
  public int ingest(List<Span> spans, byte[] protobuf) throws IOException {
    awaitReady();
    if (spans.isEmpty()) {
      return 0;
    }
    synchronized (writeLock) {
      long now = clock.millis();
      if (persistence != null) {
        byte[] payload = protobuf != null ? protobuf : OtlpProtobufEncoder.encode(spans).toByteArray();
        persistence.append(now, payload, spans.size());
      }
      int added = index.add(spans, now);
      retention.apply(now);
      return added;
    }
  }

  /** Retention by age and log compaction; every 30 s on a daemon thread. */
  void maintain() {
    retention.maintain();
  }

  /** The heap stays nearly full: drop the oldest spans. */
  void relieveMemoryPressure() {
    retention.relieveMemoryPressure();
  }

  // ---- starting ----

  private void replay(Path directory) {
    long started = System.nanoTime();
    long cutoff = config.retention().map(r -> clock.millis() - r.toMillis()).orElse(Long.MIN_VALUE);
    Persistence.Opened opened;
    try (LogReplayer replayer = new LogReplayer(protobufDecoder, index, cutoff, () -> closing)) {
      try {
        opened = Persistence.open(directory, config.fsync(), replayer);
        replayer.finish();
      } catch (IOException e) {
        throw new UncheckedIOException("cannot use the data directory " + directory + ": " + e.getMessage(), e);
      }
      synchronized (writeLock) {
        persistence = opened.persistence();
        if (persistence != null) {
          persistence.countReplayed(replayer.spansRead);
        }
      }
      report(directory, opened, replayer);
      LOG.info("replayed {} spans ({} records) from {} in {} ms", replayer.spansAdded, replayer.records, directory,
          (System.nanoTime() - started) / 1_000_000);
    }
    synchronized (writeLock) {
      retention.apply(clock.millis());
    }
    try {
      retention.compactIfDue();
    } catch (IOException e) {
      LOG.warn("cannot compact the span log: {}", e.toString());
    }
  }

  private void report(Path directory, Persistence.Opened opened, LogReplayer replayer) {
    SpanLog.Replay replay = opened.replay();
    if (replay.torn()) {
      String where = replay.tornCopy() == null ? "" : "; the damaged bytes are saved in " + replay.tornCopy();
      note("the span log ended in a torn record (" + replay.tornBytes() + " bytes after offset "
          + replay.goodBytes() + ", from a crash mid-write), which was skipped" + where);
    }
    if (replayer.unreadable > 0) {
      note(replayer.unreadable + " span log record(s) passed their checksum but could not be decoded; skipped");
    }
    if (!opened.owner()) {
      note("another otel-mcp process holds " + directory + ": its spans were read, nothing is persisted");
    }
  }

  private void note(String note) {
    LOG.warn("{}", note);
    notes.add(note);
  }

  private void loadFiles(List<Path> paths) {
    List<Span> loaded = OtlpFileLoader.readAll(paths, jsonDecoder, this::note);
    if (loaded.isEmpty()) {
      return;
    }
    List<Span> spans = config.loadRebase() ? TimeShift.toNow(loaded, clock.instant()) : loaded;
    synchronized (writeLock) {
      int added = index.add(spans, clock.millis());
      retention.apply(clock.millis());
      LOG.info("loaded {} spans{}", added, config.loadRebase() ? ", shifted so that the newest ends now" : "");
    }
  }

  private void startReceiver(int port) {
    try {
      receiver = OtlpHttpReceiver.start(config.host(), port, config.maxBodyBytes(), config.access(),
          new ExportRequests(this, protobufDecoder));
      LOG.info("OTLP/HTTP receiver listening on {} (protobuf and JSON{})", receiver.endpoint(),
          config.access().token().isPresent() ? "; bearer token required" : "");
      if (!ReceiverAccess.isLoopback(config.host()) && config.access().token().isEmpty()) {
        LOG.warn("the OTLP receiver on {} takes spans from anyone who can reach it; set --otlp-auth-token",
            config.host());
      }
    } catch (IOException | RuntimeException e) {
      // The tools still answer from what is stored; say why nothing new arrives.
      note("OTLP/HTTP receiver not started on " + config.host() + ":" + port + ": " + e.getMessage()
          + " (is another otel-mcp or collector using the port? set --otlp-port)");
    }
  }

  /** The receiver's URL, when it runs. */
  public Optional<String> receiverEndpoint() {
    awaitReady();
    return Optional.ofNullable(receiver).map(OtlpHttpReceiver::endpoint);
  }

  // ---- reading: the TraceStore port ----

  @Override
  public StoreCapabilities capabilities() {
    return new StoreCapabilities(filter -> true, filter -> true, true, MAX_SEARCH_LIMIT, true);
  }

  @Override
  public List<String> listServices(TimeRange window) {
    awaitReady();
    return index.services(window);
  }

  @Override
  public List<Operation> listOperations(String serviceName, TimeRange window) {
    awaitReady();
    return index.operations(serviceName, window);
  }

  @Override
  public TraceSearchResult searchTraces(TraceQuery query) {
    awaitReady();
    return search.traces(query);
  }

  @Override
  public SpanSearchResult searchSpans(SpanQuery query) {
    awaitReady();
    return search.spans(query);
  }

  @Override
  public Optional<LlmCallScan> llmCallScan() {
    return Optional.of((window, filters, limit, visitor) -> {
      awaitReady();
      return llmScan.scan(window, filters, limit, visitor);
    });
  }

  @Override
  public Optional<Trace> getTrace(String traceId) {
    awaitReady();
    return Ids.normalizeTraceId(traceId).flatMap(index::trace);
  }

  @Override
  public HealthStatus health() {
    try {
      ready.await(2, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    if (ready.getCount() > 0) {
      return HealthStatus.healthy("built-in OTLP store: starting, reading its span log (" + index.spanCount()
          + " spans so far)");
    }
    if (startFailure != null) {
      return HealthStatus.unhealthy("built-in OTLP store could not start: " + startFailure.getMessage());
    }
    StringBuilder detail = new StringBuilder("built-in OTLP store: ")
        .append(index.spanCount()).append(" spans in ").append(index.traceCount()).append(" traces");
    detail.append(receiver == null ? "; receiver off" : "; receiving on " + receiver.endpoint());
    detail.append(persistence == null ? "; not persisted" : "; persisted in " + persistence.directory());
    notes.forEach(note -> detail.append("; ").append(note));
    return HealthStatus.healthy(detail.toString());
  }

  /** Spans held now. */
  public long spanCount() {
    awaitReady();
    return index.spanCount();
  }

  @Override
  public void close() {
    closing = true;
    if (starter != null) {
      try {
        starter.join(TimeUnit.SECONDS.toMillis(30));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    if (receiver != null) {
      receiver.close();
    }
    if (memoryGuard != null) {
      memoryGuard.close();
    }
    if (maintenance != null) {
      maintenance.shutdownNow();
    }
    synchronized (writeLock) {
      if (persistence != null) {
        try {
          persistence.close();
        } catch (IOException e) {
          LOG.warn("closing the span log failed: {}", e.toString());
        }
        persistence = null;
      }
    }
  }
}
