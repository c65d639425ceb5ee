package dev.otelmcp.adapters.mcp.schema;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
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

  private SchemaCompactor() {}

  public static Map<String, Object> output(Map<String, Object> schema) {
    Map<String, Object> stripped = strip(schema);
    Object required = schema.get("required");
    stripped = withoutRequired(stripped);
    if (required != null) {
      stripped.put("required", required);
    }
    return new Sharing(stripped).result();
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

  /**
   * One compaction: counts the structures of the schema by their JSON text, then rebuilds it with those that occur
   * more than once (and are not tiny) defined under {@code $defs}. Each node's text is made once, from its
   * children's texts, so the pass is linear in the schema's size (rendering every subtree anew made it quadratic:
   * 110 ms of the start for the 13 output schemas).
   */
  private static final class Sharing {
    private final Map<String, Object> root;
    private final Map<Map<String, Object>, String> texts = new IdentityHashMap<>();
    private final Map<String, Integer> seen = new HashMap<>();
    private final Map<String, String> names = new LinkedHashMap<>();
    private final Map<String, Object> defs = new LinkedHashMap<>();

    Sharing(Map<String, Object> root) {
      this.root = root;
    }

    Map<String, Object> result() {
      count(root, true);
      Map<String, Object> out = share(root, "answer", true);
      if (!defs.isEmpty()) {
        out.put("$defs", defs);
      }
      return out;
    }

    private void count(Map<String, Object> node, boolean isRoot) {
      String text = text(node);
      if (!isRoot && text.length() >= MIN_SHARED_CHARS) {
        seen.merge(text, 1, Integer::sum);
      }
      children(node).forEach(child -> count(child, false));
    }

    private Map<String, Object> share(Map<String, Object> node, String name, boolean isRoot) {
      String text = text(node);
      if (!isRoot && seen.getOrDefault(text, 0) > 1) {
        String def = names.get(text);
        if (def == null) {
          def = unique(name);
          names.put(text, def);
          defs.put(def, null);
          defs.put(def, rebuild(node));
        }
        return new LinkedHashMap<>(Map.of("$ref", "#/$defs/" + def));
      }
      return rebuild(node);
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> rebuild(Map<String, Object> node) {
      Map<String, Object> out = new LinkedHashMap<>(node);
      if (node.get("properties") instanceof Map<?, ?> properties) {
        Map<String, Object> shared = new LinkedHashMap<>();
        ((Map<String, Object>) properties).forEach((property, sub) ->
            shared.put(property, share((Map<String, Object>) sub, property, false)));
        out.put("properties", shared);
      }
      for (String key : List.of("items", "additionalProperties")) {
        if (node.get(key) instanceof Map<?, ?> sub) {
          out.put(key, share((Map<String, Object>) sub, key, false));
        }
      }
      return out;
    }

    private String unique(String name) {
      String candidate = name;
      for (int i = 2; defs.containsKey(candidate); i++) {
        candidate = name + i;
      }
      return candidate;
    }

    /**
     * The node as compact JSON, its nested objects' texts reused. Written here rather than by Jackson: a Jackson call
     * per key and value costs more at start-up, when it runs interpreted, than the whole rendering.
     */
    @SuppressWarnings("unchecked")
    private String text(Map<String, Object> node) {
      String known = texts.get(node);
      if (known != null) {
        return known;
      }
      StringBuilder json = new StringBuilder("{");
      node.forEach((key, value) -> {
        if (json.length() > 1) {
          json.append(',');
        }
        quote(key, json);
        json.append(':');
        render(value, json);
      });
      String text = json.append('}').toString();
      texts.put(node, text);
      return text;
    }

    @SuppressWarnings("unchecked")
    private void render(Object value, StringBuilder json) {
      if (value instanceof Map<?, ?> nested) {
        json.append(text((Map<String, Object>) nested));
      } else if (value instanceof List<?> list) {
        json.append('[');
        for (int i = 0; i < list.size(); i++) {
          if (i > 0) {
            json.append(',');
          }
          render(list.get(i), json);
        }
        json.append(']');
      } else if (value instanceof String string) {
        quote(string, json);
      } else {
        json.append(value);
      }
    }

    private static void quote(String string, StringBuilder json) {
      json.append('"');
      for (int i = 0; i < string.length(); i++) {
        char c = string.charAt(i);
        if (c == '"' || c == '\\') {
          json.append('\\').append(c);
        } else if (c < 0x20) {
          json.append(String.format("\\u%04x", (int) c));
        } else {
          json.append(c);
        }
      }
      json.append('"');
    }
  }
}
