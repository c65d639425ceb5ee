package dev.otelmcp.adapters.otlp.store;

import dev.otelmcp.adapters.otlp.codec.OtlpDecodeResult;
import dev.otelmcp.adapters.otlp.codec.OtlpDecodingException;
import dev.otelmcp.adapters.otlp.codec.OtlpJsonDecoder;
import dev.otelmcp.adapters.otlp.codec.OtlpProtobufDecoder;
import dev.otelmcp.adapters.otlp.codec.OtlpProtobufEncoder;
import dev.otelmcp.domain.model.Ids;
import dev.otelmcp.domain.model.Operation;
import dev.otelmcp.domain.model.Span;
import dev.otelmcp.domain.model.TimeRange;
import dev.otelmcp.domain.model.Trace;
import dev.otelmcp.domain.port.HealthStatus;
import dev.otelmcp.domain.port.SpanSearchResult;
import dev.otelmcp.domain.port.StoreCapabilities;
import dev.otelmcp.domain.port.TraceSearchResult;
import dev.otelmcp.domain.port.TraceStore;
import dev.otelmcp.domain.query.SpanQuery;
import dev.otelmcp.domain.query.TraceQuery;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
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
  private static final int SPANS_PER_COMPACTED_RECORD = 2_000;

  private final OtlpStoreConfig config;
  private final Clock clock;
  private final SpanIndex index = new SpanIndex();
  private final IndexSearch search = new IndexSearch(index);
  private final OtlpJsonDecoder jsonDecoder = new OtlpJsonDecoder();
  private final OtlpProtobufDecoder protobufDecoder = new OtlpProtobufDecoder(index::internResource);
  /** Serialises writes: log append and index update happen together, and compaction sees a stable index. */
  private final Object writeLock = new Object();
  private final List<String> notes = new CopyOnWriteArrayList<>();
  private Persistence persistence;
  private OtlpHttpReceiver receiver;
  private ScheduledExecutorService maintenance;

  private OtlpTraceStore(OtlpStoreConfig config, Clock clock) {
    this.config = config;
    this.clock = clock;
  }

  /**
   * Replays the log, loads the configured files, starts the receiver and the retention sweep.
   *
   * @throws dev.otelmcp.domain.error.InvalidQueryException when a {@code load} path does not exist
   * @throws UncheckedIOException when the data directory cannot be used
   */
  public static OtlpTraceStore start(OtlpStoreConfig config, Clock clock) {
    OtlpTraceStore store = new OtlpTraceStore(config, clock);
    try {
      config.dataDir().ifPresent(store::replay);
      store.loadFiles(config.load());
      config.port().ifPresent(store::startReceiver);
      if (config.retention().isPresent() || store.persistence != null) {
        store.maintenance = Executors.newSingleThreadScheduledExecutor(runnable -> {
          Thread thread = new Thread(runnable, "otlp-store-maintenance");
          thread.setDaemon(true);
          return thread;
        });
        store.maintenance.scheduleWithFixedDelay(store::maintain, 30, 30, TimeUnit.SECONDS);
      }
      return store;
    } catch (RuntimeException e) {
      store.close();
      throw e;
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
      applyRetention(now);
      return added;
    }
  }

  /** The receiver's entry: decode, store, answer as OTLP/HTTP says. */
  OtlpResponses.Answer accept(byte[] body, OtlpResponses.Format format) {
    OtlpDecodeResult decoded;
    try {
      decoded = format == OtlpResponses.Format.PROTOBUF ? protobufDecoder.decode(body) : jsonDecoder.decode(body);
    } catch (OtlpDecodingException e) {
      return OtlpResponses.error(400, e.getMessage(), format);
    }
    try {
      ingest(decoded.spans(), format == OtlpResponses.Format.PROTOBUF ? body : null);
    } catch (IOException e) {
      LOG.error("cannot append to the span log; refusing the batch", e);
      return OtlpResponses.error(503, "cannot persist spans: " + e.getMessage(), format)
          .withHeader("Retry-After", "5");
    }
    if (decoded.skippedSpans() > 0) {
      return OtlpResponses.success(decoded.skippedSpans(), decoded.skippedSpans()
          + " span(s) rejected: trace or span id of the wrong length, or an unreadable timestamp", format);
    }
    return OtlpResponses.success(0, "", format);
  }

  private void applyRetention(long now) {
    long maxSpans = config.maxSpans() > 0 ? config.maxSpans() : Long.MAX_VALUE;
    long writtenBefore = config.retention().map(r -> now - r.toMillis()).orElse(Long.MIN_VALUE);
    long removed = index.evict(maxSpans, writtenBefore);
    if (removed > 0) {
      LOG.debug("retention removed {} spans", removed);
    }
  }

  /** Retention by age and log compaction, every 30 s on a daemon thread. */
  void maintain() {
    try {
      synchronized (writeLock) {
        applyRetention(clock.millis());
        compactIfDue();
      }
    } catch (IOException | RuntimeException e) {
      LOG.warn("span store maintenance failed: {}", e.toString());
    }
  }

  private void compactIfDue() throws IOException {
    long live = index.spanCount();
    if (persistence == null || !persistence.compactionDue(live)) {
      return;
    }
    long started = System.nanoTime();
    persistence.rewrite(() -> new CompactionRecords(index.entriesOldestFirst(), SPANS_PER_COMPACTED_RECORD), live);
    LOG.info("compacted the span log to {} spans in {} ms", live, (System.nanoTime() - started) / 1_000_000);
  }

  // ---- starting ----

  private void replay(Path directory) {
    long started = System.nanoTime();
    long cutoff = config.retention().map(r -> clock.millis() - r.toMillis()).orElse(Long.MIN_VALUE);
    long[] counts = new long[3];
    Persistence.Opened opened;
    try {
      opened = Persistence.open(directory, config.fsync(), record -> {
        counts[0]++;
        if (record.ingestMillis() < cutoff) {
          return;
        }
        OtlpDecodeResult decoded = protobufDecoder.decode(record.payload());
        counts[1] += decoded.spans().size();
        counts[2] += index.add(decoded.spans(), record.ingestMillis());
      });
    } catch (IOException e) {
      throw new UncheckedIOException("cannot use the data directory " + directory + ": " + e.getMessage(), e);
    }
    persistence = opened.persistence();
    SpanLog.Replay replay = opened.replay();
    if (replay.torn()) {
      String where = replay.tornCopy() == null ? "" : "; the damaged bytes are saved in " + replay.tornCopy();
      String note = "the span log ended in a torn record (" + replay.tornBytes() + " bytes after offset "
          + replay.goodBytes() + ", from a crash mid-write), which was skipped" + where;
      LOG.warn("{}", note);
      notes.add(note);
    }
    if (persistence == null) {
      String note = "another otel-mcp process holds " + directory + ": its spans were read, nothing is persisted";
      LOG.warn("{}", note);
      notes.add(note);
    } else {
      persistence.countReplayed(counts[1]);
    }
    LOG.info("replayed {} spans ({} records) from {} in {} ms", counts[2], counts[0], directory,
        (System.nanoTime() - started) / 1_000_000);
    synchronized (writeLock) {
      applyRetention(clock.millis());
      try {
        compactIfDue();
      } catch (IOException e) {
        LOG.warn("cannot compact the span log: {}", e.toString());
      }
    }
  }

  private void loadFiles(List<Path> paths) {
    List<Span> loaded = new ArrayList<>();
    for (Path path : paths) {
      for (Path file : OtlpFileLoader.files(path)) {
        try {
          OtlpDecodeResult decoded = OtlpFileLoader.read(file, jsonDecoder);
          loaded.addAll(decoded.spans());
          LOG.info("read {} spans from {}{}", decoded.spans().size(), file,
              decoded.isLossy() ? " (" + decoded.skippedSpans() + " unreadable spans skipped)" : "");
        } catch (IOException | OtlpDecodingException e) {
          String note = "could not load " + file + ": " + e.getMessage();
          LOG.warn("{}", note);
          notes.add(note);
        }
      }
    }
    if (loaded.isEmpty()) {
      return;
    }
    List<Span> spans = config.loadRebase() ? TimeShift.toNow(loaded, clock.instant()) : loaded;
    synchronized (writeLock) {
      int added = index.add(spans, clock.millis());
      applyRetention(clock.millis());
      LOG.info("loaded {} spans{}", added, config.loadRebase() ? ", shifted so that the newest ends now" : "");
    }
  }

  private void startReceiver(int port) {
    try {
      receiver = OtlpHttpReceiver.start(config.host(), port, config.maxBodyBytes(), this::accept);
      LOG.info("OTLP/HTTP receiver listening on {} (protobuf and JSON)", receiver.endpoint());
    } catch (IOException | RuntimeException e) {
      // The tools still answer from what is stored; say why nothing new arrives.
      String note = "OTLP/HTTP receiver not started on " + config.host() + ":" + port + ": " + e.getMessage()
          + " (is another otel-mcp or collector using the port? set --otlp-port)";
      LOG.warn("{}", note);
      notes.add(note);
    }
  }

  /** The receiver's URL, when it runs. */
  public Optional<String> receiverEndpoint() {
    return Optional.ofNullable(receiver).map(OtlpHttpReceiver::endpoint);
  }

  // ---- reading: the TraceStore port ----

  @Override
  public StoreCapabilities capabilities() {
    return new StoreCapabilities(filter -> true, filter -> true, true, MAX_SEARCH_LIMIT, true);
  }

  @Override
  public List<String> listServices(TimeRange window) {
    return index.services(window);
  }

  @Override
  public List<Operation> listOperations(String serviceName, TimeRange window) {
    return index.operations(serviceName, window);
  }

  @Override
  public TraceSearchResult searchTraces(TraceQuery query) {
    return search.traces(query);
  }

  @Override
  public SpanSearchResult searchSpans(SpanQuery query) {
    return search.spans(query);
  }

  @Override
  public Optional<Trace> getTrace(String traceId) {
    return Ids.normalizeTraceId(traceId).flatMap(index::trace);
  }

  @Override
  public HealthStatus health() {
    StringBuilder detail = new StringBuilder("built-in OTLP store: ")
        .append(index.spanCount()).append(" spans in ").append(index.traceCount()).append(" traces");
    detail.append(receiver == null ? "; receiver off" : "; receiving on " + receiver.endpoint());
    detail.append(persistence == null ? "; not persisted" : "; persisted in " + persistence.directory());
    notes.forEach(note -> detail.append("; ").append(note));
    return HealthStatus.healthy(detail.toString());
  }

  /** Spans held now. */
  public long spanCount() {
    return index.spanCount();
  }

  @Override
  public void close() {
    if (receiver != null) {
      receiver.close();
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
