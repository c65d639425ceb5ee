package dev.otelmcp.adapters.mcp.http;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Bounds the HTTP sessions: at most {@code maxSessions} live at once — a request that could open one beyond that is
 * refused with 503 and a Retry-After. A session counts as live until it is deleted or has been idle for {@code
 * idleTimeout} with no request under way (an open event stream keeps it live); the SDK's own sweeper (set to the same
 * interval by {@link McpHttpServer}) then drops it, and its next request gets the 404 that tells an MCP client to
 * start a new one.
 *
 * <p>Sessions are learnt from the {@code Mcp-Session-Id} the SDK answers with, on every request: the SDK opens a
 * session for an {@code initialize} whatever session header it carries. Any request that does not name a session
 * this guard knows may therefore open one, and is counted (reserved) while it runs, so that concurrent ones cannot
 * slip past the cap together.
 */
final class SessionGuardFilter extends SessionEraFilter {

  static final String SESSION_HEADER = "Mcp-Session-Id";

  private final int maxSessions;
  private final Duration idleTimeout;
  private final Clock clock;
  private final Map<String, Instant> lastSeen = new ConcurrentHashMap<>();
  private final Map<String, AtomicInteger> underWay = new ConcurrentHashMap<>();
  private int reserved;

  SessionGuardFilter(int maxSessions, Duration idleTimeout, Clock clock) {
    this.maxSessions = maxSessions;
    this.idleTimeout = idleTimeout;
    this.clock = clock;
  }

  int liveSessions() {
    return lastSeen.size();
  }

  @Override
  void filterSessionEra(HttpServletRequest http, HttpServletResponse out, FilterChain chain)
      throws IOException, ServletException {
    expireIdle();
    String session = http.getHeader(SESSION_HEADER);
    boolean known = session != null && lastSeen.containsKey(session);
    if (known && "DELETE".equals(http.getMethod())) {
      lastSeen.remove(session);
      chain.doFilter(http, new LearnsSession(out, null));
      return;
    }
    if (!known && !reserve()) {
      out.setStatus(503);
      out.setHeader("Retry-After", "60");
      out.setContentType("application/json");
      out.getWriter().write("{\"jsonrpc\":\"2.0\",\"id\":null,\"error\":{\"code\":-32000,\"message\":\"too many sessions ("
          + maxSessions + "); close one with DELETE or retry later\"}}");
      return;
    }
    AtomicInteger running = known ? underWay.computeIfAbsent(session, id -> new AtomicInteger()) : null;
    Reservation reservation = known ? null : new Reservation();
    if (running != null) {
      running.incrementAndGet();
      lastSeen.computeIfPresent(session, (id, seen) -> clock.instant());
    }
    try {
      chain.doFilter(http, new LearnsSession(out, reservation));
    } finally {
      if (running != null) {
        running.decrementAndGet();
        // a long-lived event stream that just ended counts as activity too
        lastSeen.computeIfPresent(session, (id, seen) -> clock.instant());
      } else {
        reservation.release(null);
      }
    }
  }

  /**
   * The place a request holds while it may open a session. It becomes the session the moment the SDK names one in
   * the answer's headers — not when the request ends, which is after the client has the answer: a client that
   * sends its next request at once must find its session counted and the place free.
   */
  private final class Reservation {
    private boolean held = true;

    /** Gives the place up, counting {@code session} (when not {@code null}) in its stead. */
    void release(String session) {
      synchronized (SessionGuardFilter.this) {
        if (session != null) {
          remember(session);
        }
        if (held) {
          held = false;
          reserved--;
        }
      }
    }
  }

  /** Holds a place for a request that may open a session; false when the sessions are at the cap. */
  private synchronized boolean reserve() {
    if (lastSeen.size() + reserved >= maxSessions) {
      return false;
    }
    reserved++;
    return true;
  }

  /** Counts a session the SDK just opened. */
  void remember(String session) {
    lastSeen.put(session, clock.instant());
  }

  /** Forgets sessions idle for longer than the timeout, unless a request of theirs is under way. */
  void expireIdle() {
    Instant limit = clock.instant().minus(idleTimeout);
    lastSeen.entrySet().removeIf(entry -> entry.getValue().isBefore(limit)
        && underWay.getOrDefault(entry.getKey(), new AtomicInteger()).get() == 0);
    underWay.keySet().retainAll(lastSeen.keySet());
  }

  /** Notes the session id the SDK gives a new session. */
  private final class LearnsSession extends HttpServletResponseWrapper {
    private final Reservation reservation;

    /** @param reservation the place the request holds, or {@code null} when it holds none */
    LearnsSession(HttpServletResponse response, Reservation reservation) {
      super(response);
      this.reservation = reservation;
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
      if (SESSION_HEADER.equalsIgnoreCase(name) && value != null && !lastSeen.containsKey(value)) {
        if (reservation != null) {
          reservation.release(value);
        } else {
          remember(value);
        }
      }
    }
  }
}
