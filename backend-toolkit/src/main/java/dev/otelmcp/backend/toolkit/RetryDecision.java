package dev.otelmcp.backend.toolkit;

import java.time.Duration;

/**
 * What to do after a failed attempt.
 *
 * @param pause how long to wait before the next attempt, or {@code null} to give up
 * @param why the reason in a few words, for the log
 */
public record RetryDecision(Duration pause, String why) {

  static RetryDecision retryAfter(Duration pause, String why) {
    return new RetryDecision(pause, why);
  }

  static RetryDecision giveUp(String why) {
    return new RetryDecision(null, why);
  }

  public boolean retries() {
    return pause != null;
  }
}
