package dev.otelmcp.domain.query;

import static dev.otelmcp.domain.query.Fixtures.filter;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.otelmcp.domain.error.ErrorCode;
import dev.otelmcp.domain.error.InvalidQueryException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Filter.of: arity, operator/type compatibility and value conversion, with actionable errors. */
class FilterValidationTest {

  private static void assertRejected(ThrowingCallable call, String field, String... messageParts) {
    assertThatThrownBy(call)
        .isInstanceOfSatisfying(InvalidQueryException.class, e -> {
          assertThat(e.code()).isEqualTo(ErrorCode.INVALID_ARGUMENT);
          assertThat(e.getMessage()).contains("'" + field + "'").contains(messageParts);
          assertThat(e.hint()).isNotBlank();
        });
  }

  static Stream<Arguments> wrongArity() {
    return Stream.of(
        Arguments.of("exists", "string", List.of("x"), "takes no value"),
        Arguments.of("not_exists", "number", List.of(1, 2), "takes no value"),
        Arguments.of("between", "number", List.of(1), "exactly two"),
        Arguments.of("between", "number", List.of(1, 2, 3), "exactly two"),
        Arguments.of("between", "number", List.of(), "exactly two"),
        Arguments.of("in", "string", List.of(), "non-empty"),
        Arguments.of("not_in", "number", List.of(), "non-empty"),
        Arguments.of("equals", "string", List.of(), "exactly one"),
        Arguments.of("equals", "string", List.of("a", "b"), "exactly one"),
        Arguments.of("gt", "number", List.of(1, 2), "exactly one"),
        Arguments.of("contains", "string", List.of(), "exactly one"));
  }

  @ParameterizedTest(name = "{0} with {2}")
  @MethodSource
  void wrongArity(String op, String type, List<Object> values, String expectedText) {
    assertRejected(() -> filter("llm.usage.total_tokens", op, type, values.toArray()),
        "llm.usage.total_tokens", "'" + op + "'", expectedText);
  }

  static Stream<Arguments> operatorNotValidForType() {
    return Stream.of(
        Arguments.of("gt", "string", "a"),
        Arguments.of("lte", "string", "a"),
        Arguments.of("between", "string", List.of("a", "b")),
        Arguments.of("contains", "number", 1),
        Arguments.of("starts_with", "number", 1),
        Arguments.of("not_contains", "number", 1),
        Arguments.of("gt", "boolean", true),
        Arguments.of("in", "boolean", List.of(true)),
        Arguments.of("contains", "boolean", true));
  }

  @ParameterizedTest(name = "{0} on {1}")
  @MethodSource
  void operatorNotValidForType(String op, String type, Object value) {
    Object[] values = value instanceof List<?> list ? list.toArray() : new Object[] {value};
    assertThatThrownBy(() -> filter("gen_ai.request.model", op, type, values))
        .isInstanceOfSatisfying(InvalidQueryException.class, e -> {
          assertThat(e.getMessage())
              .contains("'gen_ai.request.model'")
              .contains("'" + op + "'")
              .contains("'" + type + "'");
          assertThat(e.hint()).startsWith("Operators for " + type + ": ");
        });
  }

  @Test
  void theHintListsTheOperatorsTheTypeAccepts() {
    assertThatThrownBy(() -> filter("enabled", "gt", "boolean", true))
        .isInstanceOfSatisfying(InvalidQueryException.class, e -> assertThat(e.hint())
            .isEqualTo("Operators for boolean: equals, not_equals, exists, not_exists."));
  }

  @ParameterizedTest(name = "number from {0}")
  @MethodSource("notNumbers")
  void nonNumericValuesAreRejectedForNumberFilters(Object value) {
    assertRejected(() -> Filter.of("duration", FilterOperator.GT, FilterValueType.NUMBER, List.of(value)),
        "duration", "is not a number");
  }

  static Stream<Object> notNumbers() {
    return Stream.of("abc", "", "  ", "12f", "1d", "0x10", "NaN", "Infinity", "1,5", true, Double.NaN,
        Double.POSITIVE_INFINITY);
  }

