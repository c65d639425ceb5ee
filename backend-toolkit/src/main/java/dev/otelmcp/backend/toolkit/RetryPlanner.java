package dev.otelmcp.backend.toolkit;

import java.time.Duration;
import java.util.Objects;

/**
 * Decides, after a failed attempt, whether to try again and after how long; pure (no clock, no sleeping), so every
 * rule is tested with plain values.
 *
 * <p>The wait is the backend's {@code Retry-After} when it sent one, a jittered exponential backoff otherwise. No
 * wait may end at or after the call's stop time: a retry that could only start when the caller has to answer
 * anyway is worthless, so the failure is given up at once instead.
 */
public final class RetryPlanner {

  private final RetryPolicy policy;
  private final Jitter jitter;

  public RetryPlanner(RetryPolicy policy, Jitter jitter) {
    this.policy = Objects.requireNonNull(policy, "policy");
    this.jitter = Objects.requireNonNull(jitter, "jitter");
  }

  public RetryPolicy policy() {
    return policy;
  }

  /**
   * @param failure the attempt that just failed
   * @param attemptsMade how many attempts were made, that one included
   * @param waitedSoFar the waits between this request's earlier attempts, together
   * @param untilStop how long until the call's stop time
   */
  public RetryDecision next(AttemptFailure failure, int attemptsMade, Duration waitedSoFar, Duration untilStop) {
    if (!failure.retryable(policy)) {
      return RetryDecision.giveUp(failure.describe() + " is not retried");
    }
    if (attemptsMade >= policy.maxAttempts()) {
      return RetryDecision.giveUp("all " + policy.maxAttempts() + " attempts failed");
    }
    Duration wait;
    if (failure.retryAfter() != null) {
      if (failure.retryAfter().compareTo(policy.maxRetryAfter()) > 0) {
        return RetryDecision.giveUp("the backend asked to wait " + failure.retryAfter().toSeconds() + " s, longer than "
            + policy.maxRetryAfter().toSeconds() + " s");
      }
      wait = failure.retryAfter();
    } else {
      wait = jitter.upTo(policy.backoffCeiling(attemptsMade));
    }
    if (waitedSoFar.plus(wait).compareTo(policy.maxTotalWait()) > 0) {
      return RetryDecision.giveUp("the waits would exceed " + policy.maxTotalWait().toSeconds() + " s");
    }
    if (wait.compareTo(untilStop) >= 0) {
      return RetryDecision.giveUp("the wait would end after the call's stop time");
    }
    return RetryDecision.retryAfter(wait, failure.retryAfter() != null ? "Retry-After" : "backoff");
  }
}
