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

  private final Map<String, Running> calls = new ConcurrentHashMap<>();

  /** The key of a request: its session (empty on stdio) and its id as JSON text. */
  public static String key(String session, String idJson) {
    return (session == null ? "" : session) + "\u0000" + idJson;
  }

  void add(String key, CallContext context, Future<?> work) {
    calls.put(key, new Running(context, work));
  }

  void remove(String key) {
    calls.remove(key);
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
      return false;
    }
    running.context().cancel();
    running.work().cancel(true);
    return true;
  }

  public int size() {
    return calls.size();
  }
}
