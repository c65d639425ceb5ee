package dev.otelmcp.domain.pricing;

import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

/** A model's price of each unit it is priced in. A unit it has no price for costs nothing. */
public record ModelPrices(Map<PriceUnit, UnitPrice> units) {

  public ModelPrices {
    units = units.isEmpty() ? Map.of() : Map.copyOf(new EnumMap<>(units));
  }

  public Optional<UnitPrice> of(PriceUnit unit) {
    return Optional.ofNullable(units.get(unit));
  }
}
