package dev.otelmcp.adapters.otlp.store;

import java.io.IOException;
import java.time.Clock;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What keeps the store's size in bounds: retention by age and by span count (oldest received first), relief
 * when the heap stays nearly full, and compaction of the log once most of it holds removed spans.
 */
final class Retention {

  private static final Logger LOG = LoggerFactory.getLogger(Retention.class);
  private static final int SPANS_PER_COMPACTED_RECORD = 2_000;

  private final OtlpStoreConfig config;
  private final SpanIndex index;
  private final Object writeLock;
  private final Supplier<Persistence> persistence;
  private final BooleanSupplier closing;
  private final Consumer<String> notes;
  private final Clock clock;
  private boolean memoryNoted;

  Retention(OtlpStoreConfig config, Clock clock, SpanIndex index, Object writeLock,
      Supplier<Persistence> persistence, BooleanSupplier closing, Consumer<String> notes) {
    this.config = config;
    this.clock = clock;
    this.index = index;
    this.writeLock = writeLock;
    this.persistence = persistence;
    this.closing = closing;
    this.notes = notes;
  }

  /** Drops what is too old or too much; the caller holds the write lock. */
  void apply(long now) {
    long maxSpans = config.maxSpans() > 0 ? config.maxSpans() : Long.MAX_VALUE;
    long writtenBefore = config.retention().map(r -> now - r.toMillis()).orElse(Long.MIN_VALUE);
    long removed = index.evict(maxSpans, writtenBefore);
    if (removed > 0) {
      LOG.debug("retention removed {} spans", removed);
    }
  }

  /** Retention by age and log compaction. */
  void maintain() {
    try {
      synchronized (writeLock) {
        apply(clock.millis());
      }
      compactIfDue();
    } catch (IOException | RuntimeException e) {
      LOG.warn("span store maintenance failed: {}", e.toString());
    }
  }

  /** The heap is nearly full after a collection: drop the oldest fifth of the spans, and say so once. */
  void relieveMemoryPressure() {
    synchronized (writeLock) {
      long before = index.spanCount();
      long removed = index.evict(before - before / 5, Long.MIN_VALUE);
      if (removed > 0 && !memoryNoted) {
        memoryNoted = true;
        notes.accept("the JVM heap was nearly full, so the oldest spans were dropped (" + removed + " at first) "
            + "before reaching max_spans: give Java more memory (JAVA_OPTS=-Xmx…) or lower --max-spans");
      }
    }
  }

  /**
   * Rewrites the log with the live spans when most of it is spans retention removed. The snapshot is taken and
   * the files are swapped under the write lock; the slow part, encoding and writing, runs while the receiver
   * goes on appending to the old log (what it appends meanwhile is carried over).
   */
  void compactIfDue() throws IOException {
    long started = System.nanoTime();
    Persistence log;
    SpanLog.Rewrite rewrite;
    List<CompactionRecords.Chunk> snapshot;
    long live;
    synchronized (writeLock) {
      log = persistence.get();
      live = index.spanCount();
      if (log == null || closing.getAsBoolean() || !log.compactionDue(live)) {
        return;
      }
      snapshot = CompactionRecords.snapshot(index.entriesOldestFirst(), SPANS_PER_COMPACTED_RECORD);
      rewrite = log.beginRewrite();
    }
    try {
      rewrite.write(() -> new CompactionRecords(snapshot));
      synchronized (writeLock) {
        if (persistence.get() != log || closing.getAsBoolean()) {
          rewrite.abandon();
          return;
        }
        log.finishRewrite(rewrite, live);
      }
    } catch (IOException | RuntimeException e) {
      rewrite.abandon();
      throw e;
    }
    LOG.info("compacted the span log to {} spans in {} ms", live, (System.nanoTime() - started) / 1_000_000);
  }
}
