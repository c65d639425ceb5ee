package dev.otelmcp.adapters.mcp.schema;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Makes an output schema lean for {@code tools/list}: descriptions and examples are dropped (field meanings
 * are documented once, in the README's vocabulary; a model reads outputs, not output schemas), so are the
 * {@code required} lists of nested objects (the answer's own top-level ones stay), and a
 * structure that occurs more than once (token totals, percentiles, a trace summary) is defined once under
 * {@code $defs} and referred to. Validation is unchanged.
 */
public final class SchemaCompactor {

  /** Sub-schemas smaller than this are repeated rather than referred to. */
  static final int MIN_SHARED_CHARS = 120;
  private static final ObjectMapper JSON = new ObjectMapper();

  private SchemaCompactor() {}

  public static Map<String, Object> output(Map<String, Object> schema) {
    Map<String, Object> stripped = strip(schema);
    Object required = schema.get("required");
    stripped = withoutRequired(stripped);
    if (required != null) {
      stripped.put("required", required);
    }
    Map<String, Integer> seen = new HashMap<>();
    count(stripped, seen, true);
    Map<String, String> names = new LinkedHashMap<>();
    Map<String, Object> defs = new LinkedHashMap<>();
    Map<String, Object> out = share(stripped, seen, names, defs, "answer", true);
    if (!defs.isEmpty()) {
      out.put("$defs", defs);
    }
    return out;
  }

  /** A copy of a schema node without descriptions and examples, recursing into sub-schemas only. */
  @SuppressWarnings("unchecked")
  static Map<String, Object> strip(Map<String, Object> node) {
    Map<String, Object> out = new LinkedHashMap<>();
    node.forEach((key, value) -> {
      switch (key) {
        case "description", "examples" -> { }
        case "properties" -> {
          Map<String, Object> properties = new LinkedHashMap<>();
          ((Map<String, Object>) value).forEach((name, sub) -> properties.put(name, strip((Map<String, Object>) sub)));
          out.put(key, properties);
        }
        case "items", "additionalProperties" -> out.put(key, value instanceof Map<?, ?> m ? strip((Map<String, Object>) m) : value);
        default -> out.put(key, value);
      }
    });
    return out;
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> withoutRequired(Map<String, Object> node) {
    Map<String, Object> out = new LinkedHashMap<>(node);
    out.remove("required");
    if (node.get("properties") instanceof Map<?, ?> properties) {
      Map<String, Object> lean = new LinkedHashMap<>();
      ((Map<String, Object>) properties).forEach((name, sub) -> lean.put(name, withoutRequired((Map<String, Object>) sub)));
      out.put("properties", lean);
    }
    for (String key : List.of("items", "additionalProperties")) {
      if (node.get(key) instanceof Map<?, ?> sub) {
        out.put(key, withoutRequired((Map<String, Object>) sub));
      }
    }
    return out;
  }

  @SuppressWarnings("unchecked")
  private static void count(Map<String, Object> node, Map<String, Integer> seen, boolean root) {
    String text = text(node);
    if (!root && text.length() >= MIN_SHARED_CHARS) {
      seen.merge(text, 1, Integer::sum);
    }
    children(node).forEach(child -> count(child, seen, false));
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> share(Map<String, Object> node, Map<String, Integer> seen, Map<String, String> names,
      Map<String, Object> defs, String name, boolean root) {
    String text = text(node);
    if (!root && seen.getOrDefault(text, 0) > 1) {
      String def = names.get(text);
      if (def == null) {
        def = unique(name, defs);
        names.put(text, def);
        defs.put(def, null);
        defs.put(def, rebuild(node, seen, names, defs));
      }
      return new LinkedHashMap<>(Map.of("$ref", "#/$defs/" + def));
    }
    return rebuild(node, seen, names, defs);
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> rebuild(Map<String, Object> node, Map<String, Integer> seen, Map<String, String> names,
      Map<String, Object> defs) {
    Map<String, Object> out = new LinkedHashMap<>(node);
    if (node.get("properties") instanceof Map<?, ?> properties) {
      Map<String, Object> shared = new LinkedHashMap<>();
      ((Map<String, Object>) properties).forEach((property, sub) ->
          shared.put(property, share((Map<String, Object>) sub, seen, names, defs, property, false)));
      out.put("properties", shared);
    }
    for (String key : List.of("items", "additionalProperties")) {
      if (node.get(key) instanceof Map<?, ?> sub) {
        out.put(key, share((Map<String, Object>) sub, seen, names, defs, key, false));
      }
    }
    return out;
  }

  @SuppressWarnings("unchecked")
  private static List<Map<String, Object>> children(Map<String, Object> node) {
    List<Map<String, Object>> children = new ArrayList<>();
    if (node.get("properties") instanceof Map<?, ?> properties) {
      properties.values().forEach(sub -> children.add((Map<String, Object>) sub));
    }
    for (String key : List.of("items", "additionalProperties")) {
      if (node.get(key) instanceof Map<?, ?> sub) {
        children.add((Map<String, Object>) sub);
      }
    }
    return children;
  }

  private static String unique(String name, Map<String, Object> defs) {
    String candidate = name;
    for (int i = 2; defs.containsKey(candidate); i++) {
      candidate = name + i;
    }
    return candidate;
  }

  private static String text(Map<String, Object> node) {
    try {
      return JSON.writeValueAsString(node);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a schema cannot be rendered", e);
    }
  }
}
