package dev.otelmcp.adapters.mcp.calls;

import dev.otelmcp.domain.call.ProgressSink;
import io.modelcontextprotocol.server.McpSyncServerExchange;
import io.modelcontextprotocol.spec.McpSchema.ProgressNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Progress of one call as MCP {@code notifications/progress} for the token the client sent: at most one every
 * {@value #MIN_INTERVAL_MILLIS} ms, never going backwards (reports from parallel work arrive in any order), and
 * never failing the call (a client that went away simply stops hearing).
 */
public final class ExchangeProgress implements ProgressSink {

  static final long MIN_INTERVAL_MILLIS = 250;
  private static final Logger LOG = LoggerFactory.getLogger(ExchangeProgress.class);

  private final McpSyncServerExchange exchange;
  private final Object token;
  private double last = -1;
  private long lastSentNanos;

  private ExchangeProgress(McpSyncServerExchange exchange, Object token) {
    this.exchange = exchange;
    this.token = token;
  }

  /** The sink for a request: nowhere unless the client sent a progress token. */
  public static ProgressSink of(McpSyncServerExchange exchange, Object progressToken) {
    return exchange == null || progressToken == null ? ProgressSink.NONE : new ExchangeProgress(exchange, progressToken);
  }

  @Override
  public void report(double done, Double total, String message) {
    ProgressNotification notification;
    synchronized (this) {
      long now = System.nanoTime();
      boolean finished = total != null && done >= total;
      if (done <= last || (!finished && now - lastSentNanos < MIN_INTERVAL_MILLIS * 1_000_000)) {
        return;
      }
      last = done;
      lastSentNanos = now;
      notification = new ProgressNotification(token, done, total, message, null);
    }
    try {
      exchange.progressNotification(notification);
    } catch (RuntimeException gone) {
      LOG.debug("progress not delivered: {}", gone.getMessage());
    }
  }
}
