package dev.otelmcp.adapters.mcp.stdio;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * The protocol stream, written a whole line at a time. The SDK writes a message and its newline in
 * separate calls, and the front door answers some messages itself: buffering up to each newline and
 * writing under one lock keeps the two from ever interleaving inside a line.
 */
public final class LineWriter extends OutputStream {

  private final OutputStream out;
  private final ByteArrayOutputStream pending = new ByteArrayOutputStream();

  public LineWriter(OutputStream out) {
    this.out = out;
  }

  @Override
  public synchronized void write(int b) throws IOException {
    pending.write(b);
    if (b == '\n') {
      emit();
    }
  }

  @Override
  public synchronized void write(byte[] bytes, int offset, int length) throws IOException {
    int start = offset;
    int end = offset + length;
    for (int i = offset; i < end; i++) {
      if (bytes[i] == '\n') {
        pending.write(bytes, start, i - start + 1);
        emit();
        start = i + 1;
      }
    }
    pending.write(bytes, start, end - start);
  }

  /**
   * Another writer onto the same stream, for a second protocol server: it buffers its own lines and writes each
   * whole under this writer's lock, so the two never interleave inside a line.
   */
  public LineWriter branch() {
    LineWriter shared = this;
    return new LineWriter(new OutputStream() {
      @Override
      public void write(int b) throws IOException {
        write(new byte[] {(byte) b}, 0, 1);
      }

      @Override
      public void write(byte[] bytes, int offset, int length) throws IOException {
        shared.writeWhole(bytes, offset, length);
      }

      @Override
      public void flush() throws IOException {
        shared.flush();
      }
    });
  }

  private synchronized void writeWhole(byte[] bytes, int offset, int length) throws IOException {
    out.write(bytes, offset, length);
    out.flush();
  }

  /** Writes one complete message line of our own. */
  public synchronized void writeLine(String message) throws IOException {
    out.write((message + "\n").getBytes(StandardCharsets.UTF_8));
    out.flush();
  }

  @Override
  public synchronized void flush() throws IOException {
    // Partial lines stay buffered until their newline; whole lines were flushed when written.
    out.flush();
  }

  @Override
  public synchronized void close() throws IOException {
    emit();
    out.close();
  }

  private void emit() throws IOException {
    if (pending.size() > 0) {
      pending.writeTo(out);
      pending.reset();
      out.flush();
    }
  }
}