  @ParameterizedTest(name = "boolean from {0}")
  @MethodSource("notBooleans")
  void nonBooleanValuesAreRejectedForBooleanFilters(Object value) {
    assertRejected(() -> Filter.of("llm.is_streaming", FilterOperator.EQUALS, FilterValueType.BOOLEAN,
        List.of(value)), "llm.is_streaming", "is not a boolean");
  }

  static Stream<Object> notBooleans() {
    return Stream.of("yes", "1", "", 1, 0L, 1.0);
  }

  @Test
  void nullValueIsRejected() {
    assertRejected(() -> Filter.of("http.route", FilterOperator.EQUALS, FilterValueType.STRING,
        Arrays.asList((Object) null)), "http.route", "null value");
    assertRejected(() -> Filter.of("tokens", FilterOperator.IN, FilterValueType.NUMBER,
        Arrays.asList(1, null)), "tokens", "null value");
  }

  @Test
  void blankFieldIsRejectedWithAnExample() {
    for (String field : new String[] {null, "", "   "}) {
      assertThatThrownBy(() -> Filter.of(field, FilterOperator.EXISTS, FilterValueType.STRING, List.of()))
          .isInstanceOfSatisfying(InvalidQueryException.class, e -> {
            assertThat(e.getMessage()).isEqualTo("filter field is empty");
            assertThat(e.hint()).contains("gen_ai.request.model");
          });
    }
  }

  @Test
  void nullValueListMeansNoValues() {
    Filter exists = Filter.of("k", FilterOperator.EXISTS, FilterValueType.NUMBER, null);
    assertThat(exists.values()).isEmpty();
    assertRejected(() -> Filter.of("k", FilterOperator.EQUALS, FilterValueType.NUMBER, null), "k", "exactly one");
  }

