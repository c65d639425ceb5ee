package dev.otelmcp.domain.model;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.stream.Collectors;

/**
 * A typed attribute value as OpenTelemetry defines it: string, 64-bit integer, double, boolean, bytes,
 * array or key/value list.
 *
 * <p>Backends disagree on encodings (Jaeger sends large ints as strings, the Traceloop API sends every
 * value as a string), so the read accessors are lenient: {@link #asNumber()} parses numeric strings and
 * {@link #asBoolean()} understands {@code "true"}/{@code "false"} in any case.
 */
public sealed interface AttributeValue {

  /** The value as text: strings unchanged, numbers in canonical form, arrays as JSON-like lists. */
  String asText();

  /** The value as a number when it is one or is a string holding one; empty otherwise. */
  OptionalDouble asNumber();

  /** The value as a boolean when it is one or is the string {@code true}/{@code false}; empty otherwise. */
  Optional<Boolean> asBoolean();

  /** A plain Java rendering for serialisation: String, Long, Double, Boolean, List or Map. */
  Object toJava();

  static AttributeValue of(String value) {
    return new StringValue(value);
  }

  static AttributeValue of(long value) {
    return new LongValue(value);
  }

  static AttributeValue of(double value) {
    return new DoubleValue(value);
  }

  static AttributeValue of(boolean value) {
    return new BooleanValue(value);
  }

  static AttributeValue ofList(List<AttributeValue> values) {
    return new ArrayValue(values);
  }

  record StringValue(String value) implements AttributeValue {
    /** Plain decimal notation only: Double.parseDouble alone also takes "12f", "1d" and hex floats. */
    private static final java.util.regex.Pattern DECIMAL =
        java.util.regex.Pattern.compile("[+-]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][+-]?\\d+)?");

    public StringValue {
      Objects.requireNonNull(value, "value");
    }

    @Override
    public String asText() {
      return value;
    }

    @Override
    public OptionalDouble asNumber() {
      String trimmed = value.trim();
      if (!DECIMAL.matcher(trimmed).matches()) {
        return OptionalDouble.empty();
      }
      try {
        double parsed = Double.parseDouble(trimmed);
        return Double.isFinite(parsed) ? OptionalDouble.of(parsed) : OptionalDouble.empty();
      } catch (NumberFormatException e) {
        return OptionalDouble.empty();
      }
    }

    @Override
    public Optional<Boolean> asBoolean() {
      if ("true".equalsIgnoreCase(value.trim())) {
        return Optional.of(Boolean.TRUE);
      }
      if ("false".equalsIgnoreCase(value.trim())) {
        return Optional.of(Boolean.FALSE);
      }
      return Optional.empty();
    }

    @Override
    public Object toJava() {
      return value;
    }
  }

  record LongValue(long value) implements AttributeValue {
    @Override
    public String asText() {
      return Long.toString(value);
    }

    @Override
    public OptionalDouble asNumber() {
      return OptionalDouble.of(value);
    }

    @Override
    public Optional<Boolean> asBoolean() {
      return Optional.empty();
    }

    @Override
    public Object toJava() {
      return value;
    }
  }

  record DoubleValue(double value) implements AttributeValue {
    @Override
    public String asText() {
      return value == Math.rint(value) && Math.abs(value) < 1e15 ? Long.toString((long) value) : Double.toString(value);
    }

    @Override
    public OptionalDouble asNumber() {
      return Double.isFinite(value) ? OptionalDouble.of(value) : OptionalDouble.empty();
    }

    @Override
    public Optional<Boolean> asBoolean() {
      return Optional.empty();
    }

    @Override
    public Object toJava() {
      return Double.isFinite(value) ? value : Double.toString(value);
    }
  }

  record BooleanValue(boolean value) implements AttributeValue {
    @Override
    public String asText() {
      return Boolean.toString(value);
    }

    @Override
    public OptionalDouble asNumber() {
      return OptionalDouble.empty();
    }

    @Override
    public Optional<Boolean> asBoolean() {
      return Optional.of(value);
    }

    @Override
    public Object toJava() {
      return value;
    }
  }

  /** Raw bytes, kept in their base64 form (as every JSON wire format carries them). */
  record BytesValue(String base64) implements AttributeValue {
    public BytesValue {
      Objects.requireNonNull(base64, "base64");
    }

    @Override
    public String asText() {
      return base64;
    }

    @Override
    public OptionalDouble asNumber() {
      return OptionalDouble.empty();
    }

    @Override
    public Optional<Boolean> asBoolean() {
      return Optional.empty();
    }

    @Override
    public Object toJava() {
      return base64;
    }
  }

  record ArrayValue(List<AttributeValue> values) implements AttributeValue {
    public ArrayValue {
      values = List.copyOf(values);
    }

    @Override
    public String asText() {
      return values.stream().map(AttributeValue::asText).collect(Collectors.joining(",", "[", "]"));
    }

    @Override
    public OptionalDouble asNumber() {
      return OptionalDouble.empty();
    }

    @Override
    public Optional<Boolean> asBoolean() {
      return Optional.empty();
    }

    @Override
    public Object toJava() {
      return values.stream().map(AttributeValue::toJava).toList();
    }
  }

  record MapValue(Map<String, AttributeValue> values) implements AttributeValue {
    public MapValue {
      values = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }

    @Override
    public String asText() {
      return values.entrySet().stream()
          .map(e -> e.getKey() + "=" + e.getValue().asText())
          .collect(Collectors.joining(",", "{", "}"));
    }

    @Override
    public OptionalDouble asNumber() {
      return OptionalDouble.empty();
    }

    @Override
    public Optional<Boolean> asBoolean() {
      return Optional.empty();
    }

    @Override
    public Object toJava() {
      Map<String, Object> out = new LinkedHashMap<>();
      values.forEach((k, v) -> out.put(k, v.toJava()));
      return out;
    }
  }
}
