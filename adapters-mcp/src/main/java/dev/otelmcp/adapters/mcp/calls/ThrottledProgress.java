package dev.otelmcp.adapters.mcp.calls;

import dev.otelmcp.domain.call.ProgressSink;
import io.modelcontextprotocol.server.McpSyncServerExchange;
import io.modelcontextprotocol.spec.McpSchema.ProgressNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Progress of one call as MCP {@code notifications/progress}, in either protocol era: at most one every
 * {@value #MIN_INTERVAL_MILLIS} ms, and never failing the call (a client that went away simply stops hearing).
 *
 * <p>A call's loops nest and run side by side (pages, then the traces of each page; window pieces; services), each
 * with its own count and total, so no one total is the call's. The notification's {@code progress} therefore counts
 * the steps reported so far — it only grows, and never claims the call is finished — with no {@code total}; the
 * {@code message} says what the step was, e.g. {@code traces fetched: 12 of 40}.
 */
public final class ThrottledProgress implements ProgressSink {

  /** Where a notification goes: the steps so far and what the last one was. */
  @FunctionalInterface
  public interface Notification {
    void send(double steps, String message);
  }

  static final long MIN_INTERVAL_MILLIS = 250;
  private static final Logger LOG = LoggerFactory.getLogger(ThrottledProgress.class);

  private final Notification sink;
  private long steps;
  private long lastSentNanos;

  private ThrottledProgress(Notification sink) {
    this.sink = sink;
  }

  /** The sink for a 2025-11-25 request: nowhere unless the client sent a progress token. */
  public static ProgressSink of(McpSyncServerExchange exchange, Object progressToken) {
    return exchange == null || progressToken == null ? ProgressSink.NONE : new ThrottledProgress((steps, message) ->
        exchange.progressNotification(new ProgressNotification(progressToken, steps, null, message, null)));
  }

  /** The sink for a request whose notifications another API sends. */
  public static ProgressSink to(Notification sink) {
    return new ThrottledProgress(sink);
  }

  @Override
  public void report(double done, Double total, String message) {
    double step;
    String what;
    synchronized (this) {
      steps++;
      long now = System.nanoTime();
      if (lastSentNanos != 0 && now - lastSentNanos < MIN_INTERVAL_MILLIS * 1_000_000) {
        return;
      }
      lastSentNanos = now;
      step = steps;
      what = message + ": " + (long) done + (total == null ? "" : " of " + total.longValue());
    }
    try {
      sink.send(step, what);
    } catch (RuntimeException gone) {
      LOG.debug("progress not delivered: {}", gone.getMessage());
    }
  }
}
