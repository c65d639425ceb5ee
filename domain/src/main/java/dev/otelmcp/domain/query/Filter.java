package dev.otelmcp.domain.query;

import dev.otelmcp.domain.error.InvalidQueryException;
import dev.otelmcp.domain.error.Quote;
import dev.otelmcp.domain.model.AttributeValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.OptionalDouble;

/**
 * One condition on a span or trace field: {@code field operator value(s)} compared as {@code valueType}.
 *
 * <p>Values are stored already converted to the comparison type: {@link String} for STRING, {@link Double}
 * for NUMBER, {@link Boolean} for BOOLEAN. Build filters with {@link #of}, which validates the operator,
 * the number of values and their type, and explains what is wrong in an {@link InvalidQueryException}.
 */
public record Filter(String field, FilterOperator operator, FilterValueType valueType, List<Object> values) {

  public Filter {
    Objects.requireNonNull(field, "field");
    Objects.requireNonNull(operator, "operator");
    Objects.requireNonNull(valueType, "valueType");
    values = List.copyOf(values);
  }

  /**
   * Validates and converts raw values (as JSON gives them: strings, numbers, booleans) into a filter.
   *
   * @throws InvalidQueryException naming what is wrong
   */
  public static Filter of(String field, FilterOperator operator, FilterValueType valueType, List<?> rawValues) {
    if (field == null || field.isBlank()) {
      throw new InvalidQueryException("filter field is empty",
          "Give the attribute key or intrinsic field to filter on, e.g. \"gen_ai.request.model\" or \"duration\".");
    }
    if (!valueType.supports(operator)) {
      throw new InvalidQueryException(
          "operator '" + operator.wireName() + "' on " + Quote.of(field) + " does not apply to value_type '"
              + valueType.wireName() + "'",
          "Operators for " + valueType.wireName() + ": " + wireNames(valueType) + ".");
    }
    List<?> raw = rawValues == null ? List.of() : rawValues;
    checkArity(field, operator, raw.size());
    List<Object> converted = new ArrayList<>(raw.size());
    for (Object value : raw) {
      converted.add(convert(field, valueType, value));
    }
    if (operator == FilterOperator.BETWEEN && ((Double) converted.get(0)) > ((Double) converted.get(1))) {
      throw new InvalidQueryException("operator 'between' on " + Quote.of(field) + " needs the lower bound first, got ["
          + converted.get(0) + ", " + converted.get(1) + "]", "Swap the two values: [low, high].");
    }
    return new Filter(field.trim(), operator, valueType, EnumValues.canonical(field.trim(), operator, converted));
  }

  public static Filter equalsString(String field, String value) {
    return of(field, FilterOperator.EQUALS, FilterValueType.STRING, List.of(value));
  }

  public static Filter number(String field, FilterOperator operator, double... numbers) {
    List<Object> values = new ArrayList<>();
    for (double n : numbers) {
      values.add(n);
    }
    return of(field, operator, FilterValueType.NUMBER, values);
  }

  public static Filter exists(String field) {
    return of(field, FilterOperator.EXISTS, FilterValueType.STRING, List.of());
  }

  /** The single value of a one-value operator. */
  public Object value() {
    return values.isEmpty() ? null : values.get(0);
  }

  public boolean isNegative() {
    return operator.isNegative();
  }

  /** The same filter with the positive operator (not_equals → equals); itself when already positive. */
  public Filter positive() {
    return isNegative() ? new Filter(field, operator.positive(), valueType, values) : this;
  }

  /** A compact, human-readable form, e.g. {@code duration gte 100}. */
  public String describe() {
    String shown = values.size() == 1 ? String.valueOf(values.get(0)) : values.toString();
    return field + " " + operator.wireName() + (values.isEmpty() ? "" : " " + shown);
  }

  private static void checkArity(String field, FilterOperator operator, int count) {
    String op = operator.wireName();
    switch (operator.arity()) {
      case NONE:
        if (count != 0) {
          throw new InvalidQueryException("operator '" + op + "' on " + Quote.of(field) + " takes no value",
              "Remove 'value' and 'values' from the filter.");
        }
        break;
      case ONE:
        if (count != 1) {
          throw new InvalidQueryException("operator '" + op + "' on " + Quote.of(field) + " needs exactly one 'value'",
              "Set 'value', e.g. {\"field\":\"" + field + "\",\"operator\":\"" + op + "\",\"value\":...}.");
        }
        break;
      case TWO:
        if (count != 2) {
          throw new InvalidQueryException("operator '" + op + "' on " + Quote.of(field) + " needs exactly two 'values'",
              "Set 'values' to [low, high], both inclusive.");
        }
        break;
      case MANY:
        if (count == 0) {
          throw new InvalidQueryException("operator '" + op + "' on " + Quote.of(field) + " needs a non-empty 'values' list",
              "Set 'values' to the list of accepted values.");
        }
        break;
      default:
        throw new IllegalStateException(operator.arity().name());
    }
  }

  private static Object convert(String field, FilterValueType type, Object value) {
    if (value == null) {
      throw new InvalidQueryException("filter on " + Quote.of(field) + " has a null value", "Give a " + type.wireName() + ".");
    }
    switch (type) {
      case STRING:
        if (value instanceof Double || value instanceof Float) {
          // Rendered as attribute values render (5.0 -> "5"), without clamping 1e20 to Long.MAX_VALUE.
          return AttributeValue.of(((Number) value).doubleValue()).asText();
        }
        return String.valueOf(value);
      case NUMBER:
        if (value instanceof Number n && Double.isFinite(n.doubleValue())) {
          return n.doubleValue();
        }
        if (value instanceof String s) {
          // The same strict decimal reading as numeric string attributes ("953", " 12 "; not "12f", "NaN").
          OptionalDouble parsed = AttributeValue.of(s).asNumber();
          if (parsed.isPresent()) {
            return parsed.getAsDouble();
          }
        }
        throw new InvalidQueryException("filter on " + Quote.of(field) + ": " + Quote.of(value) + " is not a number",
            "Use a numeric value, or value_type \"string\" to compare text.");
      case BOOLEAN:
        if (value instanceof Boolean b) {
          return b;
        }
        if (value instanceof String s) {
          String lower = s.trim().toLowerCase(Locale.ROOT);
          if (lower.equals("true") || lower.equals("false")) {
            return Boolean.valueOf(lower);
          }
        }
        throw new InvalidQueryException("filter on " + Quote.of(field) + ": " + Quote.of(value) + " is not a boolean",
            "Use true or false.");
      default:
        throw new IllegalStateException(type.name());
    }
  }

  private static String wireNames(FilterValueType type) {
    return type.operators().stream().map(FilterOperator::wireName).reduce((a, b) -> a + ", " + b).orElse("");
  }
}
