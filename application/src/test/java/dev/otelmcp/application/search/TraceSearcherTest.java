package dev.otelmcp.application.search;

import static dev.otelmcp.application.TestTraces.T0;
import static dev.otelmcp.application.TestTraces.simple;
import static dev.otelmcp.application.TestTraces.withChildren;
import static org.assertj.core.api.Assertions.assertThat;
import dev.otelmcp.application.ApplicationSettings;
import dev.otelmcp.application.InMemoryTraceStore;
import dev.otelmcp.application.view.Coverage;
import dev.otelmcp.domain.call.CallContext;
import dev.otelmcp.domain.call.ProgressSink;
import dev.otelmcp.domain.call.StopReason;
import dev.otelmcp.domain.model.TimeRange;
import dev.otelmcp.domain.model.Trace;
import dev.otelmcp.domain.model.TraceHit;
import dev.otelmcp.domain.model.TraceId;
import dev.otelmcp.domain.model.Traces;
import dev.otelmcp.domain.query.Filter;
import dev.otelmcp.domain.query.Filters;
import dev.otelmcp.domain.query.IntrinsicField;
import dev.otelmcp.domain.query.TraceQuery;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class TraceSearcherTest {

  private static final TimeRange WINDOW = new TimeRange(T0.minusSeconds(10), T0.plusSeconds(100_000));
  private static final ApplicationSettings SETTINGS = new ApplicationSettings(Duration.ofHours(24), 1000, 8, 2000);

  /** 100 traces, newest = 100; every tenth one is about gpt-4o. */
  private static List<Trace> hundredTraces() {
    List<Trace> traces = new ArrayList<>();
    for (int i = 1; i <= 100; i++) {
      traces.add(simple(i, "svc", "op", i, false, "gen_ai.request.model", i % 10 == 0 ? "gpt-4o" : "gpt-4o-mini"));
    }
    return traces;
  }

  private static TraceSearcher searcher(InMemoryTraceStore store, ApplicationSettings settings) {
    return new TraceSearcher(store, new TraceHydrator(store, settings), settings);
  }

  private static List<String> ids(List<TraceHit> hits) {
    return hits.stream().map(TraceHit::traceId).toList();
  }

  @Test
  void withoutResidualFiltersOneRequestOfTheLimitSuffices() {
    InMemoryTraceStore store = new InMemoryTraceStore(hundredTraces());

    TraceSearchOutcome outcome = searcher(store, SETTINGS).search(WINDOW, List.of(), 5, false);

    assertThat(store.searches).hasSize(1);
    assertThat(store.searches.get(0).limit()).isEqualTo(5);
    assertThat(ids(outcome.hits())).containsExactly(
        String.format("%032x", 100), String.format("%032x", 99), String.format("%032x", 98),
        String.format("%032x", 97), String.format("%032x", 96));
    assertThat(outcome.moreAvailable()).isTrue();
    assertThat(outcome.scanCapped()).isFalse();
  }

  @Test
  void residualFiltersKeepFetchingUntilTheLimitIsFilledInsteadOfUnderFilling() {
    InMemoryTraceStore store = new InMemoryTraceStore(hundredTraces());
    Filter model = Filter.equalsString("gen_ai.request.model", "gpt-4o");

    TraceSearchOutcome outcome = searcher(store, SETTINGS).search(WINDOW, List.of(model), 5, false);

    assertThat(ids(outcome.hits())).containsExactly(
        String.format("%032x", 100), String.format("%032x", 90), String.format("%032x", 80),
        String.format("%032x", 70), String.format("%032x", 60));
    assertThat(store.searches).extracting(TraceQuery::limit).containsExactly(20, 80);
    assertThat(store.searches).allSatisfy(q -> assertThat(q.filters()).isEmpty());
    assertThat(outcome.moreAvailable()).isTrue();
    assertThat(outcome.tracesScanned()).isEqualTo(80);
  }

  @Test
  void residualFiltersFollowCursorsWhenTheStorePagesByCursor() {
    InMemoryTraceStore store = new InMemoryTraceStore(hundredTraces()).cursorPaging();
    Filter model = Filter.equalsString("gen_ai.request.model", "gpt-4o");

    TraceSearchOutcome outcome = searcher(store, SETTINGS).search(WINDOW, List.of(model), 3, false);

    assertThat(ids(outcome.hits())).hasSize(3);
    assertThat(store.searches).extracting(TraceQuery::cursor).containsExactly(null, "20");
    assertThat(outcome.tracesScanned()).isEqualTo(40);
  }

  @Test
  void aCallPastItsStopTimeAnswersWhatTheFirstPageFoundMarkedAsStopped() throws Exception {
    InMemoryTraceStore store = new InMemoryTraceStore(hundredTraces()).cursorPaging();
    Filter model = Filter.equalsString("gen_ai.request.model", "gpt-4o");
    CallContext call = CallContext.startingNow(Duration.ofMillis(40), Duration.ofMillis(20), ProgressSink.NONE);
    Thread.sleep(30);

    TraceSearchOutcome outcome = call.call(() -> searcher(store, SETTINGS).search(WINDOW, List.of(model), 5, false));

    assertThat(store.searches).hasSize(1);
    assertThat(ids(outcome.hits())).hasSize(2);
    assertThat(outcome.shortfall()).isNotNull();
    assertThat(outcome.shortfall().stoppedBy()).isEqualTo(StopReason.DEADLINE);
    assertThat(outcome.shortfall().searchedFrom()).as("the oldest trace of the page read")
        .isEqualTo(store.searchTraces(new TraceQuery(WINDOW, List.of(), 20, null)).hits().stream()
            .map(TraceHit::startTime).min(Comparator.naturalOrder()).orElseThrow());
    Coverage coverage = outcome.coverage(WINDOW, false);
    assertThat(coverage.stoppedBy()).isEqualTo("deadline");
    assertThat(coverage.startTime()).isAfter(WINDOW.start());
    assertThat(coverage.tracesRead()).isEqualTo(20);
  }

  @Test
  void aScanStoppedWhileReadingTracesSaysHowManyItReadOfHowManyTheBackendListed() {
    InMemoryTraceStore store = new InMemoryTraceStore(hundredTraces()).summariesOnly().slowGetTrace(300);
    CallContext call = CallContext.startingNow(Duration.ofMillis(900), Duration.ofMillis(100), ProgressSink.NONE);
    List<String> visited = new ArrayList<>();

    TraceSearchOutcome outcome = call.call(() -> searcher(store, SETTINGS).visit(WINDOW, List.of(), 1000,
        trace -> visited.add(trace.traceId())));

    Coverage coverage = outcome.coverage(WINDOW, false);
    assertThat(coverage.stoppedBy()).isEqualTo("deadline");
    assertThat(outcome.tracesRead()).isEqualTo(visited.size()).isLessThan(100);
    assertThat(coverage.tracesRead()).isEqualTo(visited.size());
    assertThat(coverage.tracesKnown()).as("every trace the search listed, read or not").isEqualTo(100);
  }

  @Test
  void aCancelledCallStopsAfterThePageUnderWay() {
    InMemoryTraceStore store = new InMemoryTraceStore(hundredTraces()).cursorPaging();
    Filter model = Filter.equalsString("gen_ai.request.model", "gpt-4o");
    CallContext call = CallContext.startingNow(Duration.ofSeconds(60), Duration.ofSeconds(5), ProgressSink.NONE);
    call.cancel();

    TraceSearchOutcome outcome = call.call(() -> searcher(store, SETTINGS).search(WINDOW, List.of(model), 5, false));

    assertThat(store.searches).hasSize(1);
    assertThat(outcome.shortfall().stoppedBy()).isEqualTo(StopReason.CANCELLED);
  }

  @Test
  void theScanStopsAtMaxTracesPerQueryAndSaysSo() {
    InMemoryTraceStore store = new InMemoryTraceStore(hundredTraces());
    ApplicationSettings small = new ApplicationSettings(Duration.ofHours(24), 30, 8, 2000);
    Filter model = Filter.equalsString("gen_ai.request.model", "gpt-4o");

    TraceSearchOutcome outcome = searcher(store, small).search(WINDOW, List.of(model), 10, false);

    assertThat(outcome.scanCapped()).isTrue();
    assertThat(outcome.tracesScanned()).isEqualTo(30);
    assertThat(ids(outcome.hits())).containsExactly(
        String.format("%032x", 100), String.format("%032x", 90), String.format("%032x", 80));
    assertThat(store.searches).allSatisfy(q -> assertThat(q.limit()).isLessThanOrEqualTo(30));
  }

  @Test
  void noMatchAnywhereEndsWhenTheBackendHasNothingMore() {
    InMemoryTraceStore store = new InMemoryTraceStore(hundredTraces());
    Filter model = Filter.equalsString("gen_ai.request.model", "claude");

    TraceSearchOutcome outcome = searcher(store, SETTINGS).search(WINDOW, List.of(model), 5, false);

    assertThat(outcome.hits()).isEmpty();
    assertThat(outcome.moreAvailable()).isFalse();
    assertThat(outcome.scanCapped()).isFalse();
    assertThat(outcome.tracesScanned()).isEqualTo(100);
  }

  @Test
  void requestsNeverExceedTheStoresOwnMaximum() {
    InMemoryTraceStore store = new InMemoryTraceStore(hundredTraces()).maxSearchLimit(25);

    TraceSearchOutcome outcome = searcher(store, SETTINGS).search(WINDOW, List.of(), 60, false);

    assertThat(store.searches).allSatisfy(q -> assertThat(q.limit()).isLessThanOrEqualTo(25));
    assertThat(outcome.hits()).hasSize(25);
    assertThat(outcome.scanCapped()).isTrue();
  }

  @Test
  void claimedFiltersArePushedAndPositiveConditionsStillHoldOnOneSpan() {
    Trace sameSpan = withChildren(1, "gateway", List.<Object[]>of(new Object[] {"llm", "chat", "gen_ai.request.model", "gpt-4o"}));
    Trace splitAcrossSpans = withChildren(2, "gateway", List.<Object[]>of(
        new Object[] {"llm", "chat"}, new Object[] {"other", "call", "gen_ai.request.model", "gpt-4o"}));
    InMemoryTraceStore store = new InMemoryTraceStore(List.of(sameSpan, splitAcrossSpans))
        .claiming(f -> Filters.isOn(f, IntrinsicField.SERVICE_NAME));
    List<Filter> filters = List.of(Filter.equalsString("service.name", "llm"), Filter.equalsString("gen_ai.request.model", "gpt-4o"));

    TraceSearchOutcome outcome = searcher(store, SETTINGS).search(WINDOW, filters, 10, false);

    assertThat(store.searches.get(0).filters()).extracting(Filter::field).containsExactly("service.name");
    assertThat(ids(outcome.hits())).containsExactly(sameSpan.traceId());
  }

  @Test
  void summariesAreHydratedInParallelEachIdOnce() {
    List<Trace> traces = IntStream.rangeClosed(1, 40).mapToObj(i -> simple(i, "svc", "op", 5, false)).toList();
    InMemoryTraceStore store = new InMemoryTraceStore(traces).summariesOnly().slowGetTrace(60);

    TraceSearchOutcome outcome = searcher(store, SETTINGS).search(WINDOW, List.of(), 40, true);

    assertThat(outcome.hits()).hasSize(40).allSatisfy(hit -> assertThat(hit).isInstanceOf(Trace.class));
    assertThat(store.getTraceCalls.get()).isEqualTo(40);
    assertThat(store.maxInFlight.get()).as("concurrent getTrace calls").isEqualTo(8);
  }

  @Test
  void summariesStayUnhydratedWhenNothingNeedsTheSpans() {
    List<Trace> traces = IntStream.rangeClosed(1, 10).mapToObj(i -> simple(i, "svc", "op", 5, false)).toList();
    InMemoryTraceStore store = new InMemoryTraceStore(traces).summariesOnly();

    TraceSearchOutcome outcome = searcher(store, SETTINGS).search(WINDOW, List.of(), 10, false);

    assertThat(outcome.hits()).hasSize(10);
    assertThat(store.getTraceCalls.get()).isZero();
  }

  @Test
  void aVisitorWorksOnEachTraceWhileTheRestOfThePageIsStillFetched() {
    List<Trace> traces = IntStream.rangeClosed(1, 5).mapToObj(i -> simple(i, "svc", "op", 5, false)).toList();
    Trace newest = traces.get(4);
    CountDownLatch newestVisited = new CountDownLatch(1);
    List<Boolean> waitedForTheVisitor = Collections.synchronizedList(new ArrayList<>());
    // Every trace but the newest is read only once the visitor has the newest: a searcher that hydrated the whole
    // page before visiting would wait here (and record false after 10 s).
    InMemoryTraceStore store = new InMemoryTraceStore(traces) {
      @Override
      public Optional<Trace> getTrace(TraceId traceId) {
        if (!traceId.hex().equals(newest.traceId())) {
          try {
            waitedForTheVisitor.add(newestVisited.await(10, TimeUnit.SECONDS));
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
        }
        return super.getTrace(traceId);
      }
    }.summariesOnly();
    List<String> visited = new ArrayList<>();

    TraceSearchOutcome outcome = searcher(store, SETTINGS).visit(WINDOW, List.of(), 100, trace -> {
      visited.add(trace.traceId());
      if (trace.equals(newest)) {
        newestVisited.countDown();
      }
    });

    assertThat(visited).containsExactlyElementsOf(traces.stream().sorted(Traces.NEWEST_FIRST).map(Trace::traceId).toList());
    assertThat(waitedForTheVisitor).hasSize(4).containsOnly(true);
    assertThat(outcome.tracesScanned()).isEqualTo(5);
    assertThat(outcome.shortfall()).isNull();
  }

  @Test
  void aVisitorGetsOnlyTracesThatMatchTheFiltersLeftToTheApplication() {
    List<Trace> traces = hundredTraces();
    InMemoryTraceStore store = new InMemoryTraceStore(traces).summariesOnly();
    List<String> visited = new ArrayList<>();

    searcher(store, SETTINGS).visit(WINDOW, List.of(Filter.equalsString("gen_ai.request.model", "gpt-4o")), 100,
        trace -> visited.add(trace.traceId()));

    assertThat(visited).hasSize(10).doesNotHaveDuplicates();
    assertThat(store.getTraceCalls.get()).isEqualTo(100);
  }
}
