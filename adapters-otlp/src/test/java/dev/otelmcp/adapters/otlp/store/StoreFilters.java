package dev.otelmcp.adapters.otlp.store;

import dev.otelmcp.domain.query.Filter;
import dev.otelmcp.domain.query.FilterOperator;
import dev.otelmcp.domain.query.FilterValueType;
import java.util.List;

/** Filters covering every operator and value type over {@link SyntheticTraces}' fields. */
final class StoreFilters {

  private StoreFilters() {}

  static Filter of(String field, FilterOperator operator, FilterValueType type, Object... values) {
    return Filter.of(field, operator, type, List.of(values));
  }

  static List<Filter> everyOperator() {
    FilterValueType s = FilterValueType.STRING;
    FilterValueType n = FilterValueType.NUMBER;
    FilterValueType b = FilterValueType.BOOLEAN;
    return List.of(
        of("service.name", FilterOperator.EQUALS, s, "support-bot"),
        of("service.name", FilterOperator.IN, s, "support-bot", "search-rag"),
        of("service.name", FilterOperator.NOT_EQUALS, s, "support-bot"),
        of("name", FilterOperator.EQUALS, s, "GET /health"),
        of("operation_name", FilterOperator.STARTS_WITH, s, "openai"),
        of("gen_ai.request.model", FilterOperator.EQUALS, s, "gpt-4o"),
        of("gen_ai.request.model", FilterOperator.IN, s, "o3-mini", "llama-3.1-70b"),
        of("gen_ai.request.model", FilterOperator.NOT_IN, s, "gpt-4o", "gpt-4o-mini"),
        of("gen_ai.request.model", FilterOperator.NOT_EQUALS, s, "gpt-4o"),
        of("gen_ai.request.model", FilterOperator.CONTAINS, s, "4o"),
        of("gen_ai.request.model", FilterOperator.NOT_CONTAINS, s, "gpt"),
        of("gen_ai.response.model", FilterOperator.ENDS_WITH, s, "08-06"),
        of("gen_ai.system", FilterOperator.EQUALS, s, "openai"),
        of("gen_ai.system", FilterOperator.EQUALS, s, "OpenAI"),
        of("llm.vendor", FilterOperator.EQUALS, s, "openai"),
        of("gen_ai.response.finish_reasons", FilterOperator.EQUALS, s, "tool_calls"),
        of("resource.deployment.environment", FilterOperator.EQUALS, s, "staging"),
        of("span.deployment.environment", FilterOperator.EXISTS, s),
        of("deployment.environment", FilterOperator.EQUALS, s, "prod"),
        of("gen_ai.usage.cache_read_input_tokens", FilterOperator.EXISTS, s),
        of("gen_ai.usage.cache_read_input_tokens", FilterOperator.NOT_EXISTS, s),
        of("gen_ai.usage.input_tokens", FilterOperator.GT, n, 3000),
        of("gen_ai.usage.input_tokens", FilterOperator.LT, n, 100),
        of("gen_ai.usage.input_tokens", FilterOperator.EQUALS, s, "1234"),
        of("gen_ai.usage.output_tokens", FilterOperator.GTE, n, 700),
        of("gen_ai.usage.output_tokens", FilterOperator.LTE, n, 20),
        of("gen_ai.usage.output_tokens", FilterOperator.BETWEEN, n, 200, 300),
        of("gen_ai.usage.output_tokens", FilterOperator.IN, n, 10, 11, 12, 13),
        of("gen_ai.usage.output_tokens", FilterOperator.NOT_IN, n, 10, 11, 12, 13),
        of("gen_ai.usage.output_tokens", FilterOperator.NOT_EQUALS, n, 100),
        of("gen_ai.request.temperature", FilterOperator.EQUALS, n, 0.7),
        of("http.response.status_code", FilterOperator.EQUALS, n, 502),
        of("http.response.status_code", FilterOperator.EQUALS, s, "502"),
        of("llm.is_streaming", FilterOperator.EQUALS, b, true),
        of("llm.is_streaming", FilterOperator.NOT_EQUALS, b, false),
        of("llm.is_streaming", FilterOperator.EXISTS, b),
        of("duration", FilterOperator.GT, n, 2500),
        of("duration", FilterOperator.LT, n, 300),
        of("duration_ms", FilterOperator.BETWEEN, n, 500, 1500),
        of("duration", FilterOperator.EQUALS, n, 1000),
        of("status", FilterOperator.EQUALS, s, "error"),
        of("status.message", FilterOperator.CONTAINS, s, "429"),
        of("kind", FilterOperator.EQUALS, s, "client"),
        of("span_count", FilterOperator.GTE, n, 7),
        of("user.id", FilterOperator.EQUALS, s, "user-42"),
        of("traceloop.entity.name", FilterOperator.IN, s, "run_sql", "get_weather"),
        of("nonexistent.key", FilterOperator.NOT_EXISTS, s),
        of("nonexistent.key", FilterOperator.EQUALS, s, "x"));
  }
}
