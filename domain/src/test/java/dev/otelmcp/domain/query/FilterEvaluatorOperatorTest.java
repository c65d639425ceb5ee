package dev.otelmcp.domain.query;

import static dev.otelmcp.domain.query.Fixtures.filter;
import static org.assertj.core.api.Assertions.assertThat;

import dev.otelmcp.domain.model.AttributeValue;
import dev.otelmcp.domain.model.Attributes;
import dev.otelmcp.domain.model.Span;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/** The 15 operators against the three value types, on one span with typed and string-encoded attributes. */
class FilterEvaluatorOperatorTest {

  private static final Span SPAN = Fixtures.span("00000000000000b1")
      .duration(Duration.ofMillis(1500))
      .attributes(Attributes.builder()
          .put("model", "gpt-4o-mini")
          .put("tokens", AttributeValue.of(953L))
          .put("temperature", AttributeValue.of(0.7))
          .put("tokens_str", "953")
          .put("padded", "  12 ")
          .put("streaming", AttributeValue.of(true))
          .put("cached", "false")
          .put("upper_flag", "TRUE")
          .put("empty", "")
          .build())
      .build();

  private static boolean eval(String field, String op, String type, String values) {
    Object[] parsed = values == null ? new Object[0] : values.split("\\|", -1);
    return FilterEvaluator.matches(SPAN, filter(field, op, type, parsed));
  }

  @ParameterizedTest(name = "{0} {1} {2} -> {3}")
  @CsvSource(delimiter = ';', nullValues = "NONE", textBlock = """
      equals;       gpt-4o-mini;        true
      equals;       GPT-4o-mini;        false
      equals;       gpt-4o;             false
      not_equals;   gpt-4o;             true
      not_equals;   gpt-4o-mini;        false
      contains;     4o-m;               true
      contains;     4O-M;               false
      contains;     claude;             false
      not_contains; claude;             true
      not_contains; 4o;                 false
      starts_with;  gpt-;               true
      starts_with;  mini;               false
      ends_with;    -mini;              true
      ends_with;    gpt;                false
      in;           gpt-4|gpt-4o-mini;  true
      in;           gpt-4|claude;       false
      not_in;       gpt-4|claude;       true
      not_in;       claude|gpt-4o-mini; false
      exists;       NONE;               true
      not_exists;   NONE;               false
      """)
  void stringOperatorsAreCaseSensitive(String op, String values, boolean expected) {
    assertThat(eval("model", op, "string", values)).isEqualTo(expected);
  }

  @ParameterizedTest(name = "{0} {1} {2} -> {3}")
  @CsvSource(delimiter = ';', nullValues = "NONE", textBlock = """
      tokens;      equals;     953;       true
      tokens;      equals;     952;       false
      tokens;      not_equals; 952;       true
      tokens;      not_equals; 953;       false
      tokens;      in;         1|953;     true
      tokens;      in;         1|2;       false
      tokens;      not_in;     1|2;       true
      tokens;      not_in;     2|953;     false
      tokens;      gt;         952;       true
      tokens;      gt;         953;       false
      tokens;      lt;         954;       true
      tokens;      lt;         953;       false
      tokens;      gte;        953;       true
      tokens;      gte;        953.5;     false
      tokens;      lte;        953;       true
      tokens;      lte;        952.9;     false
      tokens;      between;    900|953;   true
      tokens;      between;    953|1000;  true
      tokens;      between;    953|953;   true
      tokens;      between;    954|2000;  false
      tokens;      between;    0|952;     false
      tokens;      exists;     NONE;      true
      tokens;      not_exists; NONE;      false
      temperature; equals;     0.7;       true
      temperature; gt;         0.5;       true
      temperature; lt;         0.7;       false
      temperature; between;    0|1;       true
      tokens_str;  equals;     953;       true
      tokens_str;  gt;         900;       true
      tokens_str;  lt;         1000;      true
      tokens_str;  gt;         1000;      false
      tokens_str;  in;         953|954;   true
      padded;      equals;     12;        true
      padded;      lte;        12;        true
      model;       gt;         0;         false
      model;       lt;         0;         false
      model;       not_equals; 5;         true
      empty;       equals;     0;         false
      empty;       exists;     NONE;      true
      """)
  void numberOperatorsCompareNumericallyIncludingNumericStrings(
      String field, String op, String values, boolean expected) {
    assertThat(eval(field, op, "number", values)).isEqualTo(expected);
  }

  @Test
  void numericStringsCompareAsNumbersNotAsText() {
    // As text "953" < "98"; as numbers 953 > 98.
    assertThat(FilterEvaluator.matches(SPAN, Filter.number("tokens_str", FilterOperator.GT, 98))).isTrue();
    assertThat(FilterEvaluator.matches(SPAN, Filter.number("tokens_str", FilterOperator.LT, 98))).isFalse();
    assertThat(FilterEvaluator.matches(SPAN, Filter.number("tokens_str", FilterOperator.EQUALS, 953.0))).isTrue();
  }

