package dev.otelmcp.application;

import dev.otelmcp.application.llm.CallPricing;
import dev.otelmcp.domain.pricing.ModelPrices;
import dev.otelmcp.domain.pricing.NameMatch;
import dev.otelmcp.domain.pricing.PriceBook;
import dev.otelmcp.domain.pricing.PricePeriod;
import dev.otelmcp.domain.pricing.PriceProvider;
import dev.otelmcp.domain.pricing.PriceSource;
import dev.otelmcp.domain.pricing.PriceTable;
import dev.otelmcp.domain.pricing.PriceUnit;
import dev.otelmcp.domain.pricing.PricedModel;
import dev.otelmcp.domain.pricing.UnitPrice;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * A small price table for the application's tests, USD per million tokens: gpt-4o-mini 0.15 in / 0.075 cached /
 * 0.60 out; gpt-4o 2.50 / 1.25 / 10.00; claude-sonnet 3.00 / 0.30 cached / 3.75 cache write / 15.00 out.
 */
public final class TestPrices {

  public static final PriceSource SOURCE = new PriceSource("test-prices", "1", "2026-11-01");

  private TestPrices() {}

  public static PriceBook book() {
    PriceProvider openai = new PriceProvider("openai", "OpenAI", new NameMatch.Contains("openai"),
        new NameMatch.StartsWith("gpt-"), List.of(), List.of(
            model("gpt-4o-mini", 0.15, 0.075, null, 0.60),
            model("gpt-4o", 2.50, 1.25, null, 10.00)));
    PriceProvider anthropic = new PriceProvider("anthropic", "Anthropic", new NameMatch.Contains("anthropic"),
        new NameMatch.Contains("claude"), List.of(), List.of(model("claude-sonnet", 3.00, 0.30, 3.75, 15.00)));
    return new PriceBook(List.of(), null, new PriceTable(SOURCE, List.of(openai, anthropic)));
  }

  public static CallPricing pricing() {
    return new CallPricing(book());
  }

  private static PricedModel model(String prefix, double input, double cacheRead, Double cacheWrite, double output) {
    Map<PriceUnit, UnitPrice> units = new EnumMap<>(PriceUnit.class);
    units.put(PriceUnit.INPUT_MTOK, UnitPrice.flat(input));
    units.put(PriceUnit.CACHE_READ_MTOK, UnitPrice.flat(cacheRead));
    if (cacheWrite != null) {
      units.put(PriceUnit.CACHE_WRITE_MTOK, UnitPrice.flat(cacheWrite));
    }
    units.put(PriceUnit.OUTPUT_MTOK, UnitPrice.flat(output));
    return new PricedModel(prefix, prefix, new NameMatch.StartsWith(prefix),
        List.of(new PricePeriod(null, new ModelPrices(units))));
  }
}
