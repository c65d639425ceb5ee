package dev.otelmcp.adapters.otlp.store;

import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * An inverted index from (attribute key, value as text) to the traces that hold a span with it. A posting
 * with one trace is kept as the entry itself (most values — response ids, prompts — are unique), so memory
 * stays proportional to the data. Not thread-safe: the index guards it.
 */
final class Postings {

  /** Values longer than this are not indexed (prompts, completions): equality on them falls back to a scan. */
  static final int MAX_VALUE_LENGTH = 256;

  private final Map<String, Map<String, Object>> byKey = new HashMap<>();

  static boolean indexable(String value) {
    return value.length() <= MAX_VALUE_LENGTH;
  }

  void add(String key, String value, TraceEntry entry) {
    Map<String, Object> values = byKey.computeIfAbsent(key, k -> new HashMap<>());
    Object held = values.get(value);
    if (held == null) {
      values.put(value, entry);
    } else if (held instanceof TraceEntry single) {
      if (single != entry) {
        Set<TraceEntry> set = new HashSet<>(4);
        set.add(single);
        set.add(entry);
        values.put(value, set);
      }
    } else {
      @SuppressWarnings("unchecked")
      Set<TraceEntry> set = (Set<TraceEntry>) held;
      set.add(entry);
    }
  }

  void remove(String key, String value, TraceEntry entry) {
    Map<String, Object> values = byKey.get(key);
    if (values == null) {
      return;
    }
    Object held = values.get(value);
    if (held == entry) {
      values.remove(value);
    } else if (held instanceof Set<?> set) {
      set.remove(entry);
      if (set.size() == 1) {
        values.put(value, set.iterator().next());
      }
    }
    if (values.isEmpty()) {
      byKey.remove(key);
    }
  }

  /** The traces holding the value under the key. */
  @SuppressWarnings("unchecked")
  Collection<TraceEntry> get(String key, String value) {
    Map<String, Object> values = byKey.get(key);
    Object held = values == null ? null : values.get(value);
    if (held == null) {
      return Set.of();
    }
    return held instanceof TraceEntry single ? Set.of(single) : (Set<TraceEntry>) held;
  }

  void clear() {
    byKey.clear();
  }
}
