package dev.otelmcp.backend.toolkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.otelmcp.domain.call.CallContext;
import dev.otelmcp.domain.call.ProgressSink;
import dev.otelmcp.domain.error.BackendUnavailableException;
import feign.Request;
import feign.Request.HttpMethod;
import feign.RetryableException;
import feign.Retryer;
import java.io.EOFException;
import java.io.IOException;
import java.net.SocketException;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The Feign retryer: attempts per request, waits from the planner, the call's stop time, interrupts. */
class BackendRetryerTest {

  private static final Instant NOW = Instant.parse("2026-11-02T10:00:00Z");
  private static final Request REQUEST = Request.create(HttpMethod.GET, "http://tempo:3200/api/search?q=%7Bsecret%7D",
      Map.of(), null, StandardCharsets.UTF_8, null);

  private final List<Duration> slept = new ArrayList<>();
  private final BackendRetryer prototype = new BackendRetryer("Tempo",
      new RetryPlanner(RetryPolicy.STANDARD, Jitter.seeded(7)), slept::add, Clock.fixed(NOW, ZoneOffset.UTC));

  @AfterEach
  void clearInterrupt() {
    Thread.interrupted();
  }

  private static RetryableException status(int status, Long retryAt) {
    return new RetryableException(status, "Tempo failed with HTTP " + status, HttpMethod.GET,
        new BackendUnavailableException("Tempo failed with HTTP " + status, "retry"), retryAt, REQUEST);
  }

  private static RetryableException transport(IOException cause) {
    return new RetryableException(-1, cause.getMessage() + " executing GET " + REQUEST.url(), HttpMethod.GET, cause,
        (Long) null, REQUEST);
  }

  /** Runs failures through one request's retryer until it gives up; returns how many attempts were made. */
  private int attemptsUntilGivingUp(Retryer retryer, RetryableException failure) {
    int attempts = 1;
    while (true) {
      Throwable thrown = catchThrowable(() -> retryer.continueOrPropagate(failure));
      if (thrown != null) {
        assertThat(thrown).as("the failure itself, unchanged").isSameAs(failure);
        return attempts;
      }
      attempts++;
    }
  }

  @Test
  void aPersistentServerErrorIsTriedEightTimesThenPropagated() {
    int attempts = attemptsUntilGivingUp(prototype.clone(), status(503, null));

    assertThat(attempts).isEqualTo(8);
    assertThat(slept).hasSize(7);
    for (int i = 0; i < slept.size(); i++) {
      assertThat(slept.get(i)).isLessThanOrEqualTo(RetryPolicy.STANDARD.backoffCeiling(i + 1));
    }
  }

  @Test
  void eachCloneCountsItsOwnRequest() {
    attemptsUntilGivingUp(prototype.clone(), status(502, null));

    assertThat(attemptsUntilGivingUp(prototype.clone(), status(502, null))).isEqualTo(8);
  }

  @Test
  void aBadRequestIsPropagatedAtOnce() {
    assertThat(attemptsUntilGivingUp(prototype.clone(), status(400, null))).isEqualTo(1);
    assertThat(slept).isEmpty();
  }

  @Test
  void transportFailuresAreRetriedByKind() {
    assertThat(attemptsUntilGivingUp(prototype.clone(), transport(new SocketException("Connection reset"))))
        .isEqualTo(8);
    assertThat(attemptsUntilGivingUp(prototype.clone(),
        transport(new IOException("HTTP/1.1 header parser received no bytes", new EOFException())))).isEqualTo(8);
    assertThat(attemptsUntilGivingUp(prototype.clone(), transport(new HttpTimeoutException("request timed out"))))
        .as("a timeout already waited the whole timeout").isEqualTo(1);
  }

  @Test
  void retryAfterIsReadAsAnInstantOfTheWallClock() {
    Retryer retryer = prototype.clone();

    retryer.continueOrPropagate(status(429, NOW.plusMillis(1500).toEpochMilli()));

    assertThat(slept).containsExactly(Duration.ofMillis(1500));
  }

  @Test
  void aRetryAfterBeyondTheStopTimeGivesUpWithoutWaiting() {
    CallContext call = CallContext.startingNow(Duration.ofSeconds(4), Duration.ofSeconds(2), ProgressSink.NONE);
    RetryableException limited = status(429, NOW.plusSeconds(3).toEpochMilli());

    Throwable thrown = call.call(() -> catchThrowable(() -> prototype.clone().continueOrPropagate(limited)));

    assertThat(thrown).isSameAs(limited);
    assertThat(slept).isEmpty();
  }

  @Test
  void aCancelledCallIsNotRetried() {
    CallContext call = CallContext.startingNow(Duration.ofMinutes(1), Duration.ofSeconds(5), ProgressSink.NONE);
    call.cancel();
    RetryableException unavailable = status(503, null);

    Throwable thrown = call.call(() -> catchThrowable(() -> prototype.clone().continueOrPropagate(unavailable)));

    assertThat(thrown).isSameAs(unavailable);
    assertThat(slept).isEmpty();
  }

  @Test
  void anInterruptedThreadIsNotRetriedAndKeepsItsInterrupt() {
    Thread.currentThread().interrupt();
    RetryableException unavailable = status(503, null);

    assertThat(catchThrowable(() -> prototype.clone().continueOrPropagate(unavailable))).isSameAs(unavailable);
    assertThat(Thread.currentThread().isInterrupted()).isTrue();
    assertThat(slept).isEmpty();
  }

  @Test
  void anInterruptDuringTheWaitGivesUpAtOnceAndKeepsTheInterrupt() {
    Retryer interruptedWhileWaiting = new BackendRetryer("Tempo", new RetryPlanner(RetryPolicy.STANDARD,
        Jitter.seeded(7)), wait -> {
          throw new InterruptedException();
        }, Clock.systemUTC());
    RetryableException unavailable = status(503, null);

    assertThat(catchThrowable(() -> interruptedWhileWaiting.continueOrPropagate(unavailable))).isSameAs(unavailable);
    assertThat(Thread.currentThread().isInterrupted()).isTrue();
  }

  @Test
  void theRealSleeperWaitsAndAnswersAnInterrupt() throws InterruptedException {
    long started = System.nanoTime();
    Sleeper.THREAD.sleep(Duration.ofMillis(30));
    assertThat(System.nanoTime() - started).isGreaterThanOrEqualTo(Duration.ofMillis(30).toNanos());

    Thread.currentThread().interrupt();
    assertThatCode(() -> Sleeper.THREAD.sleep(Duration.ofSeconds(30))).isInstanceOf(InterruptedException.class);
  }

  @Test
  void theFailureIsClassifiedFromTheStatusOrTheCause() {
    assertThat(BackendRetryer.failure(status(503, NOW.plusSeconds(2).toEpochMilli()), NOW.toEpochMilli()))
        .isEqualTo(AttemptFailure.answered(503, Duration.ofSeconds(2)));
    assertThat(BackendRetryer.failure(status(503, NOW.minusSeconds(2).toEpochMilli()), NOW.toEpochMilli()).retryAfter())
        .as("a time already past: no wait").isZero();
    assertThat(BackendRetryer.failure(transport(new SocketException("Connection reset")), 0).describe())
        .isEqualTo("the connection was reset");
  }
}
