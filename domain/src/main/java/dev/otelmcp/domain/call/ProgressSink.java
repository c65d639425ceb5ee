package dev.otelmcp.domain.call;

/**
 * Where a long scan reports how far it got: to the client as MCP progress notifications when the client asked
 * for them (a progress token), nowhere otherwise. Implementations are thread-safe and never throw.
 */
@FunctionalInterface
public interface ProgressSink {

  ProgressSink NONE = (done, total, message) -> { };

  /**
   * @param done work done so far (increases from one report to the next)
   * @param total the whole work, or {@code null} when unknown
   * @param message what is being done, in a few words
   */
  void report(double done, Double total, String message);
}
