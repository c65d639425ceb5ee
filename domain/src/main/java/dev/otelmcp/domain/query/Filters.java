package dev.otelmcp.domain.query;

import java.util.List;
import java.util.Optional;

/** Small queries over filter lists that stores and planners share. */
public final class Filters {

  private Filters() {}

  /** The value of the first string {@code equals} filter on an intrinsic field (any spelling of it). */
  public static Optional<String> equalsValue(List<Filter> filters, IntrinsicField field) {
    return filters.stream()
        .filter(f -> f.operator() == FilterOperator.EQUALS && f.valueType() == FilterValueType.STRING)
        .filter(f -> IntrinsicField.parse(f.field()).filter(field::equals).isPresent())
        .map(f -> (String) f.value())
        .findFirst();
  }

  /** Whether the filter is on the given intrinsic field, under any of its spellings. */
  public static boolean isOn(Filter filter, IntrinsicField field) {
    return IntrinsicField.parse(filter.field()).filter(field::equals).isPresent();
  }
}
