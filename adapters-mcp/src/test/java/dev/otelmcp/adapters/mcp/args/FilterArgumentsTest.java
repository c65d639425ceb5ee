package dev.otelmcp.adapters.mcp.args;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.otelmcp.domain.error.InvalidQueryException;
import dev.otelmcp.domain.query.Filter;
import dev.otelmcp.domain.query.FilterOperator;
import dev.otelmcp.domain.query.FilterValueType;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class FilterArgumentsTest {

  @Test
  void readsTheReferenceFilterShape() {
    List<Filter> filters = FilterArguments.parse(List.of(
        Map.of("field", "gen_ai.usage.total_tokens", "operator", "gt", "value", 5000, "value_type", "number"),
        Map.of("field", "gen_ai.request.model", "operator", "in", "values", List.of("gpt-4o", "gpt-4o-mini"),
            "value_type", "string"),
        Map.of("field", "llm.request.temperature", "operator", "exists", "value_type", "string"),
        Map.of("field", "llm.is_streaming", "operator", "equals", "value", true, "value_type", "boolean")));

    assertThat(filters).extracting(Filter::operator).containsExactly(
        FilterOperator.GT, FilterOperator.IN, FilterOperator.EXISTS, FilterOperator.EQUALS);
    assertThat(filters.get(0).values()).containsExactly(5000.0);
    assertThat(filters.get(1).values()).containsExactly("gpt-4o", "gpt-4o-mini");
    assertThat(filters.get(3).values()).containsExactly(true);
  }

  @Test
  void valueTypeDefaultsToTheJsonTypeOfTheValue() {
    List<Filter> filters = FilterArguments.parse(List.of(
        Map.of("field", "duration_ms", "operator", "between", "values", List.of(10, 20)),
        Map.of("field", "llm.is_streaming", "operator", "equals", "value", false),
        Map.of("field", "name", "operator", "starts_with", "value", "openai.")));

    assertThat(filters).extracting(Filter::valueType).containsExactly(
        FilterValueType.NUMBER, FilterValueType.BOOLEAN, FilterValueType.STRING);
  }

  @Test
  void errorsNameTheFilterByPosition() {
    assertThatThrownBy(() -> FilterArguments.parse(List.of(
        Map.of("field", "a", "operator", "equals", "value", "x"),
        Map.of("field", "b", "operator", "almost", "value", "x"))))
        .isInstanceOf(InvalidQueryException.class)
        .hasMessage("filters[1].operator 'almost' is not an operator")
        .satisfies(e -> assertThat(((InvalidQueryException) e).hint()).contains("not_exists"));
    assertThatThrownBy(() -> FilterArguments.parse(List.of(Map.of("operator", "equals", "value", "x"))))
        .hasMessage("filters[0].field is required");
    assertThatThrownBy(() -> FilterArguments.parse(List.of(Map.of("field", "a", "operator", "gt", "value", "x",
        "value_type", "number"))))
        .hasMessageStartingWith("filters[0]: ")
        .hasMessageContaining("not a number");
    assertThatThrownBy(() -> FilterArguments.parse(List.of(Map.of("field", "a", "operator", "between", "values", List.of(1)))))
        .hasMessageStartingWith("filters[0]: ")
        .hasMessageContaining("two");
    assertThatThrownBy(() -> FilterArguments.parse(List.of(Map.of("field", "a", "operator", "equals", "value", "x", "valu", 1))))
        .hasMessage("filters[0] has an unknown key 'valu'");
  }

  @Test
  void commonParametersBecomeFiltersWithReferenceSemantics() {
    Arguments arguments = new Arguments(Map.of(
        "service_name", "checkout", "operation_name", "openai.chat", "min_duration_ms", 100, "max_duration_ms", 5000,
        "has_error", false, "gen_ai_system", "openai", "gen_ai_request_model", "gpt-4o", "tags", Map.of("env", "prod")),
        SearchParameters.criteria().propertyNames());

    assertThat(SearchParameters.filters(arguments)).extracting(Filter::describe).containsExactly(
        "service.name equals checkout",
        "name equals openai.chat",
        "duration gte 100.0",
        "duration lte 5000.0",
        "status not_equals ERROR",
        "gen_ai.system equals openai",
        "gen_ai.request.model equals gpt-4o",
        "env equals prod");
  }

  @Test
  void criteriaDeclareEveryReferenceParameter() {
    assertThat(SearchParameters.criteria().propertyNames()).containsAll(Set.of(
        "start_time", "end_time", "service_name", "operation_name", "min_duration_ms", "max_duration_ms",
        "gen_ai_system", "gen_ai_request_model", "gen_ai_response_model", "has_error", "tags", "filters"));
  }
}
