package dev.otelmcp.domain.call;

import static org.assertj.core.api.Assertions.assertThat;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;

class CallContextTest {

  @Test
  void aThreadOutsideAnyCallIsUnbounded() {
    CallContext none = CallContext.current();

    assertThat(none.bounded()).isFalse();
    assertThat(none.shouldStop()).isFalse();
    assertThat(none.untilDeadline()).isGreaterThan(Duration.ofDays(300));
  }

  @Test
  void theCallIsCurrentWhileItsWorkRunsAndTravelsToPoolThreads() throws Exception {
    CallContext context = CallContext.startingNow(Duration.ofSeconds(60), Duration.ofSeconds(5), ProgressSink.NONE);
    ExecutorService pool = Executors.newSingleThreadExecutor();
    try {
      boolean seenInPool = context.call(() -> {
        try {
          return pool.submit(CallContext.current().bind(() -> CallContext.current() == context)).get();
        } catch (Exception e) {
          throw new IllegalStateException(e);
        }
      });

      assertThat(seenInPool).isTrue();
      assertThat(pool.submit(() -> CallContext.current().bounded()).get()).as("not left behind on the pool thread")
          .isFalse();
      assertThat(CallContext.current().bounded()).isFalse();
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void workStopsAtTheStopTimeBeforeTheDeadlineOrWhenCancelled() throws Exception {
    CallContext soon = CallContext.startingNow(Duration.ofMillis(400), Duration.ofMillis(100), ProgressSink.NONE);
    assertThat(soon.shouldStop()).isFalse();
    assertThat(soon.untilStop()).isLessThan(soon.untilWaitsEnd());
    assertThat(soon.untilWaitsEnd()).isLessThan(soon.untilDeadline());
    Thread.sleep(350);
    assertThat(soon.stopReason()).contains(StopReason.DEADLINE);
    assertThat(soon.untilStop()).isZero();

    CallContext cancelled = CallContext.startingNow(Duration.ofSeconds(60), Duration.ofSeconds(5), ProgressSink.NONE);
    cancelled.cancel();
    assertThat(cancelled.stopReason()).contains(StopReason.CANCELLED);
  }

  @Test
  void theReserveIsAtMostHalfTheTimeout() {
    CallContext tight = CallContext.startingNow(Duration.ofSeconds(2), Duration.ofSeconds(10), ProgressSink.NONE);

    assertThat(tight.untilStop()).isBetween(Duration.ofMillis(900), Duration.ofSeconds(1));
  }

  @Test
  void progressGoesToTheSink() {
    List<String> reports = new ArrayList<>();
    CallContext context = CallContext.startingNow(Duration.ofSeconds(60), Duration.ofSeconds(5),
        (done, total, message) -> reports.add(done + "/" + total + " " + message));

    context.progress(3, 10.0, "pieces searched");

    assertThat(reports).containsExactly("3.0/10.0 pieces searched");
  }
}
