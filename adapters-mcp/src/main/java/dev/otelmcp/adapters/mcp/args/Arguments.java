package dev.otelmcp.adapters.mcp.args;

import dev.otelmcp.adapters.mcp.paging.Position;
import dev.otelmcp.application.page.After;
import dev.otelmcp.domain.error.InvalidQueryException;
import dev.otelmcp.domain.error.Quote;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The arguments of one tool call, read with types checked. Every problem is an
 * {@link InvalidQueryException} whose message names the parameter, so the assistant can fix its call.
 *
 * <p>Assistants sometimes send numbers and booleans as strings ({@code "10"}, {@code "true"}); those are
 * accepted. Unknown parameter names are rejected rather than ignored: a typo must not silently widen a
 * search.
 */
public final class Arguments {

  private final Map<String, Object> values;
  private final Position position;

  public Arguments(Map<String, Object> raw, Set<String> declared) {
    this(raw, declared, null);
  }

  /**
   * @param position where the previous page stopped, when the call continues a cursor
   */
  public Arguments(Map<String, Object> raw, Set<String> declared, Position position) {
    this.values = raw == null ? Map.of() : new LinkedHashMap<>(raw);
    this.position = position;
    Set<String> unknown = new TreeSet<>(values.keySet());
    unknown.removeAll(declared);
    if (!unknown.isEmpty()) {
      List<String> named = unknown.stream().limit(5).map(Quote::of).toList();
      throw new InvalidQueryException(
          "unknown parameter" + (unknown.size() > 1 ? "s " : " ") + String.join(", ", named)
              + (unknown.size() > named.size() ? " and " + (unknown.size() - named.size()) + " more" : ""),
          "Accepted parameters: " + String.join(", ", new TreeSet<>(declared)) + ".");
    }
  }

  /** Where a newest-first search resumes, when this call continues one. */
  public Optional<After> after() {
    return position instanceof Position.Key key ? Optional.of(key.after()) : Optional.empty();
  }

  /** Where the page asked for starts in an offset-paged list: the cursor's offset, or 0 on a first call. */
  public int offset() {
    return position instanceof Position.Offset offset ? offset.offset() : 0;
  }

  public boolean has(String name) {
    Object value = values.get(name);
    return value != null && !(value instanceof String s && s.isBlank());
  }

  public Optional<String> string(String name) {
    Object value = values.get(name);
    if (value == null) {
      return Optional.empty();
    }
    if (!(value instanceof String s)) {
      throw invalid(name, "must be a string, got " + describe(value), "Pass it as a JSON string.");
    }
    if (!s.isEmpty() && s.isBlank()) {
      // "" is how some clients leave an optional argument out; spaces alone are a mistake, not "no filter"
      throw invalid(name, "is only whitespace", "Give a value, or leave " + name + " out.");
    }
    return s.isEmpty() ? Optional.empty() : Optional.of(s.trim());
  }

  public String requiredString(String name, String hint) {
    return string(name).orElseThrow(() -> invalid(name, "is required", hint));
  }

  /** An integer within [min, max]; the default when absent. Never clamps silently. */
  public int integer(String name, int defaultValue, int min, int max) {
    return optionalInteger(name, min, max).orElse(defaultValue);
  }

  public Optional<Integer> optionalInteger(String name, int min, int max) {
    Optional<Double> number = number(name);
    if (number.isEmpty()) {
      return Optional.empty();
    }
    double n = number.get();
    if (n != Math.rint(n)) {
      throw invalid(name, "must be a whole number, got " + n, "Use an integer between " + min + " and " + max + ".");
    }
    if (n < min || n > max) {
      throw invalid(name, "must be between " + min + " and " + max + ", got " + (long) n,
          "Use a value from " + min + " to " + max + ".");
    }
    return Optional.of((int) n);
  }

  /** A non-negative number (durations in ms may have decimals). */
  public Optional<Double> nonNegativeNumber(String name) {
    Optional<Double> number = number(name);
    if (number.isPresent() && number.get() < 0) {
      throw invalid(name, "must not be negative, got " + number.get(), "Use 0 or a positive number.");
    }
    return number;
  }

