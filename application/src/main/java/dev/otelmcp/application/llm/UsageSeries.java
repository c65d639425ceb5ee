package dev.otelmcp.application.llm;

import dev.otelmcp.domain.error.InvalidQueryException;
import dev.otelmcp.domain.llm.CallGroup;
import dev.otelmcp.domain.model.TimeRange;
import dev.otelmcp.domain.pricing.PriceBook;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Usage over time: the window cut into buckets of one interval, aligned to UTC multiples of it (hours on the hour,
 * days at midnight), every bucket listed — an empty hour is a zero, not a gap — with its calls, tokens and cost.
 */
public final class UsageSeries {

  /** The most buckets one answer holds. */
  public static final int MAX_BUCKETS = 1_000;

  /** One bucket: calls that started in [start_time, start_time + interval). */
  public record Bucket(
      Instant startTime, long requestCount, long errorCount, long inputTokens, long outputTokens, long totalTokens,
      double costUsd, Boolean costIsPartial) {

    static Bucket of(Instant start, TokenTotals t) {
      return new Bucket(start, t.requestCount(), t.errorCount(), t.inputTokens(), t.outputTokens(), t.totalTokens(),
          t.costUsd(), t.costIsPartial());
    }
  }

  private UsageSeries() {}

  /** The buckets of a window, filled call by call. */
  public static final class Buckets {
    private final long first;
    private final long step;
    private final TokenSums[] totals;

    /** @throws InvalidQueryException when the interval cuts the window into more than {@value #MAX_BUCKETS} */
    public Buckets(TimeRange window, Duration interval) {
      step = interval.toMillis();
      first = Math.floorDiv(window.start().toEpochMilli(), step) * step;
      long count = Math.floorDiv(window.end().toEpochMilli() - 1 - first, step) + 1;
      if (count > MAX_BUCKETS) {
        throw new InvalidQueryException("interval " + interval.toString().substring(2).toLowerCase(java.util.Locale.ROOT)
            + " cuts the window into " + count + " buckets, more than " + MAX_BUCKETS,
            "Use a longer interval (e.g. 1h for a day, 1d for a month) or a shorter window.");
      }
      totals = new TokenSums[(int) count];
      java.util.Arrays.setAll(totals, i -> new TokenSums());
    }

    /** Adds calls, each of which started in the bucket of the group's first start. */
    public void add(CallGroup group, PriceBook.Quote quote) {
      TokenSums bucket = bucket(group.firstStart());
      if (bucket != null) {
        bucket.add(group, quote);
      }
    }

    /** The width of the buckets, as a store groups calls into them. */
    public Duration step() {
      return Duration.ofMillis(step);
    }

    private TokenSums bucket(Instant start) {
      long index = Math.floorDiv(start.toEpochMilli() - first, step);
      return index >= 0 && index < totals.length ? totals[(int) index] : null;
    }

    public List<Bucket> list() {
      List<Bucket> buckets = new ArrayList<>(totals.length);
      for (int i = 0; i < totals.length; i++) {
        buckets.add(Bucket.of(Instant.ofEpochMilli(first + i * step), totals[i].totals()));
      }
      return buckets;
    }
  }
}
