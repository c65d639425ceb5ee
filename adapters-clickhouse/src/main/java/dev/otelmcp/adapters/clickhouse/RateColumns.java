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
  record Key(String provider, String model, int tier, int period, int timeOfDay) {}

  /**
   * The units whose presence moves tokens out of another unit's bucket, by their flag's alias. Hour-long cache writes
   * would too, but a span's usage never has any ({@code BillableTokens}), so their bucket is always empty.
   */
  private static final Map<PriceUnit, String> SPLITTING = Map.of(PriceUnit.CACHE_READ_MTOK, "fcr_",
      PriceUnit.CACHE_WRITE_MTOK, "fcw_", PriceUnit.OUTPUT_REASONING_MTOK, "frs_");

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
   * usage does not add up): which rates apply, the flags and quantities of its buckets, and the cost.
   *
   * <p>What is sent stays small and each span's lookup constant-time: the provider and model pair is found by one
   * equality per pair, its tier, period and part of the day index a dense table of rate rows ({@code segments}: how
   * many of each there are), and the rows are the distinct rates only, each unit's prices an array of IEEE bits
   * (none for a unit no row prices).
   */
  List<String> costStages(Map<Key, UnitRates> priced, int[] segments) {
    Map<List<String>, Integer> pairs = new LinkedHashMap<>();
    Map<UnitRates, Integer> rows = new LinkedHashMap<>();
    priced.forEach((key, rates) -> {
      pairs.putIfAbsent(List.of(key.provider(), key.model()), pairs.size() + 1);
      rows.putIfAbsent(rates, rows.size() + 1);
    });
    int tiers = segments[0];
    int periods = segments[1];
    int times = segments[2];
    long[] table = new long[Math.multiplyExact(Math.multiplyExact(pairs.size(), tiers), periods * times)];
    priced.forEach((key, rates) -> table[Math.toIntExact((((pairs.get(List.of(key.provider(), key.model())) - 1L)
        * tiers + key.tier()) * periods + key.period()) * times + key.timeOfDay())] = rows.get(rates));
    List<String> branches = new ArrayList<>();
    pairs.forEach((pair, index) -> branches.add("kprov_ = " + params.string(pair.get(0)) + " AND kmodel_ = "
        + params.string(pair.get(1)) + ", " + index));
    String pair = "toInt64(" + (branches.isEmpty() ? "0" : "multiIf(" + String.join(", ", branches) + ", 0)")
        + ") AS kpm_";
    List<Long> cells = new ArrayList<>();
    for (long cell : table) {
      cells.add(cell);
    }
    String key = "if(kpm_ = 0, 0, " + params.int64s(cells) + "[(((kpm_ - 1) * " + tiers + " + kt_) * " + periods
        + " + kd_) * " + times + " + ko_ + 1]) AS k_";
    List<String> lookups = new ArrayList<>();
    for (PriceUnit unit : PriceUnit.values()) {
      List<Long> bits = new ArrayList<>();
      rows.keySet().forEach(rates -> bits.add(Double.doubleToRawLongBits(rates.of(unit).orElse(0.0))));
      boolean anyPrice = rows.keySet().stream().anyMatch(rates -> rates.prices(unit));
      lookups.add((anyPrice ? "reinterpretAsFloat64(" + params.int64s(bits) + "[k_])" : "0.0") + " AS " + price(unit));
      if (SPLITTING.containsKey(unit)) {
        List<Long> flags = new ArrayList<>();
        rows.keySet().forEach(rates -> flags.add(rates.prices(unit) ? 1L : 0L));
        lookups.add((anyPrice ? "(" + params.int64s(flags) + "[k_] = 1)" : "false") + " AS " + SPLITTING.get(unit));
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
    return List.of(pair, key, String.join(", ", lookups), buckets, rest, cost);
  }

  /** {@code price * quantity / per}, nothing for a quantity of none. */
  private static String charge(PriceUnit unit, String quantity) {
    return "if(" + quantity + " <= 0, 0.0, " + price(unit) + " * toFloat64(" + quantity + ") / "
        + (long) unit.per() + ".0)";
  }

  private static String price(PriceUnit unit) {
    return "p_" + unit.name().toLowerCase(java.util.Locale.ROOT) + "_";
  }
}
