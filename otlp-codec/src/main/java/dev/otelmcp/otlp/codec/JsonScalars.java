package dev.otelmcp.otlp.codec;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.OptionalDouble;
import java.util.OptionalLong;

/**
 * Reading the scalars of proto3 JSON leniently: 64-bit integers arrive as decimal strings (the spec) or
 * as numbers (hand-written files, some JavaScript exporters), doubles may be the strings {@code NaN} and
 * {@code Infinity}.
 */
final class JsonScalars {

  private static final long NANOS_PER_SECOND = 1_000_000_000L;

  private JsonScalars() {}

  /** An int64 from a number or a decimal string; empty when it is neither or out of range. */
  static OptionalLong int64(JsonNode node) {
    if (node == null) {
      return OptionalLong.empty();
    }
    if (node.isIntegralNumber()) {
      return node.canConvertToLong() ? OptionalLong.of(node.longValue()) : OptionalLong.empty();
    }
    if (node.isNumber()) {
      return wholeNumber(node.decimalValue());
    }
    if (node.isTextual()) {
      String text = node.textValue().trim();
      try {
        return OptionalLong.of(Long.parseLong(text));
      } catch (NumberFormatException e) {
        try {
          return wholeNumber(new BigDecimal(text));
        } catch (NumberFormatException notANumber) {
          return OptionalLong.empty();
        }
      }
    }
    return OptionalLong.empty();
  }

  /** A double from a number, a numeric string, or proto3's {@code "NaN"}, {@code "Infinity"}, {@code "-Infinity"}. */
  static OptionalDouble float64(JsonNode node) {
    if (node == null) {
      return OptionalDouble.empty();
    }
    if (node.isNumber()) {
      return OptionalDouble.of(node.doubleValue());
    }
    if (!node.isTextual()) {
      return OptionalDouble.empty();
    }
    String text = node.textValue().trim();
    switch (text) {
      case "NaN":
        return OptionalDouble.of(Double.NaN);
      case "Infinity":
        return OptionalDouble.of(Double.POSITIVE_INFINITY);
      case "-Infinity":
        return OptionalDouble.of(Double.NEGATIVE_INFINITY);
      default:
        // Double.parseDouble would also take "NaN"/"Infinity" spelled differently and hex floats; JSON only
        // allows decimal numbers, so go through BigDecimal.
        try {
          return OptionalDouble.of(new BigDecimal(text).doubleValue());
        } catch (NumberFormatException e) {
          return OptionalDouble.empty();
        }
    }
  }

  /** An enum value as text, whether sent as its number ({@code 3}) or its name ({@code SPAN_KIND_CLIENT}). */
  static String enumText(JsonNode node) {
    if (node == null || node.isNull() || node.isMissingNode()) {
      return null;
    }
    return node.isValueNode() ? node.asText() : null;
  }

  static boolean isAbsent(JsonNode node) {
    return node == null || node.isMissingNode() || node.isNull();
  }

  /** Unix nanoseconds to an instant (negative values allowed, though no producer sends them). */
  static Instant instantOfNanos(long nanos) {
    return Instant.ofEpochSecond(Math.floorDiv(nanos, NANOS_PER_SECOND), Math.floorMod(nanos, NANOS_PER_SECOND));
  }

  private static OptionalLong wholeNumber(BigDecimal value) {
    try {
      return OptionalLong.of(value.longValueExact());
    } catch (ArithmeticException e) {
      return OptionalLong.empty();
    }
  }
}
