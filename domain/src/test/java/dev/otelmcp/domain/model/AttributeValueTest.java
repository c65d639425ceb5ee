package dev.otelmcp.domain.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/** The lenient readers of every attribute variant. */
class AttributeValueTest {

  @ParameterizedTest(name = "\"{0}\" as number -> {1}")
  @CsvSource(delimiter = ';', nullValues = "EMPTY", textBlock = """
      953;       953
      '  12 ';   12
      -0.5;      -0.5
      +3;        3
      1e3;       1000
      2.5E-1;    0.25
      .5;        0.5
      7.;        7
      '';        EMPTY
      '   ';     EMPTY
      abc;       EMPTY
      12f;       EMPTY
      12d;       EMPTY
      0x10;      EMPTY
      0x1p3;     EMPTY
      NaN;       EMPTY
      Infinity;  EMPTY
      -Infinity; EMPTY
      1,000;     EMPTY
      1 000;     EMPTY
      """)
  void stringAsNumber(String text, Double expected) {
    AttributeValue value = AttributeValue.of(text);
    if (expected == null) {
      assertThat(value.asNumber()).isEmpty();
    } else {
      assertThat(value.asNumber()).hasValue(expected);
    }
  }

  @ParameterizedTest(name = "\"{0}\" as boolean -> {1}")
  @CsvSource(delimiter = ';', nullValues = "EMPTY", textBlock = """
      true;      true
      TRUE;      true
      ' True ';  true
      false;     false
      FALSE;     false
      ' false '; false
      '';        EMPTY
      yes;       EMPTY
      1;         EMPTY
      0;         EMPTY
      falsy;     EMPTY
      """)
  void stringAsBoolean(String text, Boolean expected) {
    if (expected == null) {
      assertThat(AttributeValue.of(text).asBoolean()).isEmpty();
    } else {
      assertThat(AttributeValue.of(text).asBoolean()).contains(expected);
    }
  }

  @Test
  void stringsAreTextAsTheyAre() {
    AttributeValue value = AttributeValue.of("  12 ");
    assertThat(value.asText()).isEqualTo("  12 ");
    assertThat(value.toJava()).isEqualTo("  12 ");
    assertThat(AttributeValue.of("").asText()).isEmpty();
    assertThat(AttributeValue.of("").toJava()).isEqualTo("");
    assertThatThrownBy(() -> AttributeValue.of((String) null)).isInstanceOf(NullPointerException.class);
  }

  @Test
  void longs() {
    AttributeValue value = AttributeValue.of(-42L);
    assertThat(value).isInstanceOf(AttributeValue.LongValue.class);
    assertThat(value.asText()).isEqualTo("-42");
    assertThat(value.asNumber()).hasValue(-42.0);
    assertThat(value.asBoolean()).isEmpty();
    assertThat(value.toJava()).isEqualTo(-42L);
    assertThat(AttributeValue.of(Long.MAX_VALUE).asText()).isEqualTo("9223372036854775807");
  }

  static Stream<Arguments> doubles() {
    return Stream.of(
        Arguments.of(0.7, "0.7", 0.7, 0.7),
        Arguments.of(5.0, "5", 5.0, 5.0),
        Arguments.of(-3.0, "-3", -3.0, -3.0),
        Arguments.of(1500.25, "1500.25", 1500.25, 1500.25),
        Arguments.of(1e20, "1.0E20", 1e20, 1e20),
        Arguments.of(Double.NaN, "NaN", null, "NaN"),
        Arguments.of(Double.POSITIVE_INFINITY, "Infinity", null, "Infinity"),
        Arguments.of(Double.NEGATIVE_INFINITY, "-Infinity", null, "-Infinity"));
  }

  @ParameterizedTest(name = "{0} -> \"{1}\"")
  @MethodSource
  void doubles(double raw, String text, Double number, Object java) {
    AttributeValue value = AttributeValue.of(raw);
    assertThat(value.asText()).isEqualTo(text);
    if (number == null) {
      assertThat(value.asNumber()).isEmpty();
    } else {
      assertThat(value.asNumber()).hasValue(number);
    }
    assertThat(value.asBoolean()).isEmpty();
    assertThat(value.toJava()).isEqualTo(java);
  }

  @Test
  void booleans() {
    assertThat(AttributeValue.of(true).asText()).isEqualTo("true");
    assertThat(AttributeValue.of(false).asBoolean()).contains(false);
    assertThat(AttributeValue.of(true).asNumber()).isEmpty();
    assertThat(AttributeValue.of(false).toJava()).isEqualTo(Boolean.FALSE);
  }

  @Test
  void bytesStayBase64() {
    AttributeValue bytes = new AttributeValue.BytesValue("3q2+7w==");
    assertThat(bytes.asText()).isEqualTo("3q2+7w==");
    assertThat(bytes.toJava()).isEqualTo("3q2+7w==");
    assertThat(bytes.asNumber()).isEmpty();
    assertThat(bytes.asBoolean()).isEmpty();
  }

  @Test
  void arraysRenderTheirElementsAndAreImmutableCopies() {
    List<AttributeValue> elements = new ArrayList<>(List.of(
        AttributeValue.of("stop"), AttributeValue.of(3L), AttributeValue.of(0.5), AttributeValue.of(true)));
    AttributeValue array = AttributeValue.ofList(elements);
    elements.clear();

    assertThat(array.asText()).isEqualTo("[stop,3,0.5,true]");
    assertThat(array.toJava()).isEqualTo(List.of("stop", 3L, 0.5, true));
    assertThat(array.asNumber()).isEmpty();
    assertThat(array.asBoolean()).isEmpty();
    assertThat(((AttributeValue.ArrayValue) array).values()).hasSize(4);
    assertThat(AttributeValue.ofList(List.of()).asText()).isEqualTo("[]");
    assertThat(AttributeValue.ofList(List.of(AttributeValue.of("1"))).asNumber()).isEmpty();
  }

  @Test
  void mapsKeepInsertionOrder() {
    Map<String, AttributeValue> entries = new LinkedHashMap<>();
    entries.put("z", AttributeValue.of(1L));
    entries.put("a", AttributeValue.ofList(List.of(AttributeValue.of("x"))));
    AttributeValue map = new AttributeValue.MapValue(entries);
    entries.put("late", AttributeValue.of("ignored"));

    assertThat(map.asText()).isEqualTo("{z=1,a=[x]}");
    assertThat(map.toJava()).isEqualTo(Map.of("z", 1L, "a", List.of("x")));
    assertThat(List.copyOf(((Map<?, ?>) map.toJava()).keySet())).isEqualTo(List.of("z", "a"));
    assertThat(map.asNumber()).isEmpty();
    assertThat(map.asBoolean()).isEmpty();
  }

  @Test
  void valuesAreComparedByTypeAndContent() {
    assertThat(AttributeValue.of("5")).isEqualTo(AttributeValue.of("5")).isNotEqualTo(AttributeValue.of(5L));
    assertThat(AttributeValue.of(5L)).isNotEqualTo(AttributeValue.of(5.0));
  }
}
