package dev.otelmcp.adapters.otlp.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.otelmcp.domain.model.AttributeValue;
import dev.otelmcp.domain.model.Attributes;
import dev.otelmcp.domain.model.Span;
import dev.otelmcp.domain.model.TimeRange;
import dev.otelmcp.domain.model.Trace;
import dev.otelmcp.domain.model.TraceHit;
import dev.otelmcp.domain.model.Traces;
import dev.otelmcp.domain.port.SpanSearchResult;
import dev.otelmcp.domain.port.TraceSearchResult;
import dev.otelmcp.domain.query.Filter;
import dev.otelmcp.domain.query.FilterEvaluator;
import dev.otelmcp.domain.query.SpanQuery;
import dev.otelmcp.domain.query.TraceQuery;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Native evaluation is exact: for every operator, alone and combined, over the whole data and narrow windows,
 * the store answers exactly what {@link FilterEvaluator} over every trace (span) answers, in the same order —
 * whichever index the search picked.
 */
class IndexSearchExactnessTest {

  static final Instant START = Instant.parse("2026-11-20T00:00:00Z");
  static List<Span> spans;
  static List<Trace> all;
  static OtlpTraceStore store;

  @BeforeAll
  static void load() throws IOException {
    spans = new SyntheticTraces(11, START, Duration.ofHours(12)).traces(2_000);
    all = Traces.group(spans);
    store = OtlpTraceStore.start(StoreConfigs.inMemory(), Clock.systemUTC());
    // In several batches, so that traces are also assembled from parts.
    for (int i = 0; i < spans.size(); i += 997) {
      store.ingest(spans.subList(i, Math.min(spans.size(), i + 997)), null);
    }
  }

  @AfterAll
  static void close() {
    store.close();
  }

  static Stream<List<Filter>> filterSets() {
    List<Filter> singles = StoreFilters.everyOperator();
    List<List<Filter>> sets = new ArrayList<>();
    singles.forEach(f -> sets.add(List.of(f)));
    for (int i = 0; i + 1 < singles.size(); i += 3) {
      sets.add(List.of(singles.get(i), singles.get(i + 1)));
      sets.add(List.of(singles.get(i), singles.get((i + 7) % singles.size()), singles.get((i + 13) % singles.size())));
    }
    sets.add(List.of());
    return sets.stream();
  }

  static List<TimeRange> windows() {
    return List.of(
        new TimeRange(START.minus(Duration.ofDays(1)), START.plus(Duration.ofDays(1))),
        new TimeRange(START.plus(Duration.ofHours(3)), START.plus(Duration.ofHours(3)).plusSeconds(600)),
        new TimeRange(START.plus(Duration.ofHours(11)), START.plus(Duration.ofHours(13))));
  }

  @ParameterizedTest
  @MethodSource("filterSets")
  void traceSearchEqualsTheReferenceEvaluation(List<Filter> filters) {
    for (TimeRange window : windows()) {
      List<String> expected = all.stream()
          .filter(t -> window.contains(t.startTime()))
          .filter(t -> FilterEvaluator.matches(t, filters))
          .sorted(Traces.NEWEST_FIRST).map(Trace::traceId).toList();

      TraceSearchResult result = store.searchTraces(new TraceQuery(window, filters, 10_000));

      assertThat(result.hits()).extracting(TraceHit::traceId).as("%s in %s", filters, window).isEqualTo(expected);
      assertThat(result.mayHaveMore()).isFalse();
    }
  }

  @ParameterizedTest
  @MethodSource("filterSets")
  void spanSearchEqualsTheReferenceEvaluation(List<Filter> filters) {
    for (TimeRange window : windows()) {
      List<Span> expected = spans.stream()
          .filter(s -> window.contains(s.startTime()))
          .filter(s -> FilterEvaluator.matches(s, filters))
          .sorted(IndexSearch.SPAN_ORDER).toList();

      SpanSearchResult first = store.searchSpans(new SpanQuery(window, filters, 25));

      assertThat(first.spans()).as("%s in %s", filters, window)
          .isEqualTo(expected.subList(0, Math.min(25, expected.size())));
      assertThat(first.mayHaveMore()).isEqualTo(expected.size() > 25);
    }
  }

