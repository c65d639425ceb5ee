package dev.otelmcp.adapters.traceloop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.otelmcp.domain.error.UnsupportedQueryException;
import dev.otelmcp.domain.query.Filter;
import dev.otelmcp.domain.query.FilterOperator;
import dev.otelmcp.domain.query.FilterValueType;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The filter translation table, and everything the API is not trusted with. */
class SpanFiltersTest {

  private static Optional<Wire.WireFilter> translate(Filter filter) {
    return SpanFilters.translate(filter);
  }

  private static Filter text(String field, FilterOperator operator, String value) {
    return Filter.of(field, operator, FilterValueType.STRING, List.of(value));
  }

  @Test
  void intrinsicsUseTheRecordedFieldNames() {
    // As the reference sent them in the recordings.
    assertThat(translate(Filter.equalsString("service.name", "unknown-svc")))
        .contains(new Wire.WireFilter("service.name", "equals", "unknown-svc", "string"));
    assertThat(translate(Filter.equalsString("service_name", "travel-agent-demo2")))
        .contains(new Wire.WireFilter("service.name", "equals", "travel-agent-demo2", "string"));
    assertThat(translate(text("name", FilterOperator.NOT_EQUALS, "openai.chat")))
        .contains(new Wire.WireFilter("span_name", "not_equals", "openai.chat", "string"));
    assertThat(translate(Filter.equalsString("operation_name", "workflows")))
        .contains(new Wire.WireFilter("span_name", "equals", "workflows", "string"));
    assertThat(translate(Filter.number("duration", FilterOperator.GTE, 100)))
        .contains(new Wire.WireFilter("duration", "greater_than_or_equal", "100", "number"));
    assertThat(translate(Filter.number("duration_ms", FilterOperator.GT, 50)))
        .contains(new Wire.WireFilter("duration", "greater_than", "50", "number"));
    assertThat(translate(Filter.number("duration", FilterOperator.LT, 10)))
        .contains(new Wire.WireFilter("duration", "less_than", "10", "number"));
    assertThat(translate(Filter.number("duration", FilterOperator.LTE, 10)))
        .contains(new Wire.WireFilter("duration", "less_than_or_equal", "10", "number"));
    assertThat(translate(Filter.number("duration", FilterOperator.EQUALS, 0)))
        .contains(new Wire.WireFilter("duration", "equals", "0", "number"));
    assertThat(translate(Filter.number("duration", FilterOperator.NOT_EQUALS, 7)))
        .contains(new Wire.WireFilter("duration", "not_equals", "7", "number"));
  }

  @Test
  void llmAttributesUseTheApisNames() {
    assertThat(translate(Filter.equalsString("gen_ai.system", "openai")))
        .contains(new Wire.WireFilter("llm.vendor", "equals", "openai", "string"));
    assertThat(translate(Filter.equalsString("gen_ai.request.model", "gpt-4o-mini")))
        .contains(new Wire.WireFilter("llm.request.model", "equals", "gpt-4o-mini", "string"));
    assertThat(translate(Filter.equalsString("gen_ai.response.model", "gpt-4o-mini-2024-07-18")))
        .contains(new Wire.WireFilter("llm.response.model", "equals", "gpt-4o-mini-2024-07-18", "string"));
    assertThat(translate(Filter.equalsString("llm.vendor", "openai")))
        .contains(new Wire.WireFilter("llm.vendor", "equals", "openai", "string"));
    assertThat(translate(Filter.equalsString("traceloop.span.kind", "workflow")))
        .contains(new Wire.WireFilter("traceloop.span.kind", "equals", "workflow", "string"));
    assertThat(translate(Filter.equalsString("llm.agent.name", "Travel Planner Agent")))
        .contains(new Wire.WireFilter("llm.agent.name", "equals", "Travel Planner Agent", "string"));
    assertThat(translate(Filter.equalsString("span.http.method", "GET")))
        .contains(new Wire.WireFilter("span_attributes.http.method", "equals", "GET", "string"));
    assertThat(translate(Filter.equalsString("span.llm.system", "openai")))
        .contains(new Wire.WireFilter("llm.system", "equals", "openai", "string"));
  }

  @Test
  void whatTheApiCannotEvaluateExactlyIsLeftToTheApplication() {
    List<Filter> refused = List.of(
        Filter.of("status", FilterOperator.EQUALS, FilterValueType.STRING, List.of("ERROR")),
        Filter.equalsString("service.name", "unknown_service"),
        Filter.equalsString("name", ""),
        text("service.name", FilterOperator.CONTAINS, "travel"),
        Filter.of("name", FilterOperator.IN, FilterValueType.STRING, List.of("a", "b")),
        Filter.number("duration", FilterOperator.GTE, 99.5),
        Filter.number("duration", FilterOperator.BETWEEN, 1, 2),
        Filter.equalsString("kind", "CLIENT"),
        Filter.equalsString("trace_id", Fixtures.TRACE_ID),
        // gen_ai.operation.name is given back from llm.operation.name, but a span may carry both with other values.
        Filter.equalsString("gen_ai.operation.name", "chat"),
        // Other gen_ai keys: renamed by the API, invisible to the domain under the asked key.
        Filter.equalsString("gen_ai.provider.name", "openai"),
        Filter.equalsString("llm.system", "openai"),
        // Plain keys: the domain also finds them among resource attributes.
        Filter.equalsString("http.method", "GET"),
        Filter.equalsString("resource.telemetry.sdk.language", "python"),
        // Values the typed attribute would render differently.
        Filter.equalsString("llm.request.temperature", "0.700000"),
        Filter.equalsString("llm.usage.total_tokens", "2657"),
        Filter.equalsString("llm.request.functions", "[\"a\"]"),
        // Kept by the API in separate columns.
        Filter.equalsString("llm.completions.0.finish_reason", "stop"),
        Filter.equalsString("traceloop.entity.input", "x"),
        // Negations and comparisons of attributes: the API's handling is not documented.
        text("llm.vendor", FilterOperator.NOT_EQUALS, "openai"),
        Filter.number("llm.usage.total_tokens", FilterOperator.GT, 1000),
        Filter.of("llm.is_streaming", FilterOperator.EQUALS, FilterValueType.BOOLEAN, List.of(true)),
        Filter.exists("llm.vendor"));

    assertThat(refused).allSatisfy(f -> assertThat(SpanFilters.evaluates(f)).as(f.describe()).isFalse());
    assertThatThrownBy(() -> SpanFilters.translateAll(refused.subList(0, 1)))
        .isInstanceOf(UnsupportedQueryException.class).hasMessageContaining("status equals ERROR");
  }
}
