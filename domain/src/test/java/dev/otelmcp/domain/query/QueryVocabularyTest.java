package dev.otelmcp.domain.query;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The wire vocabulary: operator and value-type names, arities, and intrinsic field spellings. */
class QueryVocabularyTest {

  @Test
  void theFifteenOperatorsHaveTheReferenceWireNames() {
    assertThat(Arrays.stream(FilterOperator.values()).map(FilterOperator::wireName)).containsExactly(
        "equals", "not_equals", "contains", "not_contains", "starts_with", "ends_with", "in", "not_in",
        "gt", "lt", "gte", "lte", "between", "exists", "not_exists");
    assertThat(FilterOperator.wireNames()).startsWith("equals, not_equals, contains").endsWith("exists, not_exists");
  }

  @ParameterizedTest(name = "{0}: arity {1}, negative {2}, positive {3}")
  @CsvSource(textBlock = """
      equals,       ONE,  false, equals
      not_equals,   ONE,  true,  equals
      contains,     ONE,  false, contains
      not_contains, ONE,  true,  contains
      starts_with,  ONE,  false, starts_with
      ends_with,    ONE,  false, ends_with
      in,           MANY, false, in
      not_in,       MANY, true,  in
      gt,           ONE,  false, gt
      lt,           ONE,  false, lt
      gte,          ONE,  false, gte
      lte,          ONE,  false, lte
      between,      TWO,  false, between
      exists,       NONE, false, exists
      not_exists,   NONE, true,  exists
      """)
  void arityNegationAndPositiveCounterpart(String wire, FilterOperator.Arity arity, boolean negative, String positive) {
    FilterOperator op = FilterOperator.parse(wire).orElseThrow();
    assertThat(op.arity()).isEqualTo(arity);
    assertThat(op.isNegative()).isEqualTo(negative);
    assertThat(op.positive().wireName()).isEqualTo(positive);
  }

  @Test
  void operatorParsingIgnoresCaseAndSpacesButNotTypos() {
    assertThat(FilterOperator.parse(" NOT_EQUALS ")).contains(FilterOperator.NOT_EQUALS);
    assertThat(FilterOperator.parse("Between")).contains(FilterOperator.BETWEEN);
    assertThat(FilterOperator.parse("not-equals")).isEmpty();
    assertThat(FilterOperator.parse("==")).isEmpty();
    assertThat(FilterOperator.parse(null)).isEmpty();
  }

  @Test
  void eachValueTypeSupportsExactlyItsOperators() {
    assertThat(FilterValueType.STRING.operators()).isEqualTo(EnumSet.of(
        FilterOperator.EQUALS, FilterOperator.NOT_EQUALS, FilterOperator.CONTAINS, FilterOperator.NOT_CONTAINS,
        FilterOperator.STARTS_WITH, FilterOperator.ENDS_WITH, FilterOperator.IN, FilterOperator.NOT_IN,
        FilterOperator.EXISTS, FilterOperator.NOT_EXISTS));
    assertThat(FilterValueType.NUMBER.operators()).isEqualTo(EnumSet.of(
        FilterOperator.EQUALS, FilterOperator.NOT_EQUALS, FilterOperator.IN, FilterOperator.NOT_IN,
        FilterOperator.GT, FilterOperator.LT, FilterOperator.GTE, FilterOperator.LTE, FilterOperator.BETWEEN,
        FilterOperator.EXISTS, FilterOperator.NOT_EXISTS));
    assertThat(FilterValueType.BOOLEAN.operators()).isEqualTo(EnumSet.of(
        FilterOperator.EQUALS, FilterOperator.NOT_EQUALS, FilterOperator.EXISTS, FilterOperator.NOT_EXISTS));
    assertThat(FilterValueType.NUMBER.supports(FilterOperator.CONTAINS)).isFalse();
    assertThat(FilterValueType.STRING.supports(FilterOperator.GT)).isFalse();
  }

  @Test
  void valueTypeNames() {
    assertThat(Arrays.stream(FilterValueType.values()).map(FilterValueType::wireName))
        .containsExactly("string", "number", "boolean");
    assertThat(FilterValueType.parse("Number")).contains(FilterValueType.NUMBER);
    assertThat(FilterValueType.parse(" boolean ")).contains(FilterValueType.BOOLEAN);
    assertThat(FilterValueType.parse("int")).isEmpty();
    assertThat(FilterValueType.parse(null)).isEmpty();
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(textBlock = """
      service.name,            SERVICE_NAME
      Service_Name,            SERVICE_NAME
      resource.service.name,   SERVICE_NAME
      operation_name,          NAME
      span.name,               NAME
      duration,                DURATION
      DURATION_MS,             DURATION
      status,                  STATUS
      otel.status_code,        STATUS
      status.message,          STATUS_MESSAGE
      otel.status_description, STATUS_MESSAGE
      span.kind,               KIND
      traceID,                 TRACE_ID
      span_id,                 SPAN_ID
      parent_id,               PARENT_SPAN_ID
      """)
  void intrinsicSpellings(String spelling, IntrinsicField expected) {
    assertThat(IntrinsicField.parse(spelling)).contains(expected);
  }

  @Test
  void intrinsicMetadata() {
    assertThat(IntrinsicField.parse("gen_ai.system")).isEmpty();
    assertThat(IntrinsicField.parse("duration.ms")).isEmpty();
    assertThat(IntrinsicField.parse(null)).isEmpty();
    assertThat(IntrinsicField.DURATION.canonicalName()).isEqualTo("duration");
    assertThat(IntrinsicField.DURATION.spellings()).containsExactly("duration", "duration_ms");
    assertThat(IntrinsicField.SERVICE_NAME.canonicalName()).isEqualTo("service.name");
    assertThat(Arrays.stream(IntrinsicField.values()).filter(IntrinsicField::caseInsensitive))
        .containsExactlyInAnyOrder(IntrinsicField.STATUS, IntrinsicField.KIND, IntrinsicField.TRACE_ID,
            IntrinsicField.SPAN_ID, IntrinsicField.PARENT_SPAN_ID);
  }

  @Test
  void filtersEqualsValueFindsTheFirstStringEqualsUnderAnySpelling() {
    List<Filter> filters = List.of(
        Fixtures.filter("service.name", "not_equals", "string", "skip-me"),
        Fixtures.filter("service_name", "in", "string", "skip-me-too"),
        Fixtures.eq("gen_ai.system", "openai"),
        Fixtures.eq("service_name", "checkout"),
        Fixtures.eq("service.name", "second"));

    assertThat(Filters.equalsValue(filters, IntrinsicField.SERVICE_NAME)).contains("checkout");
    assertThat(Filters.equalsValue(filters, IntrinsicField.NAME)).isEmpty();
    assertThat(Filters.equalsValue(List.of(Filter.number("duration", FilterOperator.EQUALS, 5)),
        IntrinsicField.DURATION)).isEmpty();
    assertThat(Filters.isOn(Fixtures.eq("operation", "x"), IntrinsicField.NAME)).isTrue();
    assertThat(Filters.isOn(Fixtures.eq("operation", "x"), IntrinsicField.SERVICE_NAME)).isFalse();
    assertThat(Filters.isOn(Fixtures.eq("llm.vendor", "x"), IntrinsicField.SERVICE_NAME)).isFalse();
  }
}
