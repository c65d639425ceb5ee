package dev.otelmcp.adapters.clickhouse;

import dev.otelmcp.domain.pricing.PriceUnit;
import dev.otelmcp.domain.pricing.UnitRates;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Each call's price in SQL, for the rankings ({@link ClickHouseTraceRanking}): the call's price key (provider, model as
 * {@code LlmCall.model()} names it, and its {@link PriceSegments}), the rates otel-mcp gave for that key, and
 * {@link UnitRates#cost} written step by step in the same order — a price is passed as its IEEE bits and every charge
 * is {@code price * quantity / per}, so each call's price is the one Java computes, to the bit.
 *
 * <p>Provider and model names come from spans: each is sent as a {@code String} parameter of its own and matched by
 * equality, never put into an array literal.
 */
final class RateColumns {

  /** A price key: provider ({@code ""}: none), model, and the tier, dated period and part of the day. */
  record Key(String provider, String model, long tier, long period, long timeOfDay) {}

  /** The units whose presence moves tokens out of another unit's bucket, by their flag's alias. */
  private static final Map<PriceUnit, String> SPLITTING = Map.of(PriceUnit.CACHE_READ_MTOK, "fcr_",
      PriceUnit.CACHE_WRITE_MTOK, "fcw_", PriceUnit.CACHE_WRITE_1H_MTOK, "fcw1_",
      PriceUnit.OUTPUT_REASONING_MTOK, "frs_");

  private final SqlParams params;

  RateColumns(SqlParams params) {
    this.params = params;
  }

  /**
   * The stage that reads a call's price key: {@code kprov_}, {@code kmodel_} ({@code ""}: the call names no model),
   * and {@code kt_}, {@code kd_}, {@code ko_} from the three segment expressions (over {@code bin_} and {@code ns_}).
   */
  static String keyStage(List<String> segments) {
    return "ifNull(prov_, '') AS kprov_, ifNull(resp_, ifNull(req_, '')) AS kmodel_, " + segments.get(0) + " AS kt_, "
        + segments.get(1) + " AS kd_, " + segments.get(2) + " AS ko_";
  }

  /**
   * The stages after {@link #keyStage} that price the call as {@code cost_c_} (0 when its key has no rates or its
   * usage does not add up): which priced key it is, the flags and quantities of its buckets, and the cost.
   */
  List<String> costStages(Map<Key, UnitRates> priced) {
    Map<String, Long> providers = new LinkedHashMap<>();
    Map<String, Long> models = new LinkedHashMap<>();
    priced.keySet().forEach(key -> {
      providers.putIfAbsent(key.provider(), (long) providers.size() + 1);
      models.putIfAbsent(key.model(), (long) models.size() + 1);
    });
    String names = "toInt64(" + indexOf("kprov_", providers) + ") AS kpi_, toInt64(" + indexOf("kmodel_", models)
        + ") AS kmi_";
    List<Long> pis = new ArrayList<>();
    List<Long> mis = new ArrayList<>();
    List<Long> tiers = new ArrayList<>();
    List<Long> periods = new ArrayList<>();
    List<Long> times = new ArrayList<>();
    priced.keySet().forEach(key -> {
      pis.add(providers.get(key.provider()));
      mis.add(models.get(key.model()));
      tiers.add(key.tier());
      periods.add(key.period());
      times.add(key.timeOfDay());
    });
    String key = "indexOf(arrayZip(" + params.int64s(pis) + ", " + params.int64s(mis) + ", " + params.int64s(tiers)
        + ", " + params.int64s(periods) + ", " + params.int64s(times) + "), tuple(kpi_, kmi_, toInt64(kt_), "
        + "toInt64(kd_), toInt64(ko_))) AS k_";
    List<String> lookups = new ArrayList<>();
    for (PriceUnit unit : PriceUnit.values()) {
      List<Long> bits = new ArrayList<>();
      priced.values().forEach(rates -> bits.add(Double.doubleToRawLongBits(rates.of(unit).orElse(0.0))));
      lookups.add("reinterpretAsFloat64(" + params.int64s(bits) + "[k_]) AS " + price(unit));
      if (SPLITTING.containsKey(unit)) {
        List<Long> flags = new ArrayList<>();
        priced.values().forEach(rates -> flags.add(rates.prices(unit) ? 1L : 0L));
        lookups.add("(" + params.int64s(flags) + "[k_] = 1) AS " + SPLITTING.get(unit));
      }
    }
    // UnitRates.cost: the buckets (the stores' usage has no hour-long cache writes), then the charges in its order.
    String buckets = String.join(", ",
        "toInt64(0) AS qw1_",
        "if(fcw_, ifNull(cc_, 0) - qw1_, 0) AS qw_",
        "if(fcr_, ifNull(cr_, 0), 0) AS qr_",
        "if(frs_, ifNull(brs_, 0), 0) AS qrs_");
    // Typed Nullable by the reading's branches, never NULL: as BillableTokens, a figure not read is 0.
    String rest = "ifNull(bin_, 0) - qr_ - qw_ - qw1_ AS qin_, ifNull(bout_, 0) - qrs_ AS qout_";
    String in = "((" + charge(PriceUnit.INPUT_MTOK, "qin_") + " + " + charge(PriceUnit.CACHE_READ_MTOK, "qr_") + ") + "
        + charge(PriceUnit.CACHE_WRITE_MTOK, "qw_") + ") + " + charge(PriceUnit.CACHE_WRITE_1H_MTOK, "qw1_");
    String out = charge(PriceUnit.OUTPUT_MTOK, "qout_") + " + " + charge(PriceUnit.OUTPUT_REASONING_MTOK, "qrs_");
    String cost = "if(k_ > 0 AND qw_ >= 0 AND qin_ >= 0 AND qout_ >= 0, ((" + in + ") + (" + out + ")) + "
        + charge(PriceUnit.REQUESTS_KCOUNT, "toInt64(1)") + ", 0.0) AS cost_c_";
    return List.of(names, key, String.join(", ", lookups), buckets, rest, cost);
  }

  /** {@code price * quantity / per}, nothing for a quantity of none. */
  private static String charge(PriceUnit unit, String quantity) {
    return "if(" + quantity + " <= 0, 0.0, " + price(unit) + " * toFloat64(" + quantity + ") / "
        + (long) unit.per() + ".0)";
  }

  private static String price(PriceUnit unit) {
    return "p_" + unit.name().toLowerCase(java.util.Locale.ROOT) + "_";
  }

  /** Which of the names the text is (1-based), 0 for none: one equality per name, each a parameter of its own. */
  private String indexOf(String text, Map<String, Long> names) {
    if (names.isEmpty()) {
      return "0";
    }
    List<String> branches = new ArrayList<>();
    names.forEach((name, index) -> branches.add(text + " = " + params.string(name) + ", " + index));
    return "multiIf(" + String.join(", ", branches) + ", 0)";
  }
}
