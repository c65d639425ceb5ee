package dev.otelmcp.application.llm;

import java.util.Comparator;
import java.util.List;
import java.util.Map;

/** Token totals grouped by a key (model, service, provider), largest total first. */
public final class Breakdown {

  /** One group's totals. */
  public record Entry(String key, TokenTotals totals) {}

  private Breakdown() {}

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
