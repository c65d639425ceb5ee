package dev.otelmcp.application.llm;

import dev.otelmcp.domain.llm.LlmCall;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** Token totals grouped by a key (model, service, provider), largest total first. */
public final class Breakdown {

  /** One group's totals. */
  public record Entry(String key, TokenTotals totals) {}

  private Breakdown() {}

  public static List<Entry> by(List<LlmCall> calls, Function<LlmCall, String> key) {
    Map<String, TokenTotals> groups = new LinkedHashMap<>();
    for (LlmCall call : calls) {
      groups.merge(key.apply(call), TokenTotals.ZERO.plus(call), TokenTotals::plus);
    }
    return sorted(groups);
  }

  /** Groups already summed, largest total first. */
  public static List<Entry> sorted(Map<String, TokenTotals> groups) {
    return groups.entrySet().stream()
        .map(e -> new Entry(e.getKey(), e.getValue()))
        .sorted(Comparator.comparingLong((Entry e) -> e.totals().totalTokens()).reversed()
            .thenComparing(Comparator.comparingLong((Entry e) -> e.totals().requestCount()).reversed())
            .thenComparing(Entry::key))
        .toList();
  }
}
