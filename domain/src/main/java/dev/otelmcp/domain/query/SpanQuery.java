package dev.otelmcp.domain.query;

import dev.otelmcp.domain.model.TimeRange;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A span search as a store receives it: every filter applies to the span itself (a negative operator
 * matches spans that lack the field).
 */
public record SpanQuery(TimeRange timeRange, List<Filter> filters, int limit, String cursor) {

  public SpanQuery {
    Objects.requireNonNull(timeRange, "timeRange");
    filters = List.copyOf(filters);
    if (limit < 1) {
      throw new IllegalArgumentException("limit must be at least 1: " + limit);
    }
  }

  public SpanQuery(TimeRange timeRange, List<Filter> filters, int limit) {
    this(timeRange, filters, limit, null);
  }

  public Optional<String> cursorValue() {
    return Optional.ofNullable(cursor);
  }

  public Optional<String> equalsValue(IntrinsicField field) {
    return Filters.equalsValue(filters, field);
  }

  public SpanQuery withLimit(int newLimit) {
    return new SpanQuery(timeRange, filters, newLimit, cursor);
  }

  public SpanQuery withCursor(String newCursor) {
    return new SpanQuery(timeRange, filters, limit, newCursor);
  }
}
