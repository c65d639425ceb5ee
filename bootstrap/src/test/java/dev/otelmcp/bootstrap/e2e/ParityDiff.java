package dev.otelmcp.bootstrap.e2e;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiPredicate;
import java.util.regex.Pattern;

/**
 * Compares one tool's answer on a backend with the built-in store's, field by field. What legitimately differs is
 * taken out first: how much a backend read to answer ({@code scope}'s scan counters: some backends read summaries,
 * some whole traces). A difference a backend cannot avoid is a {@link Known} one, documented in the README's section
 * of that backend: it is accepted only where it is documented and only as large as documented, and every known
 * difference must still be seen (else the README is out of date). Every other difference is reported with its path.
 */
final class ParityDiff {

  /** Scope fields that count work, not results. */
  private static final Set<String> WORK_COUNTERS = Set.of("traces_scanned", "spans_scanned");

  /**
   * A documented difference: on which backend, at which paths (tool name first), and what still holds there.
   *
   * @param readme where the README says so
   */
  record Known(String backend, Pattern path, BiPredicate<Object, Object> holds, String readme) {}

  private static final String DURATIONS = ".*\\.(duration_ms|mean_duration_ms|latency_ms\\.\\w+)$";

  static final List<Known> KNOWN = List.of(
      // Jaeger's UI JSON has microseconds: each span's start and duration are cut to the microsecond.
      new Known("jaeger", Pattern.compile(DURATIONS + "|.*\\.llm_time_ms$"), within(0.01), "Jaeger: time resolution"),
      new Known("jaeger", Pattern.compile(".*\\.llm_time_share$"), within(0.001), "Jaeger: time resolution"),
      // Tempo's tag-value index lists span names, not their kinds.
      new Known("tempo", Pattern.compile("list_operations\\.operations\\[\\d+]\\.span_kind"), (e, a) -> a == null,
          "Tempo: list_operations"),
      // The Traceloop API has whole milliseconds: each span's duration is cut to the millisecond.
      new Known("traceloop", Pattern.compile(DURATIONS), within(1.0), "Traceloop: time resolution"),
      new Known("traceloop", Pattern.compile(".*\\.llm_time_ms$"), within(6.0), "Traceloop: time resolution"),
      new Known("traceloop", Pattern.compile(".*\\.llm_time_share$"), within(0.1), "Traceloop: time resolution"),
      // The exporter's Map variant stores every attribute value as text (pcommon's AsString); it is given back as such.
      new Known("clickhouse", Pattern.compile("get_trace\\.(spans|resources)\\[\\d+]\\.attributes\\..+"),
          ParityDiff::renderedAsText, "ClickHouse: attribute values of the Map variant"));

  private static final Map<Known, Integer> SEEN = new ConcurrentHashMap<>();

  private ParityDiff() {}

  static List<String> compare(String backend, String tool, Map<String, Object> expected, Map<String, Object> actual) {
    List<String> out = new ArrayList<>();
    diff(backend, tool, normalised(expected), normalised(actual), out);
    return out;
  }

  /** The known differences never seen: each must be seen at least once in a run, or the README is out of date. */
  static List<Known> unseen() {
    return KNOWN.stream().filter(k -> !SEEN.containsKey(k)).toList();
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

  private static void diff(String backend, String path, Object expected, Object actual, List<String> out) {
    if (expected instanceof Map<?, ?> e && actual instanceof Map<?, ?> a) {
      Set<Object> keys = new java.util.LinkedHashSet<>(e.keySet());
      keys.addAll(a.keySet());
      for (Object key : keys) {
        diff(backend, path + "." + key, e.get(key), a.get(key), out);
      }
    } else if (expected instanceof List<?> e && actual instanceof List<?> a && e.size() == a.size()) {
      for (int i = 0; i < e.size(); i++) {
        diff(backend, path + "[" + i + "]", e.get(i), a.get(i), out);
      }
    } else if (!same(expected, actual) && !known(backend, path, expected, actual)) {
      out.add(backend + " " + path + ": " + abbreviated(expected) + " != " + abbreviated(actual));
    }
  }

  private static boolean same(Object expected, Object actual) {
    if (expected instanceof Number e && actual instanceof Number a) {
      return e.doubleValue() == a.doubleValue();
    }
    return Objects.equals(expected, actual);
  }

  private static boolean known(String backend, String path, Object expected, Object actual) {
    for (Known known : KNOWN) {
      if (known.backend().equals(backend) && known.path().matcher(path).matches() && known.holds().test(expected, actual)) {
        SEEN.merge(known, 1, Integer::sum);
        return true;
      }
    }
    return false;
  }

  /** A number, boolean or array given back as the text that renders it ({@code 579} as {@code "579"}). */
  private static boolean renderedAsText(Object expected, Object actual) {
    if (expected instanceof String || !(actual instanceof String text)) {
      return false;
    }
    try {
      Object parsed = new com.fasterxml.jackson.databind.ObjectMapper().readValue(text, Object.class);
      List<String> inner = new ArrayList<>();
      diff("", "", expected, parsed, inner);
      return inner.isEmpty();
    } catch (com.fasterxml.jackson.core.JsonProcessingException notJson) {
      return false;
    }
  }

  private static BiPredicate<Object, Object> within(double tolerance) {
    return (e, a) -> e instanceof Number x && a instanceof Number y && Math.abs(x.doubleValue() - y.doubleValue()) <= tolerance;
  }

  private static String abbreviated(Object value) {
    String text = String.valueOf(value);
    return text.length() > 300 ? text.substring(0, 300) + "…" : text;
  }
}
