package dev.otelmcp.adapters.mcp.http;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Bounds the HTTP sessions: at most {@code maxSessions} live at once — a new one beyond that is refused with 503 and a
 * Retry-After. A session counts as live until it is deleted or has been idle for {@code idleTimeout}; the SDK's own
 * sweeper (set to the same interval by {@link McpHttpServer}) then drops it, and its next request gets the 404 that
 * tells an MCP client to start a new session. Sessions are learnt from the {@code Mcp-Session-Id} header the SDK
 * answers an initialize with.
 */
final class SessionGuardFilter implements Filter {

  static final String SESSION_HEADER = "Mcp-Session-Id";

  private final int maxSessions;
  private final Duration idleTimeout;
  private final Clock clock;
  private final Map<String, Instant> lastSeen = new ConcurrentHashMap<>();

  SessionGuardFilter(int maxSessions, Duration idleTimeout, Clock clock) {
    this.maxSessions = maxSessions;
    this.idleTimeout = idleTimeout;
    this.clock = clock;
  }

  int liveSessions() {
    return lastSeen.size();
  }

  @Override
  public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    HttpServletRequest http = (HttpServletRequest) request;
    HttpServletResponse out = (HttpServletResponse) response;
    expireIdle();
    String session = http.getHeader(SESSION_HEADER);
    if (session == null && "POST".equals(http.getMethod()) && lastSeen.size() >= maxSessions) {
      out.setStatus(503);
      out.setHeader("Retry-After", "60");
      out.setContentType("application/json");
      out.getWriter().write("{\"jsonrpc\":\"2.0\",\"id\":null,\"error\":{\"code\":-32000,\"message\":\"too many sessions ("
          + maxSessions + "); close one with DELETE or retry later\"}}");
      return;
    }
    if (session != null) {
      if ("DELETE".equals(http.getMethod())) {
        lastSeen.remove(session);
      } else {
        lastSeen.computeIfPresent(session, (id, seen) -> clock.instant());
      }
    }
    chain.doFilter(request, session == null ? new LearnsSession(out) : response);
    if (session != null) {
      // a long-lived event stream that just ended counts as activity too
      lastSeen.computeIfPresent(session, (id, seen) -> clock.instant());
    }
  }

  /** Counts a session the SDK just opened. */
  void remember(String session) {
    lastSeen.put(session, clock.instant());
  }

  /** Forgets sessions idle for longer than the timeout. */
  void expireIdle() {
    Instant limit = clock.instant().minus(idleTimeout);
    lastSeen.entrySet().removeIf(entry -> entry.getValue().isBefore(limit));
  }

  /** Notes the session id the SDK gives a new session. */
  private final class LearnsSession extends HttpServletResponseWrapper {
    LearnsSession(HttpServletResponse response) {
      super(response);
    }

    @Override
    public void setHeader(String name, String value) {
      note(name, value);
      super.setHeader(name, value);
    }

    @Override
    public void addHeader(String name, String value) {
      note(name, value);
      super.addHeader(name, value);
    }

    private void note(String name, String value) {
      if (SESSION_HEADER.equalsIgnoreCase(name) && value != null) {
        remember(value);
      }
    }
  }
}
