package dev.otelmcp.domain.port;

import dev.otelmcp.domain.query.Filter;
import java.util.function.Predicate;

/**
 * What a store evaluates itself, so the query planner can push those filters down and apply the rest in
 * memory after fetching.
 *
 * @param traceFilters filters the store applies exactly in {@code searchTraces}
 * @param spanFilters filters the store applies exactly in {@code searchSpans}
 * @param nativeSpanSearch whether {@code searchSpans} is implemented
 * @param maxSearchLimit the largest {@code limit} one search request may ask for
 * @param fullTracesInSearch whether search hits are whole traces (no hydration needed)
 */
public record StoreCapabilities(
    Predicate<Filter> traceFilters,
    Predicate<Filter> spanFilters,
    boolean nativeSpanSearch,
    int maxSearchLimit,
    boolean fullTracesInSearch) {

  public StoreCapabilities {
    if (maxSearchLimit < 1) {
      throw new IllegalArgumentException("maxSearchLimit must be positive");
    }
  }

  public boolean evaluatesTraceFilter(Filter filter) {
    return traceFilters.test(filter);
  }

  public boolean evaluatesSpanFilter(Filter filter) {
    return spanFilters.test(filter);
  }
}
