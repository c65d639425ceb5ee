package dev.otelmcp.adapters.otlp.store;

import dev.otelmcp.domain.model.Span;
import dev.otelmcp.otlp.codec.OtlpProtobufEncoder;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/**
 * Every change to what the store holds, one at a time: an exporter's batch (appended to the log, then indexed), the
 * files loaded at start, the replayed log taken over, and {@link Retention}'s removals and compaction.
 *
 * <p>Thread-safety: one lock, the write lock, serialises all of them — so that a batch's log append and its index
 * update happen together (the log never holds what the index refused, nor the other way round, in any order another
 * writer could see), and so that compaction snapshots a stable index and swaps files while no append runs. Readers
 * never take it: {@link SpanIndex}'s own read-write lock guards them, so a slow append (fsync) never holds up a tool
 * call. The log itself ({@link #persistence}) is only used under the write lock, except by {@link #logDirectory()}.
 */
final class StoreWriter {

  private final Object writeLock = new Object();
  private final SpanIndex index;
  private final Clock clock;
  private final StorePhase phase;
  private final Retention retention;
  /** The data directory's log: {@code null} when not persisting, when another process owns it, and once closed. */
  private Persistence persistence;

  StoreWriter(OtlpStoreConfig config, Clock clock, SpanIndex index, StorePhase phase, StoreNotes notes) {
    this.index = index;
    this.clock = clock;
    this.phase = phase;
    this.retention = new Retention(config, clock, index, writeLock, () -> persistence, phase::closing, notes::add);
  }

  /**
   * Stores decoded spans: appended to the log (when persisting) before they enter the index. Waits until the store
   * has started.
   *
   * @param protobuf the spans' OTLP protobuf encoding when the caller has it, else {@code null}
   * @return how many spans were new (an exporter's retry of a span it already sent is not)
   * @throws IOException when the log cannot be written (nothing was stored)
   */
  int ingest(List<Span> spans, byte[] protobuf) throws IOException {
    phase.awaitStarted();
    if (spans.isEmpty()) {
      return 0;
    }
    synchronized (writeLock) {
      long now = clock.millis();
      if (persistence != null) {
        byte[] payload = protobuf != null ? protobuf : OtlpProtobufEncoder.encode(spans).toByteArray();
        persistence.append(now, payload, spans.size());
      }
      return indexLocked(spans, now);
    }
  }

  /** Indexes spans read from files at start; they are not logged (the files are read again at the next start). */
  int addLoaded(List<Span> spans) {
    synchronized (writeLock) {
      return indexLocked(spans, clock.millis());
    }
  }

  private int indexLocked(List<Span> spans, long now) {
    int added = index.add(spans, now);
    retention.apply(now);
    return added;
  }

  /**
   * Takes over the log replayed at start ({@code null} when another process owns it): appends go to it from now on.
   *
   * @param replayedSpans the spans the log holds, live or not, for deciding when to compact
   */
  void adoptLog(Persistence log, long replayedSpans) {
    synchronized (writeLock) {
      persistence = log;
      if (persistence != null) {
        persistence.countReplayed(replayedSpans);
      }
    }
  }

  /** Drops what is too old or too much now (after the replay, which indexed without the write lock). */
  void applyRetention() {
    synchronized (writeLock) {
      retention.apply(clock.millis());
    }
  }

  /** Rewrites the log when most of it holds removed spans; see {@link Retention#compactIfDue()}. */
  void compactIfDue() throws IOException {
    retention.compactIfDue();
  }

  /** Retention by age and log compaction: what the maintenance thread runs every 30 s. */
  void maintain() {
    retention.maintain();
  }

  /** The heap stays nearly full: drop the oldest spans. What the memory guard asks for. */
  void relieveMemoryPressure() {
    retention.relieveMemoryPressure();
  }

  /**
   * Where the log is, for the health report. Read without the write lock, so that a health check never waits for an
   * append: the log was set by the starting thread before the start ended (which publishes it), and read once here so
   * that a concurrent {@link #closeLog()} yields "not persisted" rather than a half-read value.
   */
  Optional<Path> logDirectory() {
    Persistence log = persistence;
    return log == null ? Optional.empty() : Optional.of(log.directory());
  }

  /** Closes the log once no append runs; later appends are not persisted. */
  void closeLog() throws IOException {
    synchronized (writeLock) {
      if (persistence != null) {
        try {
          persistence.close();
        } finally {
          persistence = null;
        }
      }
    }
  }
}
