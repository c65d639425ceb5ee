package dev.otelmcp.application.llm;

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
public record UnpricedModel(String model, String provider, long requestCount, String reason) {

  private record ModelOf(String model, String provider) {}

  /** Counts unpriced calls as they are read or summed, for a read that keeps no calls. */
  public static final class Counter {
    private final Map<ModelOf, long[]> counts = new LinkedHashMap<>();
    private final Map<ModelOf, String> reasons = new LinkedHashMap<>();

    /** Counts {@code calls} calls of a model and provider priced as {@code quote}. */
    public void count(String model, String provider, PriceBook.Quote quote, long calls) {
      if (quote instanceof PriceBook.Unpriced unpriced) {
        ModelOf key = new ModelOf(model, provider);
        counts.computeIfAbsent(key, k -> new long[1])[0] += calls;
        reasons.putIfAbsent(key, unpriced.reason());
      }
    }

    /** Most calls first; {@code null} when every call was priced. */
    public List<UnpricedModel> models() {
      if (counts.isEmpty()) {
        return null;
      }
      List<UnpricedModel> models = new ArrayList<>();
      counts.forEach((key, count) -> models.add(new UnpricedModel(key.model(), key.provider(), count[0], reasons.get(key))));
      models.sort(Comparator.comparingLong(UnpricedModel::requestCount).reversed().thenComparing(UnpricedModel::model));
      return models;
    }
  }
}
