package dev.otelmcp.backend.toolkit;

import dev.otelmcp.domain.call.CallContext;
import dev.otelmcp.domain.call.StopReason;
import dev.otelmcp.backend.toolkit.HttpFailures;
import dev.otelmcp.backend.toolkit.TransportFailure;
import feign.RetryableException;
import feign.Retryer;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Feign {@link Retryer} of every backend adapter: Feign clones it for each invocation, and each clone counts
 * that request's attempts and waits, asks the {@link RetryPlanner} what to do, and sleeps in between.
 *
 * <p>It only ever sees {@link RetryableException}s: Feign's own for transport failures (status -1, the JDK's
 * exception as cause), and those the error decoder makes of transient statuses ({@link TransientStatus}, the
 * domain exception as cause). Giving up rethrows the last one unchanged, so the call wrapper translates it as
 * before (the domain exception in its cause chain is what the caller gets).
 *
 * <p>It works for the tool call of its thread ({@link CallContext#current()}): no retry once the call is cancelled
 * or past its stop time, no wait that would end after the stop time, and an interrupt ends a wait at once (the
 * interrupt flag stays set for the caller).
 */
public final class BackendRetryer implements Retryer {

  private static final Logger LOG = LoggerFactory.getLogger(BackendRetryer.class);

  private final String backend;
  private final RetryPlanner planner;
  private final Sleeper sleeper;
  private final Clock clock;
  private int attempts = 1;
  private Duration waited = Duration.ZERO;

  /**
   * @param backend the backend's name for the log, e.g. {@code Tempo}
   * @param clock the wall clock, to turn a {@code Retry-After} date into a wait
   */
  public BackendRetryer(String backend, RetryPlanner planner, Sleeper sleeper, Clock clock) {
    this.backend = Objects.requireNonNull(backend, "backend");
    this.planner = Objects.requireNonNull(planner, "planner");
    this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /** The standard policy with random jitter, real sleeps and the system clock. */
  public static BackendRetryer standard(String backend) {
    return new BackendRetryer(backend, new RetryPlanner(RetryPolicy.STANDARD, Jitter.random()), Sleeper.THREAD,
        Clock.systemUTC());
  }

  @Override
  public void continueOrPropagate(RetryableException e) {
    AttemptFailure failure = failure(e, clock.millis());
    RetryDecision decision = decide(failure);
    if (!decision.retries()) {
      if (failure.retryable(planner.policy())) {
        LOG.debug("{} {}: giving up after {} attempt(s), last {}: {}", backend, request(e), attempts,
            failure.describe(), decision.why());
      }
      throw e;
    }
    LOG.debug("{} {}: attempt {} of {} failed ({}); retrying in {} ms ({})", backend, request(e), attempts,
        planner.policy().maxAttempts(), failure.describe(), decision.pause().toMillis(), decision.why());
    try {
      sleeper.sleep(decision.pause());
    } catch (InterruptedException interrupted) {
      // Cancelled while waiting: the caller sees the failure at hand, and the interrupt.
      Thread.currentThread().interrupt();
      throw e;
    }
    attempts++;
    waited = waited.plus(decision.pause());
  }

  /** A fresh retryer for the next request: Feign calls this once per invocation. */
  @Override
  public Retryer clone() {
    return new BackendRetryer(backend, planner, sleeper, clock);
  }

  private RetryDecision decide(AttemptFailure failure) {
    if (Thread.currentThread().isInterrupted()) {
      return RetryDecision.giveUp("the thread was interrupted");
    }
    CallContext call = CallContext.current();
    Optional<StopReason> stop = call.stopReason();
    if (stop.isPresent()) {
      return RetryDecision.giveUp("the call is stopping (" + stop.get().name().toLowerCase(Locale.ROOT) + ")");
    }
    return planner.next(failure, attempts, waited, call.untilStop());
  }

  /** Status -1 is Feign's "no answer" (and {@link AnswerBodies}' "answer broke off"): the cause says why. */
  static AttemptFailure failure(RetryableException e, long nowMillis) {
    if (e.status() < 100) {
      return AttemptFailure.unanswered(TransportFailure.of(e.getCause() == null ? e : e.getCause()));
    }
    Duration retryAfter = e.retryAfter() == null ? null : Duration.ofMillis(Math.max(0, e.retryAfter() - nowMillis));
    return AttemptFailure.answered(e.status(), retryAfter);
  }

  /** Method and path only: the query string may hold user input, Feign's message holds the whole URL. */
  private static String request(RetryableException e) {
    return HttpFailures.request(e.method() == null ? null : e.method().name(),
        e.request() == null ? null : e.request().url());
  }
}
