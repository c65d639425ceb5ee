package dev.otelmcp.adapters.otlp.store;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.function.Consumer;
import java.util.zip.CRC32C;

/**
 * The append-only log behind the store's persistence: every accepted batch is written here before the
 * receiver acknowledges it, and replayed at start.
 *
 * <p>A record is {@code [int length][int crc32c][long ingestMillis][payload]}, where length and checksum cover
 * the time and the payload (OTLP protobuf {@code TracesData}). A process killed mid-write leaves a torn last
 * record: replay detects it (short read, impossible length or checksum mismatch), stops there, saves the
 * damaged bytes next to the log and truncates it, so that new records follow the last good one.
 *
 * <p>Writes go to the operating system on every append, which survives the process being killed; with
 * {@code fsync} they are also forced to the disk, which survives the machine losing power. Not thread-safe:
 * the store serialises appends.
 */
final class SpanLog implements AutoCloseable {

  static final String FILE_NAME = "spans.log";
  private static final int HEADER_BYTES = 8;
  private static final int MAX_RECORD_BYTES = 512 * 1024 * 1024;

  /** One record as replayed. */
  record Record(long ingestMillis, byte[] payload) {}

  /** What replay found. */
  record Replay(long records, long goodBytes, long tornBytes, Path tornCopy) {
    boolean torn() {
      return tornBytes > 0;
    }
  }

  private final Path file;
  private final boolean fsync;
  private FileChannel channel;

  private SpanLog(Path file, boolean fsync, FileChannel channel) {
    this.file = file;
    this.fsync = fsync;
    this.channel = channel;
  }

  /**
   * Replays the log in {@code directory} into {@code sink} and opens it for appending; a torn tail is cut
   * off first. Creates the directory and an empty log when there is none.
   */
  static SpanLog open(Path directory, boolean fsync, Consumer<Record> sink, Consumer<Replay> report) throws IOException {
    Files.createDirectories(directory);
    Path file = directory.resolve(FILE_NAME);
    Replay replay = Files.exists(file) ? read(file, sink, true) : new Replay(0, 0, 0, null);
    report.accept(replay);
    FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
    channel.position(channel.size());
    return new SpanLog(file, fsync, channel);
  }

  /** Replays a log without changing it (another process owns it). */
  static Replay readOnly(Path directory, Consumer<Record> sink) throws IOException {
    Path file = directory.resolve(FILE_NAME);
    return Files.exists(file) ? read(file, sink, false) : new Replay(0, 0, 0, null);
  }

  private static Replay read(Path file, Consumer<Record> sink, boolean repair) throws IOException {
    long good = 0;
    long count = 0;
    long size = Files.size(file);
    try (InputStream raw = Files.newInputStream(file);
         DataInputStream in = new DataInputStream(new BufferedInputStream(raw, 1 << 16))) {
      while (good < size) {
        Record record = readRecord(in, size - good);
        if (record == null) {
          break;
        }
        sink.accept(record);
        good += HEADER_BYTES + Long.BYTES + record.payload().length;
        count++;
      }
    }
    long torn = size - good;
    Path copy = null;
    if (torn > 0 && repair) {
      copy = file.resolveSibling(FILE_NAME + ".torn-" + System.currentTimeMillis());
      try (FileChannel source = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE);
           FileChannel target = FileChannel.open(copy, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
        source.transferTo(good, torn, target);
        source.truncate(good);
        source.force(true);
      }
    }
    return new Replay(count, good, torn, copy);
  }

  /** The next record, or {@code null} when what follows is not a whole, intact record. */
  private static Record readRecord(DataInputStream in, long remaining) throws IOException {
    if (remaining < HEADER_BYTES + Long.BYTES) {
      return null;
    }
    int length;
    int crc;
    try {
      length = in.readInt();
      crc = in.readInt();
    } catch (EOFException e) {
      return null;
    }
    if (length < Long.BYTES || length > MAX_RECORD_BYTES || length > remaining - HEADER_BYTES) {
      return null;
    }
    byte[] body = new byte[length];
    try {
      in.readFully(body);
    } catch (EOFException e) {
      return null;
    }
    CRC32C checksum = new CRC32C();
    checksum.update(body);
    if ((int) checksum.getValue() != crc) {
      return null;
    }
    ByteBuffer buffer = ByteBuffer.wrap(body);
    long ingestMillis = buffer.getLong();
    byte[] payload = new byte[length - Long.BYTES];
    buffer.get(payload);
    return new Record(ingestMillis, payload);
  }

  /** Appends one record; when this returns, the record survives the process being killed. */
  void append(long ingestMillis, byte[] payload) throws IOException {
    ByteBuffer framed = frame(ingestMillis, payload);
    while (framed.hasRemaining()) {
      channel.write(framed);
    }
    if (fsync) {
      channel.force(false);
    }
  }

  private static ByteBuffer frame(long ingestMillis, byte[] payload) {
    int length = Long.BYTES + payload.length;
    ByteBuffer record = ByteBuffer.allocate(HEADER_BYTES + length);
    record.putInt(length).putInt(0).putLong(ingestMillis).put(payload);
    CRC32C checksum = new CRC32C();
    checksum.update(record.array(), HEADER_BYTES, length);
    record.putInt(Integer.BYTES, (int) checksum.getValue());
    record.flip();
    return record;
  }

  /**
   * Starts replacing the log (compaction): records written to the {@link Rewrite} go to a new file while
   * appends still go here; {@link Rewrite#finish()} then copies what was appended meanwhile and swaps the files.
   */
  Rewrite beginRewrite() throws IOException {
    Path fresh = file.resolveSibling(FILE_NAME + ".compacting");
    FileChannel out = FileChannel.open(fresh, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING,
        StandardOpenOption.WRITE);
    return new Rewrite(fresh, out, channel.size());
  }

  /** A new log being written beside this one. */
  final class Rewrite {
    private final Path fresh;
    private final FileChannel out;
    private final long appendedFrom;

    private Rewrite(Path fresh, FileChannel out, long appendedFrom) {
      this.fresh = fresh;
      this.out = out;
      this.appendedFrom = appendedFrom;
    }

    /** Writes the live records; needs no lock, appends go on meanwhile. */
    void write(Iterable<Record> live) throws IOException {
      for (Record record : live) {
        ByteBuffer framed = frame(record.ingestMillis(), record.payload());
        while (framed.hasRemaining()) {
          out.write(framed);
        }
      }
    }

    /**
     * Copies the records appended since the rewrite began, forces the new file to disk and moves it over the
     * log atomically. The caller holds off appends while this runs.
     */
    void finish() throws IOException {
      long end = channel.size();
      try (FileChannel old = FileChannel.open(file, StandardOpenOption.READ)) {
        long position = appendedFrom;
        while (position < end) {
          position += old.transferTo(position, end - position, out);
        }
      }
      out.force(true);
      out.close();
      channel.close();
      Files.move(fresh, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      channel = FileChannel.open(file, StandardOpenOption.WRITE);
      channel.position(channel.size());
    }

    /** Gives up: the log stays as it is. */
    void abandon() {
      try {
        out.close();
        Files.deleteIfExists(fresh);
      } catch (IOException e) {
        // the next compaction truncates it
      }
    }
  }

  @Override
  public void close() throws IOException {
    if (channel.isOpen()) {
      channel.force(true);
      channel.close();
    }
  }
}
