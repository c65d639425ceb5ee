package dev.otelmcp.adapters.otlp.store;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.function.Consumer;

/**
 * The data directory: its {@link SpanLog}, and a lock file so that two otel-mcp processes (say, two
 * assistants started at once) never write one log. The process that cannot take the lock replays the log
 * read-only and persists nothing.
 */
final class Persistence implements AutoCloseable {

  static final String LOCK_FILE = ".lock";

  private final Path directory;
  private final SpanLog log;
  private final FileChannel lockChannel;
  private final FileLock lock;
  /** Spans in the log file, live or not: compaction is due when most are gone from the index. */
  private long spansInLog;
  private long spansAppendedDuringRewrite;

  private Persistence(Path directory, SpanLog log, FileChannel lockChannel, FileLock lock) {
    this.directory = directory;
    this.log = log;
    this.lockChannel = lockChannel;
    this.lock = lock;
  }

  /** What opening the directory found. */
  record Opened(Persistence persistence, SpanLog.Replay replay) {
    /** Whether this process owns the directory (else it replayed read-only). */
    boolean owner() {
      return persistence != null;
    }
  }

  /**
   * Takes the directory's lock and replays its log into {@code sink}; when another process holds the lock, it
   * replays read-only and returns no persistence.
   */
  static Opened open(Path directory, boolean fsync, Consumer<SpanLog.Record> sink) throws IOException {
    Files.createDirectories(directory);
    FileChannel lockChannel = FileChannel.open(directory.resolve(LOCK_FILE), StandardOpenOption.CREATE,
        StandardOpenOption.WRITE);
    FileLock lock;
    try {
      lock = lockChannel.tryLock();
    } catch (OverlappingFileLockException e) {
      lock = null;
    }
    if (lock == null) {
      lockChannel.close();
      return new Opened(null, SpanLog.readOnly(directory, sink));
    }
    SpanLog.Replay[] replay = new SpanLog.Replay[1];
    try {
      SpanLog log = SpanLog.open(directory, fsync, sink, r -> replay[0] = r);
      return new Opened(new Persistence(directory, log, lockChannel, lock), replay[0]);
    } catch (IOException | RuntimeException e) {
      lock.release();
      lockChannel.close();
      throw e;
    }
  }

  void append(long ingestMillis, byte[] payload, int spans) throws IOException {
    log.append(ingestMillis, payload);
    spansInLog += spans;
    spansAppendedDuringRewrite += spans;
  }

  void countReplayed(long spans) {
    spansInLog += spans;
  }

  /** Whether the log holds more than twice the live spans (and enough to be worth rewriting). */
  boolean compactionDue(long liveSpans) {
    return spansInLog > 2 * liveSpans + 50_000;
  }

  /**
   * Compaction, in three steps so that appends wait only for the first and last: {@code begin} (under the
   * store's write lock), {@code Rewrite.write} the snapshot (no lock), {@code finish} (under the lock again).
   */
  SpanLog.Rewrite beginRewrite() throws IOException {
    spansAppendedDuringRewrite = 0;
    return log.beginRewrite();
  }

  void finishRewrite(SpanLog.Rewrite rewrite, long snapshotSpans) throws IOException {
    rewrite.finish();
    spansInLog = snapshotSpans + spansAppendedDuringRewrite;
  }

  Path directory() {
    return directory;
  }


  @Override
  public void close() throws IOException {
    try {
      log.close();
    } finally {
      lock.release();
      lockChannel.close();
    }
  }
}
