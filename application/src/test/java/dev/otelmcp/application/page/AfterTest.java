package dev.otelmcp.application.page;

import static org.assertj.core.api.Assertions.assertThat;

import dev.otelmcp.application.ApplicationSettings;
import dev.otelmcp.application.InMemoryTraceStore;
import dev.otelmcp.application.TestTraces;
import dev.otelmcp.application.search.TraceHydrator;
import dev.otelmcp.application.search.TraceSearchOutcome;
import dev.otelmcp.application.search.TraceSearcher;
import dev.otelmcp.domain.model.TimeRange;
import dev.otelmcp.domain.model.Trace;
import dev.otelmcp.domain.model.TraceHit;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class AfterTest {

  private static final Instant T = Instant.parse("2026-12-01T10:00:00Z");

  @Test
  void itemsAtOrBeforeThePositionInNewestFirstOrderArePassed() {
    After after = new After(T, "bb", "22");

    assertThat(after.passed(T.plusNanos(1), "zz", "99")).as("newer").isTrue();
    assertThat(after.passed(T.minusNanos(1), "aa", "00")).as("older").isFalse();
    assertThat(after.passed(T, "aa", "99")).as("same time, earlier trace id").isTrue();
    assertThat(after.passed(T, "cc", "00")).as("same time, later trace id").isFalse();
    assertThat(after.passed(T, "bb", "22")).as("the item itself").isTrue();
    assertThat(after.passed(T, "bb", "23")).as("same trace, later span").isFalse();
  }

  @Test
  void theWindowEndsJustAfterThePositionUnlessThePositionLiesOutsideIt() {
    TimeRange window = new TimeRange(T.minusSeconds(60), T.plusSeconds(60));

    assertThat(new After(T, "a", null).narrow(window)).isEqualTo(new TimeRange(T.minusSeconds(60), T.plusNanos(1)));
    assertThat(new After(T.minusSeconds(120), "a", null).narrow(window)).isEqualTo(window);
  }

  @Test
  void pagesOfTracesThatShareAStartTimeReturnEachTraceExactlyOnce() {
    List<Trace> traces = new ArrayList<>();
    for (int i = 1; i <= 25; i++) {
      // five traces at each of five instants
      Trace one = TestTraces.simple(i, "svc", "op", 10, false);
      traces.add(new Trace(one.traceId(), List.of(one.spans().get(0).toBuilder()
          .startTime(TestTraces.T0.plusSeconds(i % 5)).build())));
    }
    InMemoryTraceStore store = new InMemoryTraceStore(traces);
    ApplicationSettings settings = ApplicationSettings.DEFAULTS;
    TraceSearcher searcher = new TraceSearcher(store, new TraceHydrator(store, settings), settings);
    TimeRange window = new TimeRange(TestTraces.T0.minusSeconds(10), TestTraces.T0.plusSeconds(100));

    List<String> seen = new ArrayList<>();
    After after = null;
    int pages = 0;
    while (true) {
      TraceSearchOutcome page = searcher.search(window, List.of(), 4, false, after);
      page.hits().forEach(hit -> seen.add(hit.traceId()));
      pages++;
      if (!page.moreAvailable()) {
        break;
      }
      TraceHit last = page.hits().get(page.hits().size() - 1);
      after = new After(last.startTime(), last.traceId(), null);
    }

    assertThat(seen).hasSize(25).doesNotHaveDuplicates();
    assertThat(pages).isEqualTo(7);
  }
}
