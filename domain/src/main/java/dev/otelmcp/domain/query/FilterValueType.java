package dev.otelmcp.domain.query;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/** How a filter compares values, and which operators make sense for it. */
public enum FilterValueType {
  STRING(EnumSet.of(
      FilterOperator.EQUALS, FilterOperator.NOT_EQUALS, FilterOperator.CONTAINS, FilterOperator.NOT_CONTAINS,
      FilterOperator.STARTS_WITH, FilterOperator.ENDS_WITH, FilterOperator.IN, FilterOperator.NOT_IN,
      FilterOperator.EXISTS, FilterOperator.NOT_EXISTS)),
  NUMBER(EnumSet.of(
      FilterOperator.EQUALS, FilterOperator.NOT_EQUALS, FilterOperator.IN, FilterOperator.NOT_IN,
      FilterOperator.GT, FilterOperator.LT, FilterOperator.GTE, FilterOperator.LTE, FilterOperator.BETWEEN,
      FilterOperator.EXISTS, FilterOperator.NOT_EXISTS)),
  BOOLEAN(EnumSet.of(
      FilterOperator.EQUALS, FilterOperator.NOT_EQUALS, FilterOperator.EXISTS, FilterOperator.NOT_EXISTS));

  private final Set<FilterOperator> operators;

  FilterValueType(Set<FilterOperator> operators) {
    this.operators = operators;
  }

  public boolean supports(FilterOperator operator) {
    return operators.contains(operator);
  }

  public Set<FilterOperator> operators() {
    return operators;
  }

  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Optional<FilterValueType> parse(String raw) {
    if (raw == null) {
      return Optional.empty();
    }
    String s = raw.trim().toUpperCase(Locale.ROOT);
    return Arrays.stream(values()).filter(t -> t.name().equals(s)).findFirst();
  }
}
