package dev.otelmcp.adapters.otlp.store;

import dev.otelmcp.domain.port.HealthStatus;
import java.nio.file.Path;
import java.util.Optional;

/**
 * What the store says about itself: starting (with the spans read so far), failed to start, or what it holds, where
 * it receives, where it persists, and every note the user should read.
 *
 * <p>Thread-safe, and it takes no lock a writer holds (a health check must not wait for an append or a compaction):
 * the counts come from the index's read lock, the rest from volatile or lock-free reads (see
 * {@link StoreWriter#logDirectory()}).
 */
final class StoreHealth {

  private final StorePhase phase;
  private final SpanIndex index;
  private final StoreLifecycle lifecycle;
  private final StoreWriter writer;
  private final StoreNotes notes;

  StoreHealth(StorePhase phase, SpanIndex index, StoreLifecycle lifecycle, StoreWriter writer, StoreNotes notes) {
    this.phase = phase;
    this.index = index;
    this.lifecycle = lifecycle;
    this.writer = writer;
    this.notes = notes;
  }

  /** Waits up to two seconds for the start to end, so that a check just after starting sees the store started. */
  HealthStatus health() {
    if (!phase.startEndedWithin(2)) {
      return HealthStatus.healthy("built-in OTLP store: starting, reading its span log (" + index.spanCount()
          + " spans so far)");
    }
    Optional<RuntimeException> failure = phase.failure();
    if (failure.isPresent()) {
      return HealthStatus.unhealthy("built-in OTLP store could not start: " + failure.get().getMessage());
    }
    StringBuilder detail = new StringBuilder("built-in OTLP store: ")
        .append(index.spanCount()).append(" spans in ").append(index.traceCount()).append(" traces");
    Optional<String> receiving = lifecycle.receiverEndpoint();
    detail.append(receiving.isEmpty() ? "; receiver off" : "; receiving on " + receiving.get());
    Optional<Path> persisted = writer.logDirectory();
    detail.append(persisted.isEmpty() ? "; not persisted" : "; persisted in " + persisted.get());
    notes.all().forEach(note -> detail.append("; ").append(note));
    return HealthStatus.healthy(detail.toString());
  }
}
