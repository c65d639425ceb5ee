package dev.otelmcp.adapters.mcp.stdio;

import dev.otelmcp.adapters.mcp.protocol.MessageScreen;
import dev.otelmcp.adapters.mcp.protocol.ProtocolEra;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sits between the client's stdin and the SDK's stdio transport. It reads one line at a time with a size
 * limit, lets the {@link MessageScreen} decide, answers what must not reach the SDK, and hands the rest to
 * the SDK through a pipe. When stdin ends, the pipe ends, and the SDK shuts down as before.
 */
public final class StdioFrontDoor implements Runnable {

  private static final Logger LOG = LoggerFactory.getLogger(StdioFrontDoor.class);
  private static final int PIPE_BYTES = 1 << 16;

  private final InputStream clientIn;
  private final LineWriter out;
  private final MessageScreen screen;
  private final int maxLineBytes;
  private final PipedOutputStream toSdk = new PipedOutputStream();
  private final PipedInputStream sdkInput;
  private final Supplier<OutputStream> modernEra;
  private OutputStream toModern;

  public StdioFrontDoor(InputStream clientIn, LineWriter out, MessageScreen screen, int maxLineBytes) {
    this(clientIn, out, screen, maxLineBytes, null);
  }

  /**
   * @param modernEra opens the stream to the 2026-07-28 server, the first time a message of that era arrives
   *     ({@code null}: that era is not served, and its messages go to the other server, which refuses them)
   */
  public StdioFrontDoor(InputStream clientIn, LineWriter out, MessageScreen screen, int maxLineBytes,
      Supplier<OutputStream> modernEra) {
    this.modernEra = modernEra;
    this.clientIn = clientIn;
    this.out = out;
    this.screen = screen;
    this.maxLineBytes = maxLineBytes;
    try {
      this.sdkInput = new PipedInputStream(toSdk, PIPE_BYTES);
    } catch (IOException e) {
      throw new IllegalStateException("cannot create the stdio pipe", e);
    }
  }

  /** What the SDK's transport reads instead of stdin. */
  public InputStream sdkInput() {
    return sdkInput;
  }

  /** Starts reading stdin on a daemon thread. */
  public void start() {
    Thread thread = new Thread(this, "otelmcp-stdin");
    thread.setDaemon(true);
    thread.start();
  }

  @Override
  public void run() {
    try (toSdk) {
      ByteArrayOutputStream line = new ByteArrayOutputStream();
      boolean oversized = false;
      int b;
      while ((b = clientIn.read()) != -1) {
        if (b == '\n') {
          if (oversized) {
            refuseOversized();
          } else {
            handle(line.toString(StandardCharsets.UTF_8));
          }
          line.reset();
          oversized = false;
        } else if (!oversized) {
          line.write(b);
          if (line.size() > maxLineBytes) {
            oversized = true;
            line.reset();
          }
        }
      }
      if (oversized) {
        refuseOversized();
      } else if (line.size() > 0) {
        handle(line.toString(StandardCharsets.UTF_8));
      }
    } catch (IOException e) {
      LOG.info("stdin closed: {}", e.getMessage());
    } finally {
      closeModern();
    }
  }

  /** Stdin ended: so does the 2026-07-28 server's input, if it was ever opened. */
  private void closeModern() {
    if (toModern != null) {
      try {
        toModern.close();
      } catch (IOException e) {
        LOG.debug("closing the 2026-07-28 pipe: {}", e.getMessage());
      }
    }
  }

  private void handle(String received) throws IOException {
    String line = received.endsWith("\r") ? received.substring(0, received.length() - 1) : received;
    if (modernEra != null && ProtocolEra.isModernLine(line)) {
      if (toModern == null) {
        toModern = modernEra.get();
      }
      toModern.write((line + "\n").getBytes(StandardCharsets.UTF_8));
      toModern.flush();
      return;
    }
    MessageScreen.Verdict verdict = screen.screen(line);
    if (verdict instanceof MessageScreen.Forward forward) {
      toSdk.write((forward.message() + "\n").getBytes(StandardCharsets.UTF_8));
      toSdk.flush();
    } else if (verdict instanceof MessageScreen.Answer answer) {
      LOG.info("answered a client message without the SDK: {}", abbreviate(answer.response()));
      out.writeLine(answer.response());
    } else if (verdict instanceof MessageScreen.Skip skip) {
      LOG.debug("skipped a client message: {}", skip.reason());
    }
  }

  private void refuseOversized() throws IOException {
    LOG.warn("refused a message larger than {} bytes", maxLineBytes);
    out.writeLine(screen.error(null, -32600, "Invalid Request: message larger than " + maxLineBytes + " bytes"));
  }

  private static String abbreviate(String text) {
    return text.length() > 300 ? text.substring(0, 300) + "…" : text;
  }
}
