package dev.otelmcp.domain.pricing;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** A model's price of each unit it is priced in. A unit it has no price for costs nothing. */
public record ModelPrices(Map<PriceUnit, UnitPrice> units) {

  public ModelPrices {
    // An unmodifiable EnumMap: every call priced looks its units up (an array index, no hashing), in unit order.
    units.values().forEach(Objects::requireNonNull);
    units = units.isEmpty() ? Map.of() : Collections.unmodifiableMap(new EnumMap<>(units));
  }

  public Optional<UnitPrice> of(PriceUnit unit) {
    return Optional.ofNullable(units.get(unit));
  }
}
