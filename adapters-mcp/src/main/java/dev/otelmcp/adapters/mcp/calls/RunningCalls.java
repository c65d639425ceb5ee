package dev.otelmcp.adapters.mcp.calls;

import dev.otelmcp.domain.call.CallContext;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Future;

/**
 * The tool calls under way, by a key the message screen stamps on each {@code tools/call} before the SDK sees it
 * (the SDK hands a tool neither the JSON-RPC id nor a way to hear {@code notifications/cancelled}): the session
 * plus the request id's JSON text, so that {@code 2} and {@code "2"} stay apart and two sessions never collide.
 */
public final class RunningCalls {

  /** Where in {@code params._meta} the key travels; always overwritten, so a client cannot aim at another call. */
  public static final String META_KEY = "dev.otelmcp/call";

  private record Running(CallContext context, Future<?> work) {}

  /** How long a cancellation waits for its call: it may arrive before the call has started running. */
  static final long EARLY_CANCEL_NANOS = 10_000_000_000L;

  private final Map<String, Running> calls = new ConcurrentHashMap<>();
  private final Map<String, Long> cancelledEarly = new ConcurrentHashMap<>();

  /** The key of a request: its session (empty on stdio) and its id as JSON text. */
  public static String key(String session, String idJson) {
    return (session == null ? "" : session) + "\u0000" + idJson;
  }

  /** Registers a call under way; a cancellation that came first stops it at once. */
  void add(String key, CallContext context, Future<?> work) {
    Running running = new Running(context, work);
    calls.put(key, running);
    if (cancelledEarly.remove(key) != null) {
      stop(running);
    }
  }

  /** Forgets a call that ended (and only that one: a later call may reuse its id). */
  void remove(String key, CallContext context) {
    calls.computeIfPresent(key, (k, running) -> running.context() == context ? null : running);
  }

  /**
   * Stops a call: its loops see the cancellation at their next step and its threads are interrupted, which ends
   * backend requests under way.
   *
   * @return whether such a call was running
   */
  public boolean cancel(String key) {
    Running running = calls.get(key);
    if (running == null) {
      // The tools/call may still be on its way to the handler: hold the cancellation for it a while.
      long now = System.nanoTime();
      cancelledEarly.values().removeIf(at -> now - at > EARLY_CANCEL_NANOS);
      cancelledEarly.put(key, now);
      return false;
    }
    stop(running);
    return true;
  }

  private static void stop(Running running) {
    running.context().cancel();
    running.work().cancel(true);
  }

  public int size() {
    return calls.size();
  }
}
