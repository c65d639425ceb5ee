package dev.otelmcp.adapters.mcp.args;

import dev.otelmcp.domain.error.Quote;
import dev.otelmcp.domain.error.InvalidQueryException;
import dev.otelmcp.domain.query.Filter;
import dev.otelmcp.domain.query.FilterOperator;
import dev.otelmcp.domain.query.FilterValueType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads the {@code filters} argument: a list of {@code {field, operator, value | values, value_type}}.
 * {@code value_type} may be left out and is then taken from the value's JSON type.
 */
public final class FilterArguments {

  private static final Set<String> KEYS = Set.of("field", "operator", "value", "values", "value_type");

  private FilterArguments() {}

  public static List<Filter> parse(List<Map<String, Object>> items) {
    List<Filter> filters = new ArrayList<>(items.size());
    for (int i = 0; i < items.size(); i++) {
      String at = "filters[" + i + "]";
      try {
        filters.add(parseOne(at, items.get(i)));
      } catch (InvalidQueryException e) {
        throw e.getMessage().startsWith(at) ? e : new InvalidQueryException(at + ": " + e.getMessage(), e.hint());
      }
    }
    return filters;
  }

  private static Filter parseOne(String at, Map<String, Object> item) {
    for (String key : item.keySet()) {
      if (!KEYS.contains(key)) {
        throw Arguments.invalid(at, "has an unknown key " + Quote.of(key),
            "A filter has field, operator, value or values, and value_type.");
      }
    }
    Object field = item.get("field");
    if (!(field instanceof String fieldName) || fieldName.isBlank()) {
      throw Arguments.invalid(at + ".field", "is required", "Name the attribute or intrinsic field, e.g. \"gen_ai.request.model\".");
    }
    Object rawOperator = item.get("operator");
    FilterOperator operator = FilterOperator.parse(rawOperator instanceof String s ? s : null)
        .orElseThrow(() -> Arguments.invalid(at + ".operator",
            rawOperator == null ? "is required" : Quote.of(rawOperator) + " is not an operator",
            "Operators: " + FilterOperator.wireNames() + "."));
    List<Object> values = values(at, item);
    FilterValueType type = valueType(at, item.get("value_type"), values);
    return Filter.of(fieldName, operator, type, values);
  }

  private static List<Object> values(String at, Map<String, Object> item) {
    Object value = item.get("value");
    Object many = item.get("values");
    if (value != null && many != null) {
      throw Arguments.invalid(at, "has both 'value' and 'values'",
          "Use 'value' for one value, 'values' for in, not_in and between.");
    }
    if (many != null) {
      if (!(many instanceof List<?> list)) {
        throw Arguments.invalid(at + ".values", "must be a list", "Example: \"values\": [\"gpt-4o\", \"gpt-4o-mini\"].");
      }
      return new ArrayList<>(list);
    }
    return value == null ? List.of() : List.of(value);
  }

  private static FilterValueType valueType(String at, Object raw, List<Object> values) {
    if (raw != null) {
      return FilterValueType.parse(raw instanceof String s ? s : null)
          .orElseThrow(() -> Arguments.invalid(at + ".value_type", Quote.of(raw) + " is not a value type",
              "Use string, number or boolean."));
    }
    Object sample = values.isEmpty() ? null : values.get(0);
    if (sample instanceof Number) {
      return FilterValueType.NUMBER;
    }
    if (sample instanceof Boolean) {
      return FilterValueType.BOOLEAN;
    }
    return FilterValueType.STRING;
  }
}
