package dev.otelmcp.domain.pricing;

import java.time.Instant;
import java.util.List;

/**
 * Where a price can change from one call to the next, over every model a {@link PriceBook} knows: the tier starts
 * (a tiered rate applies once a request's input tokens exceed one), the dates prices change on, and the times of day
 * daily windows open and close (UTC). Calls of one model that fall between the same breaks — the same tier, the same
 * dated period, the same part of the day — are charged at the same rates, so their tokens can be summed first and
 * priced once: what lets a store sum calls where they live ({@code LlmUsageSums}) and still give every call's price.
 *
 * @param tierStarts input token counts, ascending
 * @param dates instants prices change at, ascending
 * @param timesOfDayNanos nanoseconds into the UTC day a daily window opens or closes at, ascending
 */
public record PriceBreaks(List<Long> tierStarts, List<Instant> dates, List<Long> timesOfDayNanos) {

  public static final PriceBreaks NONE = new PriceBreaks(List.of(), List.of(), List.of());

  public PriceBreaks {
    tierStarts = List.copyOf(tierStarts);
    dates = List.copyOf(dates);
    timesOfDayNanos = List.copyOf(timesOfDayNanos);
  }

  /** The tier segment of a request with {@code input} input tokens: how many tier starts it exceeds. */
  public int tierOf(long input) {
    int segment = 0;
    for (long start : tierStarts) {
      segment += input > start ? 1 : 0;
    }
    return segment;
  }
}
