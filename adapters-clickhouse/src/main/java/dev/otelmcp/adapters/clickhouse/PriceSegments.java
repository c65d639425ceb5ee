package dev.otelmcp.adapters.clickhouse;

import dev.otelmcp.domain.pricing.PriceBreaks;
import java.util.ArrayList;
import java.util.List;

/**
 * Where a call falls among the price breaks ({@link PriceBreaks}), as SQL: its tier (how many tier starts its
 * billable input exceeds), its dated period (how many price dates its start has reached) and its part of the day
 * (how many daily times its start's time of day has reached). Calls of a model alike in all three are charged at the
 * same rates — what lets a statement group them ({@link ClickHouseUsageSums}) or price them from one lookup per
 * group ({@link ClickHouseTraceRanking}).
 */
final class PriceSegments {

  private static final long DAY_NANOS = 86_400_000_000_000L;

  private PriceSegments() {}

  /**
   * The three segments, each an expression; {@code "0"} for a kind of break the prices do not have.
   *
   * @param input the billable input tokens' expression
   * @param start the call's start in nanoseconds since the epoch
   * @param scanNanos the range the statement's spans start in: only dates inside it can part its calls
   */
  static List<String> of(PriceBreaks breaks, String input, String start, long[] scanNanos, SqlParams params) {
    List<Long> dates = datesIn(breaks, scanNanos);
    return List.of(passed(input + " > ", breaks.tierStarts(), params), passed(start + " >= ", dates, params),
        passed(start + " % " + DAY_NANOS + " >= ", breaks.timesOfDayNanos(), params));
  }

  /** How many tiers, dated periods and parts of the day there are: the values each segment can take. */
  static int[] counts(PriceBreaks breaks, long[] scanNanos) {
    return new int[] {breaks.tierStarts().size() + 1, datesIn(breaks, scanNanos).size() + 1,
        breaks.timesOfDayNanos().size() + 1};
  }

  /** The price dates inside the scan: only those can part its calls (one before or after them all parts none). */
  private static List<Long> datesIn(PriceBreaks breaks, long[] scanNanos) {
    return breaks.dates().stream().map(TraceSearch::nanos).filter(d -> d > scanNanos[0] && d < scanNanos[1]).toList();
  }

  /**
   * How many of the breaks a value has passed, written out comparison by comparison (a lambda over an array would
   * copy the array for every row); {@code "0"} when there are none.
   */
  private static String passed(String passed, List<Long> breaks, SqlParams params) {
    if (breaks.isEmpty()) {
      return "0";
    }
    List<String> terms = new ArrayList<>();
    breaks.forEach(value -> terms.add("(" + passed + params.int64(value) + ")"));
    return "toUInt32(" + String.join(" + ", terms) + ")";
  }
}