  @ParameterizedTest(name = "{0} {1} {2} -> {3}")
  @CsvSource(delimiter = ';', nullValues = "NONE", textBlock = """
      streaming;  equals;     true;  true
      streaming;  equals;     false; false
      streaming;  not_equals; false; true
      streaming;  not_equals; true;  false
      streaming;  exists;     NONE;  true
      streaming;  not_exists; NONE;  false
      cached;     equals;     false; true
      cached;     equals;     true;  false
      cached;     not_equals; true;  true
      cached;     not_equals; false; false
      upper_flag; equals;     true;  true
      model;      equals;     true;  false
      model;      equals;     false; false
      model;      not_equals; true;  true
      tokens;     equals;     true;  false
      """)
  void booleanOperatorsReadTheStringFalseAsFalse(String field, String op, String values, boolean expected) {
    assertThat(eval(field, op, "boolean", values)).isEqualTo(expected);
  }

  @Test
  void stringFalseIsNotTruthyAsInTheReference() {
    // upstream §6.2 item 12: Python's bool("false") is True.
    Filter isTrue = Filter.of("cached", FilterOperator.EQUALS, FilterValueType.BOOLEAN, List.of(Boolean.TRUE));
    Filter isFalse = Filter.of("cached", FilterOperator.EQUALS, FilterValueType.BOOLEAN, List.of(Boolean.FALSE));

    assertThat(FilterEvaluator.matches(SPAN, isTrue)).isFalse();
    assertThat(FilterEvaluator.matches(SPAN, isFalse)).isTrue();
  }

  static Stream<Arguments> everyOperatorOnAMissingAttribute() {
    return Stream.of(
        Arguments.of("equals", "string", new Object[] {"x"}, false),
        Arguments.of("not_equals", "string", new Object[] {"x"}, true),
        Arguments.of("contains", "string", new Object[] {"x"}, false),
        Arguments.of("not_contains", "string", new Object[] {"x"}, true),
        Arguments.of("starts_with", "string", new Object[] {"x"}, false),
        Arguments.of("ends_with", "string", new Object[] {"x"}, false),
        Arguments.of("in", "string", new Object[] {"x", "y"}, false),
        Arguments.of("not_in", "string", new Object[] {"x", "y"}, true),
        Arguments.of("gt", "number", new Object[] {0}, false),
        Arguments.of("lt", "number", new Object[] {0}, false),
        Arguments.of("gte", "number", new Object[] {0}, false),
        Arguments.of("lte", "number", new Object[] {0}, false),
        Arguments.of("between", "number", new Object[] {-1e9, 1e9}, false),
        Arguments.of("exists", "boolean", new Object[] {}, false),
        Arguments.of("not_exists", "boolean", new Object[] {}, true),
        Arguments.of("equals", "number", new Object[] {0}, false),
        Arguments.of("not_equals", "number", new Object[] {0}, true),
        Arguments.of("not_in", "number", new Object[] {0, 1}, true),
        Arguments.of("equals", "boolean", new Object[] {false}, false),
        Arguments.of("not_equals", "boolean", new Object[] {false}, true));
  }

  @ParameterizedTest(name = "absent {0} ({1}) -> {3}")
  @MethodSource
  void everyOperatorOnAMissingAttribute(String op, String type, Object[] values, boolean expected) {
    // Negative operators are the complement of the positive ones, so a span lacking the key satisfies them.
    assertThat(FilterEvaluator.matches(SPAN, filter("no.such.key", op, type, values))).isEqualTo(expected);
  }

  @Test
  void everyFilterInTheListMustHold() {
    Filter model = Filter.equalsString("model", "gpt-4o-mini");
    Filter tokens = Filter.number("tokens", FilterOperator.GT, 900);
    Filter tooMany = Filter.number("tokens", FilterOperator.GT, 1000);

    assertThat(FilterEvaluator.matches(SPAN, List.of(model, tokens))).isTrue();
    assertThat(FilterEvaluator.matches(SPAN, List.of(model, tooMany))).isFalse();
    assertThat(FilterEvaluator.matches(SPAN, List.of())).isTrue();
  }

  @Test
  void testAppliesTheComplementToRawValueLists() {
    Filter notIn = filter("k", "not_in", "string", "a", "b");
    List<AttributeValue> hasB = List.of(AttributeValue.of("c"), AttributeValue.of("b"));

    assertThat(FilterEvaluator.test(notIn, hasB)).isFalse();
    assertThat(FilterEvaluator.test(notIn, List.of(AttributeValue.of("c")))).isTrue();
    assertThat(FilterEvaluator.test(notIn, List.of())).isTrue();
    assertThat(FilterEvaluator.test(filter("k", "in", "string", "a", "b"), hasB)).isTrue();
  }
}
