package dev.otelmcp.adapters.pricing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.otelmcp.domain.pricing.ModelPrices;
import dev.otelmcp.domain.pricing.PriceConstraint;
import dev.otelmcp.domain.pricing.PricePeriod;
import dev.otelmcp.domain.pricing.PriceProvider;
import dev.otelmcp.domain.pricing.PriceSource;
import dev.otelmcp.domain.pricing.PriceTable;
import dev.otelmcp.domain.pricing.PriceUnit;
import dev.otelmcp.domain.pricing.PricedModel;
import dev.otelmcp.domain.pricing.UnitPrice;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The vendored genai-prices table (see PROVENANCE.md beside it): providers and models with their match rules and
 * prices. Units a span never reports (audio, images, searches…) are left out — they would cost nothing anyway.
 */
public final class GenaiPricesTable {

  /** The table's identity: the npm package it was taken from, and that package's publication date. */
  public static final PriceSource SOURCE = new PriceSource("genai-prices", "0.1.8", "2026-09-23");
  static final String RESOURCE = "genai-prices/data.json";

  private GenaiPricesTable() {}

  /** The bundled table. */
  public static PriceTable load() {
    try (InputStream in = GenaiPricesTable.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("the price table " + RESOURCE + " is missing from the jar");
      }
      return read(new ObjectMapper().readTree(in), SOURCE);
    } catch (IOException e) {
      throw new UncheckedIOException("the price table " + RESOURCE + " cannot be read", e);
    }
  }

  static PriceTable read(JsonNode root, PriceSource source) {
    List<PriceProvider> providers = new ArrayList<>();
    for (JsonNode provider : root) {
      List<PricedModel> models = new ArrayList<>();
      for (JsonNode model : provider.path("models")) {
        models.add(new PricedModel(model.get("id").asText(), model.path("name").asText(model.get("id").asText()),
            MatchReader.read(model.get("match")), periods(model.get("prices"))));
      }
      List<String> fallbacks = new ArrayList<>();
      provider.path("fallback_model_providers").forEach(id -> fallbacks.add(id.asText()));
      providers.add(new PriceProvider(provider.get("id").asText(), provider.path("name").asText(),
          MatchReader.read(provider.get("provider_match")), MatchReader.read(provider.get("model_match")), fallbacks,
          models));
    }
    return new PriceTable(source, providers);
  }

  private static List<PricePeriod> periods(JsonNode prices) {
    List<PricePeriod> periods = new ArrayList<>();
    if (!prices.isArray()) {
      periods.add(new PricePeriod(null, prices(prices)));
      return periods;
    }
    for (JsonNode period : prices) {
      periods.add(new PricePeriod(constraint(period.get("constraint")), prices(period.get("prices"))));
    }
    return periods;
  }

  private static PriceConstraint constraint(JsonNode node) {
    if (node == null || node.isNull()) {
      return null;
    }
    String type = node.path("type").asText();
    return switch (type) {
      case "start_date" -> new PriceConstraint.StartDate(LocalDate.parse(node.get("start_date").asText()));
      case "time_of_date" -> new PriceConstraint.TimeOfDay(utc(node.get("start_time").asText()),
          utc(node.get("end_time").asText()));
      default -> throw new IllegalArgumentException("unknown price constraint " + type);
    };
  }

  private static LocalTime utc(String time) {
    return OffsetTime.parse(time).withOffsetSameInstant(ZoneOffset.UTC).toLocalTime();
  }

  /** Reads one price object; shared with the operator's file, which uses the same unit names. */
  static ModelPrices prices(JsonNode node) {
    Map<PriceUnit, UnitPrice> units = new EnumMap<>(PriceUnit.class);
    node.fields().forEachRemaining(field -> PriceUnit.parse(field.getKey())
        .ifPresent(unit -> units.put(unit, unitPrice(field.getKey(), field.getValue()))));
    return new ModelPrices(units);
  }

  private static UnitPrice unitPrice(String unit, JsonNode value) {
    if (value.isNumber()) {
      return UnitPrice.flat(nonNegative(unit, value.asDouble()));
    }
    if (value.isObject() && value.has("base")) {
      List<UnitPrice.Tier> tiers = new ArrayList<>();
      value.path("tiers").forEach(tier -> tiers.add(new UnitPrice.Tier(tier.get("start").asLong(),
          nonNegative(unit, tier.get("price").asDouble()))));
      return new UnitPrice(nonNegative(unit, value.get("base").asDouble()), tiers);
    }
    throw new IllegalArgumentException(unit + " must be a number or {base, tiers}, got " + value);
  }

  private static double nonNegative(String unit, double price) {
    if (!(price >= 0) || Double.isInfinite(price)) {
      throw new IllegalArgumentException(unit + " must be a price of 0 or more, got " + price);
    }
    return price;
  }
}
