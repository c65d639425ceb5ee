package dev.otelmcp.backend.toolkit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.otelmcp.backend.toolkit.TransportFailure;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The decision after each failed attempt, with seeded jitter and plain times. */
class RetryPlannerTest {

  private static final Duration FAR = Duration.ofMinutes(10);
  private static final AttemptFailure UNAVAILABLE = AttemptFailure.answered(503, null);

  private final RetryPlanner planner = new RetryPlanner(RetryPolicy.STANDARD, Jitter.seeded(42));

  @Test
  void backoffWaitsStayUnderTheGrowingCeilingAndVary() {
    List<Duration> waits = new ArrayList<>();
    Duration waited = Duration.ZERO;
    for (int attempt = 1; attempt < RetryPolicy.STANDARD.maxAttempts(); attempt++) {
      RetryDecision decision = planner.next(UNAVAILABLE, attempt, waited, FAR);
      assertThat(decision.retries()).isTrue();
      assertThat(decision.pause()).isBetween(Duration.ZERO, RetryPolicy.STANDARD.backoffCeiling(attempt));
      waits.add(decision.pause());
      waited = waited.plus(decision.pause());
    }
    assertThat(waits).as("full jitter: not all the same").doesNotHaveDuplicates();
    assertThat(waited).as("the ceilings' sum: 100+200+400+800+1600+2000+2000 ms").isLessThanOrEqualTo(Duration.ofMillis(7100));
  }

  @Test
  void theSameSeedGivesTheSameWaits() {
    RetryPlanner again = new RetryPlanner(RetryPolicy.STANDARD, Jitter.seeded(42));

    assertThat(again.next(UNAVAILABLE, 3, Duration.ZERO, FAR)).isEqualTo(planner.next(UNAVAILABLE, 3, Duration.ZERO, FAR));
  }

  @Test
  void afterTheLastAttemptItGivesUp() {
    RetryDecision decision = planner.next(UNAVAILABLE, 8, Duration.ZERO, FAR);

    assertThat(decision.retries()).isFalse();
    assertThat(decision.why()).contains("all 8 attempts failed");
  }

  @Test
  void aRejectionOrATimeoutIsNeverRetried() {
    assertThat(planner.next(AttemptFailure.answered(400, null), 1, Duration.ZERO, FAR).retries()).isFalse();
    assertThat(planner.next(AttemptFailure.unanswered(TransportFailure.TIMEOUT), 1, Duration.ZERO, FAR).retries())
        .isFalse();
    assertThat(planner.next(AttemptFailure.unanswered(TransportFailure.RESET), 1, Duration.ZERO, FAR).retries())
        .isTrue();
  }

  @Test
  void retryAfterIsWaitedExactly() {
    RetryDecision decision = planner.next(AttemptFailure.answered(429, Duration.ofSeconds(1)), 1, Duration.ZERO, FAR);

    assertThat(decision.pause()).isEqualTo(Duration.ofSeconds(1));
    assertThat(decision.why()).isEqualTo("Retry-After");
  }

  @Test
  void aRetryAfterLongerThanTheMaximumGivesUpAtOnce() {
    RetryDecision decision = planner.next(AttemptFailure.answered(429, Duration.ofSeconds(11)), 1, Duration.ZERO, FAR);

    assertThat(decision.retries()).isFalse();
    assertThat(decision.why()).contains("11 s");
  }

  @Test
  void noWaitEndsAtOrAfterTheStopTime() {
    AttemptFailure limited = AttemptFailure.answered(429, Duration.ofSeconds(2));

    assertThat(planner.next(limited, 1, Duration.ZERO, Duration.ofMillis(2001)).retries()).isTrue();
    assertThat(planner.next(limited, 1, Duration.ZERO, Duration.ofSeconds(2)).retries()).isFalse();
    assertThat(planner.next(UNAVAILABLE, 1, Duration.ZERO, Duration.ZERO).why()).contains("stop time");
  }

  @Test
  void theWaitsOfOneRequestStayUnderTheTotal() {
    AttemptFailure limited = AttemptFailure.answered(503, Duration.ofSeconds(8));

    assertThat(planner.next(limited, 1, Duration.ZERO, FAR).retries()).isTrue();
    assertThat(planner.next(limited, 2, Duration.ofSeconds(8), FAR).retries()).as("8 + 8 > 15").isFalse();
  }
}
