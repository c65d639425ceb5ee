package dev.otelmcp.application.search;

import static dev.otelmcp.application.TestTraces.simple;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.otelmcp.application.ApplicationSettings;
import dev.otelmcp.application.InMemoryTraceStore;
import dev.otelmcp.domain.error.BackendUnavailableException;
import dev.otelmcp.domain.model.Trace;
import dev.otelmcp.domain.model.TraceHit;
import dev.otelmcp.domain.model.TraceSummary;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
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
  void aBackendFailureSurfacesAsTheDomainError() {
    InMemoryTraceStore failing = new InMemoryTraceStore(List.of()) {
      @Override
      public Optional<Trace> getTrace(String traceId) {
        throw new BackendUnavailableException("tempo did not answer", "check the URL");
      }
    };

    try (TraceHydrator hydrator = new TraceHydrator(failing, SETTINGS)) {
      assertThatThrownBy(() -> hydrator.hydrate(List.of(summaryOf(simple(3, "a", "op", 1, false)))))
          .isInstanceOf(BackendUnavailableException.class)
          .hasMessage("tempo did not answer");
    }
  }
}
