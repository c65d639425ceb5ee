package dev.otelmcp.domain.query;

import dev.otelmcp.domain.model.TimeRange;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A trace search as a store receives it: a time window, the filters the store said it evaluates (see
 * {@code StoreCapabilities}), how many traces to return at most, and an optional cursor from a previous
 * page. A store must apply every filter it is given, with {@link FilterEvaluator}'s semantics.
 */
public record TraceQuery(TimeRange timeRange, List<Filter> filters, int limit, String cursor) {

  public TraceQuery {
    Objects.requireNonNull(timeRange, "timeRange");
    filters = List.copyOf(filters);
    if (limit < 1) {
      throw new IllegalArgumentException("limit must be at least 1: " + limit);
    }
  }

  public TraceQuery(TimeRange timeRange, List<Filter> filters, int limit) {
    this(timeRange, filters, limit, null);
  }

  public Optional<String> cursorValue() {
    return Optional.ofNullable(cursor);
  }

  /** The value of an {@code equals} (string) filter on an intrinsic field, if the query has one. */
  public Optional<String> equalsValue(IntrinsicField field) {
    return Filters.equalsValue(filters, field);
  }

  public TraceQuery withLimit(int newLimit) {
    return new TraceQuery(timeRange, filters, newLimit, cursor);
  }

  public TraceQuery withCursor(String newCursor) {
    return new TraceQuery(timeRange, filters, limit, newCursor);
  }

  public TraceQuery withFilters(List<Filter> newFilters) {
    return new TraceQuery(timeRange, newFilters, limit, cursor);
  }
}
