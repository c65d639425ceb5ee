package dev.otelmcp.application.search;

import static dev.otelmcp.application.TestTraces.simple;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import dev.otelmcp.application.ApplicationSettings;
import dev.otelmcp.application.InMemoryTraceStore;
import dev.otelmcp.domain.call.CallContext;
import dev.otelmcp.domain.call.ProgressSink;
import dev.otelmcp.domain.call.StopReason;
import dev.otelmcp.domain.error.BackendUnavailableException;
import dev.otelmcp.domain.model.TimeRange;
import dev.otelmcp.domain.model.Trace;
import dev.otelmcp.domain.model.TraceHit;
import dev.otelmcp.domain.model.TraceId;
import dev.otelmcp.domain.model.TraceSummary;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class TraceHydratorTest {

  private static final ApplicationSettings SETTINGS = new ApplicationSettings(Duration.ofHours(1), 100, 4, 100);

  private static TraceSummary summaryOf(Trace trace) {
    return new TraceSummary(trace.traceId(), trace.serviceName(), trace.rootOperation(), trace.startTime(),
        trace.duration(), null, null, null);
  }

  @Test
  void keepsWholeTracesFetchesSummariesOnceAndKeepsHitOrder() {
    Trace a = simple(1, "a", "op", 1, false);
    Trace b = simple(2, "b", "op", 1, false);
    InMemoryTraceStore store = new InMemoryTraceStore(List.of(a, b));
    List<TraceHit> hits = List.of(summaryOf(b), a, summaryOf(b));

    try (TraceHydrator hydrator = new TraceHydrator(store, SETTINGS)) {
      TraceHydrator.Hydration hydration = hydrator.hydrate(hits);

      assertThat(hydration.traces()).containsExactly(b, a);
      assertThat(hydration.missing()).isZero();
      assertThat(store.getTraceCalls.get()).isEqualTo(1);
    }
  }

  @Test
  void countsTracesTheBackendNoLongerHas() {
    Trace gone = simple(7, "a", "op", 1, false);
    InMemoryTraceStore store = new InMemoryTraceStore(List.of(simple(1, "a", "op", 1, false)));

    try (TraceHydrator hydrator = new TraceHydrator(store, SETTINGS)) {
      assertThat(hydrator.hydrate(List.of(summaryOf(gone))).missing()).isEqualTo(1);
    }
  }

  @Test
  void oneTraceThatCannotBeReadDoesNotSinkTheOthersButIsNamed() {
    Trace good = simple(1, "a", "op", 1, false);
    Trace bad = simple(2, "a", "op", 1, false);
    InMemoryTraceStore flaky = new InMemoryTraceStore(List.of(good, bad)) {
      @Override
      public Optional<Trace> getTrace(TraceId traceId) {
        if (traceId.hex().equals(bad.traceId())) {
          throw new BackendUnavailableException("Tempo at http://tempo failed with HTTP 503 for GET /api/traces", "retry");
        }
        return super.getTrace(traceId);
      }
    };

    try (TraceHydrator hydrator = new TraceHydrator(flaky, SETTINGS)) {
      TraceHydrator.Hydration hydration = hydrator.hydrate(List.of(summaryOf(good), summaryOf(bad)));

      assertThat(hydration.traces()).containsExactly(good);
      assertThat(hydration.shortfall().failedParts()).containsExactly(
          "1 of 2 traces could not be read: Tempo at http://tempo failed with HTTP 503 for GET /api/traces");
      assertThat(hydration.shortfall().stoppedBy()).isNull();
    }
  }

  @Test
  void atTheStopTimeTheTracesFetchedSoFarAreAnsweredAndTheRestCancelled() {
    List<Trace> traces = List.of(simple(1, "a", "op", 1, false), simple(2, "a", "op", 1, false),
        simple(3, "a", "op", 1, false));
    InMemoryTraceStore slow = new InMemoryTraceStore(traces) {
      @Override
      public Optional<Trace> getTrace(TraceId traceId) {
        if (!traceId.hex().equals(traces.get(0).traceId())) {
          try {
            Thread.sleep(5_000);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
        }
        return super.getTrace(traceId);
      }
    };
    CallContext call = CallContext.startingNow(Duration.ofMillis(600), Duration.ofMillis(300), ProgressSink.NONE);
    long started = System.nanoTime();

    try (TraceHydrator hydrator = new TraceHydrator(slow, SETTINGS)) {
      TraceHydrator.Hydration hydration = call.call(() -> hydrator.hydrate(traces.stream().map(t -> summaryOf(t)).toList()));

      assertThat((System.nanoTime() - started) / 1_000_000).isLessThan(1_000);
      assertThat(hydration.traces()).containsExactly(traces.get(0));
      assertThat(hydration.shortfall().stoppedBy()).isEqualTo(StopReason.DEADLINE);
      assertThat(hydration.shortfall().failedParts())
          .containsExactly("2 of 3 traces were not fetched before the call had to answer");
    }
  }

  @Test
  void aBackendFailureOfEveryTraceIsTheSearchsAnswer() {
    Trace stored = simple(3, "a", "op", 1, false);
    InMemoryTraceStore failing = new InMemoryTraceStore(List.of(stored)) {
      @Override
      public Optional<Trace> getTrace(TraceId traceId) {
        throw new BackendUnavailableException("tempo did not answer", "check the URL");
      }
    }.summariesOnly();

    try (TraceHydrator hydrator = new TraceHydrator(failing, SETTINGS)) {
      TraceHydrator.Hydration hydration = hydrator.hydrate(List.of(summaryOf(stored)));

      assertThat(hydration.readNothing()).isTrue();
      assertThat(hydration.whyNothing()).isInstanceOf(BackendUnavailableException.class)
          .hasMessage("tempo did not answer");
      TraceSearcher searcher = new TraceSearcher(failing, hydrator, SETTINGS);
      TimeRange window = new TimeRange(stored.startTime().minusSeconds(60), stored.startTime().plusSeconds(60));
      assertThatThrownBy(() -> searcher.search(window, List.of(), 5, true))
          .as("traces found, none readable: the failure is the answer").isInstanceOf(BackendUnavailableException.class);
    }
  }

  @Test
  void handsEachTraceOnInHitOrderAsSoonAsItAndThoseBeforeItAreRead() {
    Trace first = simple(1, "a", "op", 1, false);
    Trace second = simple(2, "a", "op", 1, false);
    Trace whole = simple(3, "a", "op", 1, false);
    CountDownLatch firstHandedOn = new CountDownLatch(1);
    boolean[] secondWaited = {false};
    InMemoryTraceStore store = new InMemoryTraceStore(List.of(first, second, whole)) {
      @Override
      public Optional<Trace> getTrace(TraceId traceId) {
        if (traceId.hex().equals(second.traceId())) {
          try {
            secondWaited[0] = firstHandedOn.await(10, TimeUnit.SECONDS);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
        }
        return super.getTrace(traceId);
      }
    };
    List<Trace> handedOn = new ArrayList<>();

    try (TraceHydrator hydrator = new TraceHydrator(store, SETTINGS)) {
      TraceHydrator.Hydration hydration = hydrator.hydrate(
          List.of(summaryOf(first), whole, summaryOf(second), summaryOf(first)), trace -> {
            handedOn.add(trace);
            if (trace.equals(first)) {
              firstHandedOn.countDown();
            }
          });

      assertThat(handedOn).containsExactly(first, whole, second);
      assertThat(secondWaited[0]).as("the first trace was handed on while the second was still being read").isTrue();
      assertThat(hydration.read()).isEqualTo(3);
      assertThat(hydration.traces()).as("nothing kept").isEmpty();
      assertThat(store.getTraceCalls.get()).isEqualTo(2);
    }
  }

  @Test
  void whenTheCallersWorkOnATraceFailsTheFetchesStillUnderWayAreCancelled() {
    Trace first = simple(1, "a", "op", 1, false);
    Trace slow = simple(2, "a", "op", 1, false);
    CountDownLatch started = new CountDownLatch(1);
    CountDownLatch interrupted = new CountDownLatch(1);
    InMemoryTraceStore store = new InMemoryTraceStore(List.of(first, slow)) {
      @Override
      public Optional<Trace> getTrace(TraceId traceId) {
        if (traceId.hex().equals(slow.traceId())) {
          started.countDown();
          try {
            Thread.sleep(10_000);
          } catch (InterruptedException e) {
            interrupted.countDown();
          }
        }
        return super.getTrace(traceId);
      }
    };

    try (TraceHydrator hydrator = new TraceHydrator(store, SETTINGS)) {
      assertThatThrownBy(() -> hydrator.hydrate(List.of(summaryOf(first), summaryOf(slow)), trace -> {
        awaitQuietly(started);
        throw new IllegalStateException("the aggregate failed");
      })).hasMessage("the aggregate failed");

      assertThat(awaitQuietly(interrupted)).as("the slow fetch was interrupted").isTrue();
    }
  }

  @Test
  void preparesWholeTracesInThePoolFetchedOnesOnTheCallerAndHandsThemOnInHitOrder() {
    List<Trace> wholeOnes = new ArrayList<>();
    for (int i = 1; i <= 70; i++) {
      wholeOnes.add(simple(i, "s" + i, "op", 1, false));
    }
    Trace fetched = simple(99, "f", "op", 1, false);
    InMemoryTraceStore store = new InMemoryTraceStore(List.of(fetched));
    List<TraceHit> hits = new ArrayList<>(wholeOnes.subList(0, 40));
    hits.add(summaryOf(fetched));
    hits.addAll(wholeOnes.subList(40, 70));
    Thread caller = Thread.currentThread();
    List<String> handed = new ArrayList<>();

    try (TraceHydrator hydrator = new TraceHydrator(store, SETTINGS)) {
      TraceHydrator.Hydration hydration = hydrator.hydrate(hits,
          trace -> (Thread.currentThread() == caller ? "caller:" : "pool:") + trace.serviceName(),
          (trace, made) -> handed.add(trace.serviceName() + "=" + made));

      List<String> expected = hits.stream().map(hit -> hit instanceof Trace t
          ? t.serviceName() + "=pool:" + t.serviceName() : "f=caller:f").toList();
      assertThat(handed).containsExactlyElementsOf(expected);
      assertThat(hydration.read()).isEqualTo(71);
    }
  }

  @Test
  void aFailureWhilePreparingIsTheCallersFailure() {
    Trace whole = simple(1, "a", "op", 1, false);
    InMemoryTraceStore store = new InMemoryTraceStore(List.of());

    try (TraceHydrator hydrator = new TraceHydrator(store, SETTINGS)) {
      assertThatThrownBy(() -> hydrator.hydrate(List.of(whole), trace -> {
        throw new IllegalArgumentException("cannot read " + trace.traceId());
      }, (trace, made) -> { })).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("cannot read");
    }
  }

  private static boolean awaitQuietly(CountDownLatch latch) {
    try {
      return latch.await(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }
}
