package dev.otelmcp.adapters.mcp.paging;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The last resort when one item (or an answer without a list) is larger than the whole budget: long
 * strings are cut and free-form maps (attributes) keep their first entries, each cut visibly marked. Shapes
 * and types never change, so the answer still matches its schema.
 */
final class Shrinker {

  /** Each pass is stricter than the one before. */
  static final int[][] PASSES = {{2_000, Integer.MAX_VALUE}, {500, Integer.MAX_VALUE}, {200, 200}, {80, 50}, {40, 10}};

  private Shrinker() {}

  @SuppressWarnings("unchecked")
  static Object shrink(Object value, int maxChars, int maxEntries) {
    if (value instanceof String text) {
      return text.length() <= maxChars ? text : text.substring(0, maxChars) + "…[" + (text.length() - maxChars) + " more chars]";
    }
    if (value instanceof Map<?, ?> map) {
      Map<String, Object> out = new LinkedHashMap<>();
      int kept = 0;
      for (Map.Entry<?, ?> entry : map.entrySet()) {
        if (kept == maxEntries && map.size() > maxEntries + 1 && isFreeForm((Map<String, Object>) map)) {
          out.put("…", (map.size() - kept) + " more entries not shown");
          break;
        }
        out.put(String.valueOf(entry.getKey()), shrink(entry.getValue(), maxChars, maxEntries));
        kept++;
      }
      return out;
    }
    if (value instanceof List<?> list) {
      List<Object> out = new ArrayList<>(list.size());
      list.forEach(item -> out.add(shrink(item, maxChars, maxEntries)));
      return out;
    }
    return value;
  }

  /**
   * Attribute maps have dotted keys; our own objects have snake_case keys only. Only free-form maps may
   * lose entries: dropping a field of our own could break the schema.
   */
  private static boolean isFreeForm(Map<String, Object> map) {
    return map.keySet().stream().anyMatch(key -> !key.matches("[a-z0-9_]+"));
  }
}
