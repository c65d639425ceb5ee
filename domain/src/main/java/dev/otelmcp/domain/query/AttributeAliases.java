package dev.otelmcp.domain.query;

import java.util.List;
import java.util.Map;

/**
 * Attribute keys that mean the same thing under different LLM semantic conventions. Filtering on any key
 * of a group looks at the first key present on the span, starting with the one asked for, so
 * {@code gen_ai.system = openai} also finds spans that only carry the newer {@code gen_ai.provider.name}
 * or OpenLLMetry's {@code llm.vendor}.
 */
public final class AttributeAliases {

  private static final List<List<String>> GROUPS = List.of(
      List.of("gen_ai.system", "gen_ai.provider.name", "llm.vendor", "llm.system", "llm.provider"),
      List.of("gen_ai.request.model", "llm.request.model", "llm.request.model_name"),
      List.of("gen_ai.response.model", "llm.response.model", "llm.response.model_name", "llm.model_name"));

  private static final Map<String, List<String>> BY_KEY = index();

  private AttributeAliases() {}

  /** The keys to try, in order, for a field: the field itself first, then its aliases. */
  public static List<String> keysFor(String field) {
    return BY_KEY.getOrDefault(field, List.of(field));
  }

  public static boolean hasAliases(String field) {
    return BY_KEY.containsKey(field);
  }

  private static Map<String, List<String>> index() {
    Map<String, List<String>> index = new java.util.HashMap<>();
    for (List<String> group : GROUPS) {
      for (String key : group) {
        List<String> ordered = new java.util.ArrayList<>();
        ordered.add(key);
        group.stream().filter(k -> !k.equals(key)).forEach(ordered::add);
        index.put(key, List.copyOf(ordered));
      }
    }
    return Map.copyOf(index);
  }
}
