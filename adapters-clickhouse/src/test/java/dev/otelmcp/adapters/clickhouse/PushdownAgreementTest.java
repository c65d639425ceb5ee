package dev.otelmcp.adapters.clickhouse;

import static org.assertj.core.api.Assertions.assertThat;

import dev.otelmcp.domain.model.Span;
import dev.otelmcp.domain.model.Trace;
import dev.otelmcp.domain.model.TraceHit;
import dev.otelmcp.domain.query.Filter;
import dev.otelmcp.domain.query.FilterEvaluator;
import dev.otelmcp.domain.query.FilterOperator;
import dev.otelmcp.domain.query.FilterValueType;
import dev.otelmcp.domain.query.SpanQuery;
import dev.otelmcp.domain.query.TraceQuery;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The SQL and the domain's {@code FilterEvaluator} agree, both ways, on every sample trace and span: for each filter
 * (every operator, intrinsics, trace-level fields, convention aliases, scopes, numbers in strings, array values,
 * negations, same-span combinations) the store's search finds exactly what the evaluator accepts among the traces
 * and spans the store returns unfiltered. Run on both attribute variants.
 */
class PushdownAgreementTest {

  private static final int ALL = 1000;

  static List<List<Filter>> filterSets() {
    List<List<Filter>> sets = new ArrayList<>();
    for (Filter filter : List.of(
        Filter.equalsString("service.name", "travel-agent"),
        text("service", FilterOperator.NOT_EQUALS, "support-bot"),
        text("service.name", FilterOperator.IN, "review-assistant", "support-bot"),
        text("resource.service.name", FilterOperator.STARTS_WITH, "support"),
        text("name", FilterOperator.CONTAINS, "workflow"),
        text("name", FilterOperator.ENDS_WITH, "gpt-4o"),
        text("name", FilterOperator.NOT_CONTAINS, "chat"),
        Filter.number("duration", FilterOperator.GT, 500),
        Filter.number("duration", FilterOperator.BETWEEN, 10, 1500),
        Filter.number("span_count", FilterOperator.GTE, 6),
        Filter.number("span_count", FilterOperator.IN, 2, 4),
        text("trace_id", FilterOperator.EQUALS, "252334CF59F256D5485E0A694C6790BB"),
        text("status", FilterOperator.EQUALS, "error"),
        text("status", FilterOperator.NOT_EQUALS, "ok"),
        text("status.message", FilterOperator.CONTAINS, "Rate limit"),
        text("kind", FilterOperator.IN, "client", "server"),
        text("kind", FilterOperator.NOT_IN, "internal"),
        text("span.kind", FilterOperator.STARTS_WITH, "cli"),
        Filter.equalsString("gen_ai.system", "openai"),
        text("gen_ai.request.model", FilterOperator.IN, "gpt-4o", "o3-mini"),
        text("gen_ai.request.model", FilterOperator.NOT_EQUALS, "gpt-4o-mini"),
        Filter.of("gen_ai.response.model", FilterOperator.NOT_EXISTS, FilterValueType.STRING, List.of()),
        Filter.exists("error.type"),
        Filter.number("gen_ai.usage.input_tokens", FilterOperator.GT, 100),
        Filter.number("gen_ai.usage.output_tokens", FilterOperator.BETWEEN, 5, 40),
        Filter.number("gen_ai.request.temperature", FilterOperator.LTE, 0.5),
        Filter.number("gen_ai.request.model", FilterOperator.GT, 1),
        Filter.number("resource.process.pid", FilterOperator.GT, 0),
        text("resource.deployment.environment", FilterOperator.EQUALS, "production"),
        text("span.gen_ai.provider.name", FilterOperator.EQUALS, "openai"),
        text("gen_ai.response.finish_reasons", FilterOperator.CONTAINS, "tool"),
        text("process.command_args", FilterOperator.ENDS_WITH, "app.js"),
        text("parent_span_id", FilterOperator.NOT_EXISTS),
        Filter.of("traceloop.span.kind", FilterOperator.EQUALS, FilterValueType.BOOLEAN, List.of(true)))) {
      sets.add(List.of(filter));
    }
    sets.add(List.of(Filter.equalsString("gen_ai.request.model", "gpt-4o"), text("kind", FilterOperator.EQUALS,
        "client")));
    sets.add(List.of(Filter.equalsString("service.name", "travel-agent"),
        text("gen_ai.request.model", FilterOperator.NOT_IN, "gpt-4o"), Filter.number("duration", FilterOperator.GT, 1)));
    return sets;
  }

  @ParameterizedTest
  @ValueSource(strings = {SampleTables.MAP_DATABASE, SampleTables.JSON_DATABASE})
  void traceSearchFindsExactlyWhatTheEvaluatorAccepts(String database) {
    try (ClickHouseTraceStore store = Stores.open(SampleTables.loaded(), database)) {
      List<Trace> all = traces(store.searchTraces(new TraceQuery(SampleTables.WINDOW, List.of(), ALL)).hits());
      assertThat(all).hasSize(29);
      int nonEmpty = 0;
      for (List<Filter> filters : filterSets()) {
        Set<String> expected = all.stream().filter(t -> FilterEvaluator.matches(t, filters)).map(Trace::traceId)
            .collect(Collectors.toCollection(TreeSet::new));
        List<Trace> found = traces(store.searchTraces(new TraceQuery(SampleTables.WINDOW, filters, ALL)).hits());
        assertThat(found).extracting(Trace::traceId).as("traces of %s", describe(filters))
            .containsExactlyInAnyOrderElementsOf(expected);
        nonEmpty += expected.isEmpty() || expected.size() == all.size() ? 0 : 1;
      }
      assertThat(nonEmpty).as("filters that separate the samples").isGreaterThanOrEqualTo(20);
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {SampleTables.MAP_DATABASE, SampleTables.JSON_DATABASE})
  void spanSearchFindsExactlyWhatTheEvaluatorAccepts(String database) {
    try (ClickHouseTraceStore store = Stores.open(SampleTables.loaded(), database)) {
      List<Span> all = store.searchSpans(new SpanQuery(SampleTables.WINDOW, List.of(), ALL)).spans();
      assertThat(all).hasSize(SampleTables.spans().size());
      for (List<Filter> filters : filterSets()) {
        Set<String> expected = all.stream().filter(s -> FilterEvaluator.matches(s, filters)).map(Span::spanId)
            .collect(Collectors.toCollection(TreeSet::new));
        List<Span> found = store.searchSpans(new SpanQuery(SampleTables.WINDOW, filters, ALL)).spans();
        assertThat(found).extracting(Span::spanId).as("spans of %s", describe(filters))
            .containsExactlyInAnyOrderElementsOf(expected);
      }
    }
  }

  private static Filter text(String field, FilterOperator operator, String... values) {
    return Filter.of(field, operator, FilterValueType.STRING, List.of(values));
  }

  private static List<Trace> traces(List<TraceHit> hits) {
    return hits.stream().map(Trace.class::cast).toList();
  }

  private static String describe(List<Filter> filters) {
    return filters.stream().map(Filter::describe).collect(Collectors.joining(" and "));
  }
}