  public Optional<Boolean> bool(String name) {
    Object value = values.get(name);
    if (value == null) {
      return Optional.empty();
    }
    if (value instanceof Boolean b) {
      return Optional.of(b);
    }
    if (value instanceof String s) {
      String lower = s.trim().toLowerCase(Locale.ROOT);
      if (lower.isEmpty()) {
        return Optional.empty();
      }
      if (lower.equals("true") || lower.equals("false")) {
        return Optional.of(Boolean.valueOf(lower));
      }
    }
    throw invalid(name, "must be true or false, got " + describe(value), "Use a JSON boolean.");
  }

  /** An object of string values, e.g. {@code tags}. Numbers and booleans are turned into their text. */
  public Map<String, String> stringMap(String name) {
    Object value = values.get(name);
    if (value == null) {
      return Map.of();
    }
    if (!(value instanceof Map<?, ?> map)) {
      throw invalid(name, "must be an object of key/value pairs, got " + describe(value),
          "Example: {\"gen_ai.operation.name\": \"chat\"}.");
    }
    Map<String, String> out = new LinkedHashMap<>();
    map.forEach((k, v) -> {
      if (v == null || v instanceof Map || v instanceof List) {
        throw invalid(name + "." + k, "must be a string, number or boolean", "Tag values are compared as text.");
      }
      out.put(String.valueOf(k), scalarText(v));
    });
    return out;
  }

  /** A list of strings, e.g. {@code fields} or {@code span_ids}; a single string is taken as a list of one. */
  public List<String> stringList(String name) {
    Object value = values.get(name);
    if (value == null) {
      return List.of();
    }
    if (value instanceof String s) {
      return s.isBlank() ? List.of() : List.of(s.trim());
    }
    if (!(value instanceof List<?> list)) {
      throw invalid(name, "must be a list of strings, got " + describe(value), "Pass a JSON array of strings.");
    }
    List<String> out = new ArrayList<>();
    for (int i = 0; i < list.size(); i++) {
      if (!(list.get(i) instanceof String s)) {
        throw invalid(name + "[" + i + "]", "must be a string, got " + describe(list.get(i)), "Pass strings only.");
      }
      out.add(s.trim());
    }
    return out;
  }

  /** A list of objects, e.g. {@code filters}. */
  public List<Map<String, Object>> objectList(String name) {
    Object value = values.get(name);
    if (value == null) {
      return List.of();
    }
    if (!(value instanceof List<?> list)) {
      throw invalid(name, "must be a list of objects, got " + describe(value), "Pass a JSON array.");
    }
    List<Map<String, Object>> out = new ArrayList<>();
    for (int i = 0; i < list.size(); i++) {
      if (!(list.get(i) instanceof Map<?, ?> item)) {
        throw invalid(name + "[" + i + "]", "must be an object, got " + describe(list.get(i)),
            "Each item is {\"field\", \"operator\", \"value\" or \"values\", \"value_type\"}.");
      }
      Map<String, Object> typed = new LinkedHashMap<>();
      item.forEach((k, v) -> typed.put(String.valueOf(k), v));
      out.add(typed);
    }
    return out;
  }

  public static InvalidQueryException invalid(String parameter, String problem, String hint) {
    return new InvalidQueryException(parameter + " " + problem, hint);
  }

  private Optional<Double> number(String name) {
    Object value = values.get(name);
    if (value == null) {
      return Optional.empty();
    }
    if (value instanceof Number n) {
      return Optional.of(n.doubleValue());
    }
    if (value instanceof String s) {
      if (s.isBlank()) {
        return Optional.empty();
      }
      try {
        return Optional.of(Double.parseDouble(s.trim()));
      } catch (NumberFormatException e) {
        // reported below
      }
    }
    throw invalid(name, "must be a number, got " + describe(value), "Pass a JSON number.");
  }

  private static String scalarText(Object value) {
    if (value instanceof Double d && d == Math.rint(d) && !d.isInfinite()) {
      return Long.toString(d.longValue());
    }
    return String.valueOf(value);
  }

  private static String describe(Object value) {
    if (value instanceof String s) {
      return "\"" + (s.length() > 60 ? s.substring(0, 60) + "…" : s) + "\"";
    }
    if (value instanceof Map) {
      return "an object";
    }
    if (value instanceof List) {
      return "a list";
    }
    return String.valueOf(value);
  }
}
