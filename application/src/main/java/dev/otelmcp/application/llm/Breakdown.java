package dev.otelmcp.application.llm;

import java.util.Comparator;
import java.util.List;
import java.util.Map;

/** Token totals grouped by a key (model, service, provider), largest total first. */
public final class Breakdown {

  private Breakdown() {}

  /** Groups already summed, largest total first. */
  public static List<UsageGroup> sorted(Map<String, TokenTotals> groups) {
    return groups.entrySet().stream()
        .map(e -> new UsageGroup(e.getKey(), e.getValue()))
        .sorted(Comparator.comparingLong((UsageGroup g) -> g.totals().totalTokens()).reversed()
            .thenComparing(Comparator.comparingLong((UsageGroup g) -> g.totals().requestCount()).reversed())
            .thenComparing(UsageGroup::name))
        .toList();
  }
}
