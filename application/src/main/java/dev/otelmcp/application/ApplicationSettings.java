package dev.otelmcp.application;

import java.time.Duration;

/**
 * Knobs of the application core, set by bootstrap from configuration.
 *
 * @param defaultWindow how far back a search looks when the caller gives no start time (24 h)
 * @param maxTracesPerQuery the safety cap on the traces one tool call reads ({@code MAX_TRACES_PER_QUERY}): LLM
 *     aggregates read their whole window up to it, searches with filters applied after fetching scan at most it
 * @param hydrationConcurrency how many whole traces are fetched in parallel when a backend returns
 *     summaries only
 * @param stackTraceChars how much of an exception stack trace {@code find_errors} returns
 */
public record ApplicationSettings(
    Duration defaultWindow, int maxTracesPerQuery, int hydrationConcurrency, int stackTraceChars) {

  public static final ApplicationSettings DEFAULTS = new ApplicationSettings(Duration.ofHours(24), 20_000, 8, 2000);

  public ApplicationSettings {
    if (defaultWindow.isNegative() || defaultWindow.isZero()) {
      throw new IllegalArgumentException("default window must be positive");
    }
    if (maxTracesPerQuery < 1) {
      throw new IllegalArgumentException("MAX_TRACES_PER_QUERY must be at least 1, got " + maxTracesPerQuery);
    }
    if (hydrationConcurrency < 1) {
      throw new IllegalArgumentException("hydration concurrency must be at least 1, got " + hydrationConcurrency);
    }
    if (stackTraceChars < 0) {
      throw new IllegalArgumentException("stack trace length must not be negative");
    }
  }
}
