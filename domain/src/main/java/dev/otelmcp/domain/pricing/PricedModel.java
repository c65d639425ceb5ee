package dev.otelmcp.domain.pricing;

import java.time.Instant;
import java.util.List;

/**
 * A model in a price table: the names it answers to and its prices over time. Periods are listed oldest rule
 * first; the last one whose condition holds at a call's time applies (an unconditional period always holds),
 * so a later daily window beats an earlier date, as genai-prices decides.
 */
public record PricedModel(String id, String name, NameMatch match, List<PricePeriod> periods) {

  public PricedModel {
    periods = List.copyOf(periods);
    if (periods.isEmpty()) {
      throw new IllegalArgumentException("model " + id + " has no prices");
    }
  }

  public ModelPrices pricesAt(Instant time) {
    for (int i = periods.size() - 1; i >= 0; i--) {
      PricePeriod period = periods.get(i);
      if (period.constraint() == null || period.constraint().appliesAt(time)) {
        return period.prices();
      }
    }
    return periods.get(0).prices();
  }
}