  @Test
  void cursorsWalkTheWholeAnswerPageByPage() {
    TimeRange window = windows().get(0);
    List<Filter> filters = List.of(StoreFilters.everyOperator().get(0));
    List<String> expected = store.searchTraces(new TraceQuery(window, filters, 10_000)).hits().stream()
        .map(TraceHit::traceId).toList();
    List<String> paged = new ArrayList<>();
    TraceSearchResult page = store.searchTraces(new TraceQuery(window, filters, 37));
    paged.addAll(page.hits().stream().map(TraceHit::traceId).toList());
    while (page.cursor().isPresent()) {
      page = store.searchTraces(new TraceQuery(window, filters, 37, page.nextCursor()));
      paged.addAll(page.hits().stream().map(TraceHit::traceId).toList());
    }
    assertThat(paged).isEqualTo(expected).hasSizeGreaterThan(100);

    List<Span> allSpans = store.searchSpans(new SpanQuery(window, List.of(), 10_000)).spans();
    List<Span> pagedSpans = new ArrayList<>();
    SpanSearchResult spanPage = store.searchSpans(new SpanQuery(window, List.of(), 501));
    pagedSpans.addAll(spanPage.spans());
    while (spanPage.cursor().isPresent()) {
      spanPage = store.searchSpans(new SpanQuery(window, List.of(), 501, spanPage.nextCursor()));
      pagedSpans.addAll(spanPage.spans());
    }
    assertThat(pagedSpans).isEqualTo(allSpans).hasSize(spans.size());
  }

  @Test
  void aTraceFoundUnderSeveralAliasKeysIsAnsweredOnce() throws IOException {
    List<Span> rare = new ArrayList<>();
    for (Span span : new SyntheticTraces(13, START, Duration.ofHours(1)).traces(30)) {
      // Two spans of each trace name the provider under different conventions.
      String key = span.spanId().charAt(0) < '8' ? "gen_ai.system" : "llm.vendor";
      rare.add(span.toBuilder().attributes(Attributes.builder().putAll(span.attributes())
          .put(key, "acme-llm").build()).build());
    }
    try (OtlpTraceStore small = OtlpTraceStore.start(StoreConfigs.inMemory(), Clock.systemUTC())) {
      small.ingest(spans, null);
      small.ingest(rare, null);
      Filter acme = Filter.equalsString("gen_ai.system", "acme-llm");

      TraceSearchResult result = small.searchTraces(new TraceQuery(windows().get(0), List.of(acme), 1_000));

      long traces = Traces.group(rare).stream().filter(t -> FilterEvaluator.matches(t, List.of(acme))).count();
      long matching = rare.stream().filter(span -> FilterEvaluator.matches(span, acme)).count();
      assertThat(traces).isGreaterThan(20);
      assertThat(result.hits()).extracting(TraceHit::traceId).doesNotHaveDuplicates().hasSize((int) traces);
      assertThat(small.searchSpans(new SpanQuery(windows().get(0), List.of(acme), 1_000)).spans())
          .doesNotHaveDuplicates().hasSize((int) matching);
    }
  }

  @Test
  void mapAndNestedArrayValuesAreFoundByTheirTextAsTheEvaluatorComparesThem() throws IOException {
    Span base = spans.get(0);
    Span withMap = base.toBuilder().traceId("0000000000000000000000000000abcd").attributes(
        Attributes.builder()
            .put("llm.config", new AttributeValue.MapValue(
                Map.of("k", AttributeValue.of("v"))))
            .put("llm.stops", AttributeValue.ofList(List.of(
                AttributeValue.ofList(List.of(AttributeValue.of("a"))))))
            .build()).build();
    try (OtlpTraceStore small = OtlpTraceStore.start(StoreConfigs.inMemory(), Clock.systemUTC())) {
      small.ingest(spans, null);
      small.ingest(List.of(withMap), null);
      for (Filter filter : List.of(Filter.equalsString("llm.config", "{k=v}"), Filter.equalsString("llm.stops", "[a]"))) {
        assertThat(FilterEvaluator.matches(withMap, filter)).as(filter.describe()).isTrue();
        assertThat(small.searchTraces(new TraceQuery(windows().get(0), List.of(filter), 10)).hits())
            .as(filter.describe()).extracting(TraceHit::traceId).containsExactly(withMap.traceId());
      }
    }
  }

  @Test
  void servicesAndOperationsFollowTheWindow() {
    assertThat(store.listServices(windows().get(0))).containsExactlyElementsOf(
        SyntheticTraces.SERVICES.stream().sorted().toList());
    assertThat(store.listServices(new TimeRange(START.minus(Duration.ofDays(9)), START.minus(Duration.ofDays(8)))))
        .isEmpty();
    assertThat(store.listOperations("support-bot", windows().get(0)))
        .extracting(op -> op.name()).contains("POST /chat", "openai.chat", "agent.workflow");
  }
}
