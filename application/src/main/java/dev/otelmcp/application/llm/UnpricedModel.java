package dev.otelmcp.application.llm;

import dev.otelmcp.domain.llm.LlmCall;
import dev.otelmcp.domain.pricing.PriceBook;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A model whose calls could not be priced — the table does not know it, or its usage does not add up — with how many
 * calls that was and why: what a partial cost leaves out.
 */
public record UnpricedModel(String model, String provider, long callCount, String reason) {

  /** The unpriced models among these calls, most calls first; {@code null} when every call was priced. */
  public static List<UnpricedModel> of(List<LlmCall> calls) {
    Map<List<String>, long[]> counts = new LinkedHashMap<>();
    Map<List<String>, String> reasons = new LinkedHashMap<>();
    for (LlmCall call : calls) {
      if (call.quote() instanceof PriceBook.Unpriced unpriced) {
        List<String> key = java.util.Arrays.asList(call.model(), call.provider());
        counts.computeIfAbsent(key, k -> new long[1])[0]++;
        reasons.putIfAbsent(key, unpriced.reason());
      }
    }
    if (counts.isEmpty()) {
      return null;
    }
    List<UnpricedModel> models = new ArrayList<>();
    counts.forEach((key, count) -> models.add(new UnpricedModel(key.get(0), key.get(1), count[0], reasons.get(key))));
    models.sort(Comparator.comparingLong(UnpricedModel::callCount).reversed().thenComparing(UnpricedModel::model));
    return models;
  }
}
