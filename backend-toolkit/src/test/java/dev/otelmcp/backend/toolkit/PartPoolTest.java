package dev.otelmcp.backend.toolkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.otelmcp.domain.call.CallContext;
import dev.otelmcp.domain.call.ProgressSink;
import dev.otelmcp.domain.call.StopReason;
import dev.otelmcp.domain.error.BackendUnavailableException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The parts of one answer: bounded, in order, failures kept apart, and stopped with the call. */
class PartPoolTest {

  private final PartPool pool = new PartPool("test", 2);
  private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();

  @AfterEach
  void close() {
    pool.close();
    timer.shutdownNow();
  }

  private static List<Integer> parts(int count) {
    return IntStream.range(0, count).boxed().toList();
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new BackendUnavailableException("interrupted", "retry");
    }
  }

  @Test
  void everyPartRunsAtMostConcurrencyAtOnceAndResultsKeepThePartsOrder() {
    AtomicInteger running = new AtomicInteger();
    AtomicInteger most = new AtomicInteger();
    List<Integer> progress = Collections.synchronizedList(new ArrayList<>());

    PartResults<Integer, String> results = pool.run(parts(6), part -> {
      most.accumulateAndGet(running.incrementAndGet(), Math::max);
      sleep(60 - part * 10L);
      running.decrementAndGet();
      return "part " + part;
    }, progress::add);

    assertThat(results.values()).containsExactly("part 0", "part 1", "part 2", "part 3", "part 4", "part 5");
    assertThat(most.get()).isEqualTo(2);
    assertThat(results.stopped()).isEmpty();
    assertThat(progress).containsExactly(1, 2, 3, 4, 5, 6);
  }

  @Test
  void theCallIsCarriedIntoTheParts() {
    CallContext call = CallContext.startingNow(Duration.ofMinutes(1), Duration.ofSeconds(1), ProgressSink.NONE);

    PartResults<Integer, Boolean> results = call.call(() -> pool.run(parts(3), part -> CallContext.current() == call));

    assertThat(results.values()).containsExactly(true, true, true);
  }

  @Test
  void aSinglePartIsReadOnTheCallersThread() {
    Thread caller = Thread.currentThread();

    assertThat(pool.run(parts(1), part -> Thread.currentThread() == caller).values()).containsExactly(true);
  }

  @Test
  void aFailedPartIsKeptApartFromTheOthers() {
    BackendUnavailableException failure = new BackendUnavailableException("HTTP 503", "retry");

    PartResults<Integer, Integer> results = pool.run(parts(3), part -> {
      if (part == 1) {
        throw failure;
      }
      return part;
    });

    assertThat(results.values()).containsExactly(0, 2);
    assertThat(results.failures()).singleElement().satisfies(f -> {
      assertThat(f.part()).isEqualTo(1);
      assertThat(f.failure()).isSameAs(failure);
    });
    assertThat(results.requireSomethingRead()).isSameAs(results);
  }

  @Test
  void nothingButFailuresIsTheFirstFailure() {
    PartResults<Integer, Integer> results = pool.run(parts(3), part -> {
      throw new BackendUnavailableException("part " + part + " failed", "retry");
    });

    assertThatThrownBy(results::requireSomethingRead).hasMessage("part 0 failed");
  }

  @Test
  void aBugInAPartIsRethrown() {
    Function<Integer, Integer> buggy = part -> {
      throw new IllegalStateException("bug in part " + part);
    };

    assertThatThrownBy(() -> pool.run(parts(3), buggy)).isInstanceOf(IllegalStateException.class)
        .hasMessage("bug in part 0");
  }

  @Test
  void partsAreNotStartedOnceTheStopTimeHasCome() {
    PartPool serial = new PartPool("serial", 1);
    // Stop time 300 ms from now, deadline 600 ms: parts of 100 ms each, one at a time; about three get started.
    CallContext call = CallContext.startingNow(Duration.ofMillis(600), Duration.ofMillis(300), ProgressSink.NONE);
    try {
      PartResults<Integer, Integer> results = call.call(() -> serial.run(parts(8), part -> {
        sleep(100);
        return part;
      }));

      int read = results.values().size();
      assertThat(read).as("started before the stop time, 300 ms in").isBetween(1, 4);
      assertThat(results.values()).as("the first parts").isEqualTo(parts(read));
      assertThat(results.notRun()).as("none after the stop time").isEqualTo(parts(8).subList(read, 8));
      assertThat(results.stoppedBy()).isEqualTo(StopReason.DEADLINE);
    } finally {
      serial.close();
    }
  }

  @Test
  void aCancelledCallInterruptsItsPartsAndAnswersWithinASecond() {
    CallContext call = CallContext.startingNow(Duration.ofMinutes(1), Duration.ofSeconds(1), ProgressSink.NONE);
    CountDownLatch interrupted = new CountDownLatch(2);
    timer.schedule(call::cancel, 200, TimeUnit.MILLISECONDS);

    long started = System.nanoTime();
    PartResults<Integer, Integer> results = call.call(() -> pool.run(parts(4), part -> {
      try {
        Thread.sleep(30_000);
      } catch (InterruptedException e) {
        interrupted.countDown();
        throw new BackendUnavailableException("interrupted", "retry");
      }
      return part;
    }));

    assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(1));
    assertThat(results.stoppedBy()).isEqualTo(StopReason.CANCELLED);
    assertThat(results.notRun()).containsExactly(0, 1, 2, 3);
    assertThat(results.failures()).isEmpty();
    assertThat(awaitQuietly(interrupted)).as("both running parts interrupted").isTrue();
  }

  @Test
  void passingTheDeadlineInterruptsThePartsStillUnderWay() {
    CallContext call = CallContext.startingNow(Duration.ofMillis(400), Duration.ofMillis(200), ProgressSink.NONE);

    long started = System.nanoTime();
    PartResults<Integer, Integer> results = call.call(() -> pool.run(parts(3), part -> {
      sleep(part == 0 ? 10 : 30_000);
      return part;
    }));

    assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofMillis(900));
    assertThat(results.values()).containsExactly(0);
    assertThat(results.notRun()).containsExactly(1, 2);
    assertThat(results.stoppedBy()).isEqualTo(StopReason.DEADLINE);
  }

  private static boolean awaitQuietly(CountDownLatch latch) {
    try {
      return latch.await(2, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }
}