  static Stream<Arguments> numberConversions() {
    return Stream.of(
        Arguments.of("953", 953.0),
        Arguments.of("  12 ", 12.0),
        Arguments.of("-0.5", -0.5),
        Arguments.of("1e3", 1000.0),
        Arguments.of(".25", 0.25),
        Arguments.of(5, 5.0),
        Arguments.of(7L, 7.0),
        Arguments.of(2.5f, 2.5),
        Arguments.of(new java.math.BigDecimal("1.75"), 1.75));
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @MethodSource
  void numberConversions(Object raw, double expected) {
    Filter f = Filter.of("tokens", FilterOperator.EQUALS, FilterValueType.NUMBER, List.of(raw));
    assertThat(f.value()).isEqualTo(expected);
  }

  static Stream<Arguments> stringConversions() {
    return Stream.of(
        Arguments.of("gpt-4", "gpt-4"),
        Arguments.of(" padded ", " padded "),
        Arguments.of(5, "5"),
        Arguments.of(5L, "5"),
        Arguments.of(5.0, "5"),
        Arguments.of(5.5, "5.5"),
        Arguments.of(-3.0, "-3"),
        Arguments.of(1e20, "1.0E20"),
        Arguments.of(true, "true"));
  }

  @ParameterizedTest(name = "{0} -> \"{1}\"")
  @MethodSource
  void stringConversions(Object raw, String expected) {
    Filter f = Filter.of("http.status_code", FilterOperator.EQUALS, FilterValueType.STRING, List.of(raw));
    assertThat(f.value()).isEqualTo(expected);
  }

  @Test
  void stringFilterGivenANumberMatchesTheNumberAttribute() {
    Filter five = Filter.of("retries", FilterOperator.EQUALS, FilterValueType.STRING, List.of(5.0));
    assertThat(FilterEvaluator.matches(Fixtures.spanWith("retries", 5L), five)).isTrue();
    assertThat(FilterEvaluator.matches(Fixtures.spanWith("retries", 5.0), five)).isTrue();
    assertThat(FilterEvaluator.matches(Fixtures.spanWith("retries", "5"), five)).isTrue();
    assertThat(FilterEvaluator.matches(Fixtures.spanWith("retries", 6L), five)).isFalse();
  }

  @Test
  void booleanConversions() {
    assertThat(filter("f", "equals", "boolean", "TRUE").value()).isEqualTo(true);
    assertThat(filter("f", "equals", "boolean", " false ").value()).isEqualTo(false);
    assertThat(filter("f", "not_equals", "boolean", Boolean.FALSE).value()).isEqualTo(false);
  }

  @Test
  void fieldIsTrimmedAndValuesAreImmutable() {
    List<Object> raw = new ArrayList<>(List.of("a", "b"));
    Filter f = Filter.of("  http.method ", FilterOperator.IN, FilterValueType.STRING, raw);
    raw.add("c");

    assertThat(f.field()).isEqualTo("http.method");
    assertThat(f.values()).containsExactly("a", "b");
    assertThatThrownBy(() -> f.values().add("d")).isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void convenienceFactoriesAndAccessors() {
    Filter model = Filter.equalsString("gen_ai.request.model", "gpt-4");
    Filter between = Filter.number("duration", FilterOperator.BETWEEN, 100, 200);
    Filter exists = Filter.exists("error.type");

    assertThat(model).isEqualTo(new Filter("gen_ai.request.model", FilterOperator.EQUALS, FilterValueType.STRING,
        List.of("gpt-4")));
    assertThat(between.values()).containsExactly(100.0, 200.0);
    assertThat(between.value()).isEqualTo(100.0);
    assertThat(exists.value()).isNull();
    assertThat(exists.operator()).isEqualTo(FilterOperator.EXISTS);
    assertThat(model.describe()).isEqualTo("gen_ai.request.model equals gpt-4");
    assertThat(between.describe()).isEqualTo("duration between [100.0, 200.0]");
    assertThat(exists.describe()).isEqualTo("error.type exists");
  }

  @Test
  void positiveFlipsOnlyNegativeOperators() {
    Filter notIn = filter("k", "not_in", "string", "a", "b");
    Filter gt = filter("k", "gt", "number", 1);

    assertThat(notIn.isNegative()).isTrue();
    assertThat(notIn.positive()).isEqualTo(filter("k", "in", "string", "a", "b"));
    assertThat(gt.isNegative()).isFalse();
    assertThat(gt.positive()).isSameAs(gt);
    assertThat(filter("k", "not_exists", "string").positive().operator()).isEqualTo(FilterOperator.EXISTS);
  }

  @Test
  void betweenNeedsItsLowerBoundFirst() {
    assertRejected(() -> Filter.of("duration_ms", FilterOperator.BETWEEN, FilterValueType.NUMBER, List.of(5, 1)),
        "duration_ms", "lower bound first", "[5.0, 1.0]");
    assertThat(Filter.of("duration_ms", FilterOperator.BETWEEN, FilterValueType.NUMBER, List.of(1, 1)).values())
        .containsExactly(1.0, 1.0);
  }

  @Test
  void statusAndKindValuesMustBeOnesSpansCanHave() {
    assertRejected(() -> Filter.of("status", FilterOperator.EQUALS, FilterValueType.STRING, List.of("FAILED")),
        "status", "'FAILED' is not one of UNSET, OK, ERROR");
    assertRejected(() -> Filter.of("span.kind", FilterOperator.IN, FilterValueType.STRING, List.of("client", "browser")),
        "span.kind", "'browser' is not one of UNSPECIFIED, INTERNAL, SERVER, CLIENT, PRODUCER, CONSUMER");
    assertThat(Filter.of("status", FilterOperator.EQUALS, FilterValueType.STRING, List.of("error")).values())
        .containsExactly("ERROR");
    assertThat(Filter.of("kind", FilterOperator.NOT_IN, FilterValueType.STRING, List.of("SPAN_KIND_SERVER", "3")).values())
        .containsExactly("SERVER", "CLIENT");
    assertThat(Filter.of("status", FilterOperator.CONTAINS, FilterValueType.STRING, List.of("ERR")).values())
        .as("a partial match is the caller's business").containsExactly("ERR");
  }
}
