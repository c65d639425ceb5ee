package dev.otelmcp.bootstrap.startup;

import java.io.FilterInputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Moments of the stdio session that {@link CoreStart} waits for: the first answer has gone out, or the client's
 * input has ended. Each runs its action once, on the thread that saw it.
 */
public final class StartSignals {

  private StartSignals() {}

  /** {@code out}, running {@code action} after its first flush of written bytes (the first answer is out). */
  public static OutputStream afterFirstAnswer(OutputStream out, Runnable action) {
    return new FirstFlush(out, action);
  }

  /** {@code in}, running {@code action} when it ends or fails (the client is gone). */
  public static InputStream atEnd(InputStream in, Runnable action) {
    return new End(in, action);
  }

  private static final class FirstFlush extends FilterOutputStream {
    private final Runnable action;
    private final AtomicBoolean done = new AtomicBoolean();
    private volatile boolean written;

    FirstFlush(OutputStream out, Runnable action) {
      super(out);
      this.action = action;
    }

    @Override
    public void write(int b) throws IOException {
      out.write(b);
      written = true;
    }

    // FilterOutputStream would write an array one byte at a time.
    @Override
    public void write(byte[] bytes, int offset, int length) throws IOException {
      out.write(bytes, offset, length);
      written = true;
    }

    @Override
    public void flush() throws IOException {
      out.flush();
      if (written && done.compareAndSet(false, true)) {
        action.run();
      }
    }
  }

  private static final class End extends FilterInputStream {
    private final Runnable action;
    private final AtomicBoolean done = new AtomicBoolean();

    End(InputStream in, Runnable action) {
      super(in);
      this.action = action;
    }

    @Override
    public int read() throws IOException {
      return seen(() -> in.read());
    }

    @Override
    public int read(byte[] bytes, int offset, int length) throws IOException {
      return seen(() -> in.read(bytes, offset, length));
    }

    private int seen(Read read) throws IOException {
      try {
        int result = read.read();
        if (result < 0) {
          fire();
        }
        return result;
      } catch (IOException | RuntimeException e) {
        fire();
        throw e;
      }
    }

    private void fire() {
      if (done.compareAndSet(false, true)) {
        action.run();
      }
    }

    private interface Read {
      int read() throws IOException;
    }
  }
}
