package dev.otelmcp.adapters.otlp.store;

import dev.otelmcp.domain.model.Span;
import dev.otelmcp.otlp.codec.OtlpJsonDecoder;
import dev.otelmcp.otlp.codec.OtlpProtobufDecoder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the store holds when it starts: its log replayed from the data directory, then the {@code --load} files.
 * Runs on the starting thread, before the receiver and the maintenance thread exist: the replay indexes without the
 * write lock (nothing else writes yet, and readers wait for the start to end), and hands the log over to the
 * {@link StoreWriter} under it.
 */
final class StoreStartup {

  private static final Logger LOG = LoggerFactory.getLogger(StoreStartup.class);

  private final OtlpStoreConfig config;
  private final Clock clock;
  private final SpanIndex index;
  private final StoreWriter writer;
  private final StorePhase phase;
  private final StoreNotes notes;
  private final OtlpProtobufDecoder protobufDecoder;
  private final OtlpJsonDecoder jsonDecoder = new OtlpJsonDecoder();

  StoreStartup(OtlpStoreConfig config, Clock clock, SpanIndex index, StoreWriter writer, StorePhase phase,
      StoreNotes notes, OtlpProtobufDecoder protobufDecoder) {
    this.config = config;
    this.clock = clock;
    this.index = index;
    this.writer = writer;
    this.phase = phase;
    this.notes = notes;
    this.protobufDecoder = protobufDecoder;
  }

  /**
   * What is checked before the store starts, on the caller's thread, so that a wrong setting fails at once.
   *
   * @throws dev.otelmcp.domain.error.InvalidQueryException when a {@code load} path does not exist
   * @throws UncheckedIOException when the data directory cannot be created
   */
  static void check(OtlpStoreConfig config) {
    config.load().forEach(OtlpFileLoader::files);
    config.dataDir().ifPresent(dir -> {
      try {
        Files.createDirectories(dir);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot create the data directory " + dir + ": " + e.getMessage(), e);
      }
    });
  }

  /** Replays the log, then loads the files; stops with a {@code CancellationException} once the store is closing. */
  void fill() {
    config.dataDir().ifPresent(this::replay);
    loadFiles(config.load());
  }

  private void replay(Path directory) {
    long started = System.nanoTime();
    long cutoff = config.retention().map(r -> clock.millis() - r.toMillis()).orElse(Long.MIN_VALUE);
    try (LogReplayer replayer = new LogReplayer(protobufDecoder, index, cutoff, phase::closing)) {
      Persistence.Opened opened;
      try {
        opened = Persistence.open(directory, config.fsync(), replayer);
        replayer.finish();
      } catch (IOException e) {
        throw new UncheckedIOException("cannot use the data directory " + directory + ": " + e.getMessage(), e);
      }
      writer.adoptLog(opened.persistence(), replayer.spansRead);
      report(directory, opened, replayer);
      LOG.info("replayed {} spans ({} records) from {} in {} ms", replayer.spansAdded, replayer.records, directory,
          (System.nanoTime() - started) / 1_000_000);
    }
    writer.applyRetention();
    try {
      writer.compactIfDue();
    } catch (IOException e) {
      LOG.warn("cannot compact the span log: {}", e.toString());
    }
  }

  private void report(Path directory, Persistence.Opened opened, LogReplayer replayer) {
    SpanLog.Replay replay = opened.replay();
    if (replay.torn()) {
      String where = replay.tornCopy() == null ? "" : "; the damaged bytes are saved in " + replay.tornCopy();
      notes.add("the span log ended in a torn record (" + replay.tornBytes() + " bytes after offset "
          + replay.goodBytes() + ", from a crash mid-write), which was skipped" + where);
    }
    if (replayer.unreadable > 0) {
      notes.add(replayer.unreadable + " span log record(s) passed their checksum but could not be decoded; skipped");
    }
    if (!opened.owner()) {
      notes.add("another otel-mcp process holds " + directory + ": its spans were read, nothing is persisted");
    }
  }

  private void loadFiles(List<Path> paths) {
    List<Span> loaded = OtlpFileLoader.readAll(paths, jsonDecoder, notes::add);
    if (loaded.isEmpty()) {
      return;
    }
    List<Span> spans = config.loadRebase() ? TimeShift.toNow(loaded, clock.instant()) : loaded;
    int added = writer.addLoaded(spans);
    LOG.info("loaded {} spans{}", added, config.loadRebase() ? ", shifted so that the newest ends now" : "");
  }
}
