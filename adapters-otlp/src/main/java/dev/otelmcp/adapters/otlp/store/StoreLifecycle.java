package dev.otelmcp.adapters.otlp.store;

import dev.otelmcp.otlp.codec.OtlpProtobufDecoder;
import java.io.IOException;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The store's threads and what it holds open: the starting thread (which fills the store, then starts the rest), the
 * OTLP/HTTP receiver, the maintenance thread with its 30 s retention sweep, the memory guard, and the log — and their
 * closing, in the reverse order. Every thread is a daemon, so the store never holds the JVM open.
 *
 * <p>Thread-safety: the starting thread writes {@link #receiver}, {@link #maintenance} and {@link #memoryGuard} while
 * {@link #close()} and health checks may read them from other threads, hence {@code volatile}; closing first raises the
 * phase's flag, which the starting thread checks between steps, then waits for it to end, so that nothing is started
 * after it has been closed.
 */
final class StoreLifecycle {

  private static final Logger LOG = LoggerFactory.getLogger(StoreLifecycle.class);

  private final OtlpStoreConfig config;
  private final StoreStartup startup;
  private final StoreWriter writer;
  private final StorePhase phase;
  private final StoreNotes notes;
  private final OtlpProtobufDecoder protobufDecoder;
  /** Set before {@link OtlpTraceStore#start} hands the store out, so whoever closes it sees it. */
  private Thread starter;
  private volatile OtlpHttpReceiver receiver;
  private volatile ScheduledExecutorService maintenance;
  private volatile MemoryGuard memoryGuard;

  StoreLifecycle(OtlpStoreConfig config, StoreStartup startup, StoreWriter writer, StorePhase phase, StoreNotes notes,
      OtlpProtobufDecoder protobufDecoder) {
    this.config = config;
    this.startup = startup;
    this.writer = writer;
    this.phase = phase;
    this.notes = notes;
    this.protobufDecoder = protobufDecoder;
  }

  /** Starts the store on a background thread, so that the MCP session starts at once. */
  void start() {
    starter = new Thread(this::startUp, "otlp-store-start");
    starter.setDaemon(true);
    starter.start();
  }

  private void startUp() {
    RuntimeException failure = null;
    try {
      startup.fill();
      if (!phase.closing()) {
        config.port().ifPresent(this::startReceiver);
      }
      if (!phase.closing()) {
        startMaintenance();
      }
    } catch (CancellationException e) {
      failure = new IllegalStateException("the store was closed while starting");
    } catch (RuntimeException e) {
      LOG.error("the built-in store could not start: {}", e.getMessage(), e);
      failure = e;
    } finally {
      phase.startEnded(failure);
    }
  }

  private void startReceiver(int port) {
    try {
      receiver = OtlpHttpReceiver.start(config.host(), port, config.maxBodyBytes(), config.access(),
          new ExportRequests(writer, protobufDecoder));
      LOG.info("OTLP/HTTP receiver listening on {} (protobuf and JSON{})", receiver.endpoint(),
          config.access().token().isPresent() ? "; bearer token required" : "");
      if (!ReceiverAccess.isLoopback(config.host()) && config.access().token().isEmpty()) {
        LOG.warn("the OTLP receiver on {} takes spans from anyone who can reach it; set --otlp-auth-token",
            config.host());
      }
    } catch (IOException | RuntimeException e) {
      // The tools still answer from what is stored; say why nothing new arrives.
      notes.add("OTLP/HTTP receiver not started on " + config.host() + ":" + port + ": " + e.getMessage()
          + " (is another otel-mcp or collector using the port? set --otlp-port)");
    }
  }

  /** Retention and compaction every 30 s, and relief when the heap stays nearly full, on one daemon thread. */
  private void startMaintenance() {
    ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(runnable -> {
      Thread thread = new Thread(runnable, "otlp-store-maintenance");
      thread.setDaemon(true);
      return thread;
    });
    executor.scheduleWithFixedDelay(writer::maintain, 30, 30, TimeUnit.SECONDS);
    maintenance = executor;
    memoryGuard = new MemoryGuard(() -> executor.execute(writer::relieveMemoryPressure));
  }

  /** The receiver's URL, when it runs (it may have failed to start, or be off); does not wait for the start. */
  Optional<String> receiverEndpoint() {
    return Optional.ofNullable(receiver).map(OtlpHttpReceiver::endpoint);
  }

  /** Stops the start where it is, then the receiver, the memory guard and the maintenance thread, then the log. */
  void close() {
    phase.beginClosing();
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
    try {
      writer.closeLog();
    } catch (IOException e) {
      LOG.warn("closing the span log failed: {}", e.toString());
    }
  }
}
