package dev.otelmcp.domain.pricing;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.TreeSet;

/** Collects the {@link PriceBreaks} of every price a book holds: the operator's and each table model's periods. */
final class PriceBreaksOf {

  private PriceBreaksOf() {}

  static PriceBreaks book(List<OperatorPrice> operatorPrices, PriceTable table) {
    TreeSet<Long> tiers = new TreeSet<>();
    TreeSet<Instant> dates = new TreeSet<>();
    TreeSet<Long> timesOfDay = new TreeSet<>();
    operatorPrices.forEach(price -> tiersOf(price.prices(), tiers));
    if (table != null) {
      for (PriceProvider provider : table.providers()) {
        for (PricedModel model : provider.models()) {
          for (PricePeriod period : model.periods()) {
            tiersOf(period.prices(), tiers);
            if (period.constraint() instanceof PriceConstraint.StartDate start) {
              dates.add(start.date().atStartOfDay(ZoneOffset.UTC).toInstant());
            } else if (period.constraint() instanceof PriceConstraint.TimeOfDay window) {
              timesOfDay.add(window.start().toNanoOfDay());
              timesOfDay.add(window.end().toNanoOfDay());
            }
          }
        }
      }
    }
    return new PriceBreaks(List.copyOf(tiers), List.copyOf(dates), List.copyOf(timesOfDay));
  }

  private static void tiersOf(ModelPrices prices, TreeSet<Long> tiers) {
    prices.units().values().forEach(unit -> unit.tiers().forEach(tier -> tiers.add(tier.start())));
  }
}
