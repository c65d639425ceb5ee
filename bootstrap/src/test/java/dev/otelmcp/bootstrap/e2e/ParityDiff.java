package dev.otelmcp.bootstrap.e2e;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Compares one tool's answer on a backend with the built-in store's, field by field. What legitimately differs is
 * taken out first: how much a backend read to answer ({@code scope}'s scan counters, which depend on whether it
 * returns summaries or whole traces) and request counters. Every other difference is reported with its path.
 */
final class ParityDiff {

  /** Scope fields that count work, not results. */
  private static final Set<String> WORK_COUNTERS = Set.of("traces_scanned", "spans_scanned", "requests",
      "backend_requests", "backend", "elapsed_ms");

  private ParityDiff() {}

  static List<String> compare(String backend, String tool, Map<String, Object> expected, Map<String, Object> actual) {
    List<String> out = new ArrayList<>();
    diff(backend + " " + tool, normalised(expected), normalised(actual), out);
    return out;
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> normalised(Map<String, Object> answer) {
    Map<String, Object> copy = new LinkedHashMap<>(answer);
    if (copy.get("scope") instanceof Map<?, ?> scope) {
      Map<String, Object> kept = new LinkedHashMap<>((Map<String, Object>) scope);
      kept.keySet().removeAll(WORK_COUNTERS);
      copy.put("scope", kept);
    }
    return copy;
  }

  @SuppressWarnings("unchecked")
  private static void diff(String path, Object expected, Object actual, List<String> out) {
    if (expected instanceof Map<?, ?> e && actual instanceof Map<?, ?> a) {
      Set<Object> keys = new java.util.LinkedHashSet<>(e.keySet());
      keys.addAll(a.keySet());
      for (Object key : keys) {
        diff(path + "." + key, e.get(key), a.get(key), out);
      }
    } else if (expected instanceof List<?> e && actual instanceof List<?> a && e.size() == a.size()) {
      for (int i = 0; i < e.size(); i++) {
        diff(path + "[" + i + "]", e.get(i), a.get(i), out);
      }
    } else if (expected instanceof Number e && actual instanceof Number a) {
      if (e.doubleValue() != a.doubleValue()) {
        out.add(path + ": " + e + " != " + a);
      }
    } else if (!Objects.equals(expected, actual)) {
      out.add(path + ": " + abbreviated(expected) + " != " + abbreviated(actual));
    }
  }

  private static String abbreviated(Object value) {
    String text = String.valueOf(value);
    return text.length() > 300 ? text.substring(0, 300) + "…" : text;
  }
}
