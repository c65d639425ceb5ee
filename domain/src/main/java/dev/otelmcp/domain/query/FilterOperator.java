package dev.otelmcp.domain.query;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The 15 filter operators. Each negative operator is the exact complement of its positive counterpart:
 * {@code not_equals x} matches whatever {@code equals x} does not match, including spans that lack the
 * attribute altogether.
 */
public enum FilterOperator {
  EQUALS(Arity.ONE),
  NOT_EQUALS(Arity.ONE),
  CONTAINS(Arity.ONE),
  NOT_CONTAINS(Arity.ONE),
  STARTS_WITH(Arity.ONE),
  ENDS_WITH(Arity.ONE),
  IN(Arity.MANY),
  NOT_IN(Arity.MANY),
  GT(Arity.ONE),
  LT(Arity.ONE),
  GTE(Arity.ONE),
  LTE(Arity.ONE),
  BETWEEN(Arity.TWO),
  EXISTS(Arity.NONE),
  NOT_EXISTS(Arity.NONE);

  /** How many values an operator takes. */
  public enum Arity {
    NONE,
    ONE,
    TWO,
    MANY
  }

  private final Arity arity;

  FilterOperator(Arity arity) {
    this.arity = arity;
  }

  public Arity arity() {
    return arity;
  }

  /** The snake_case name used on the wire ({@code not_equals}). */
  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  public boolean isNegative() {
    return this == NOT_EQUALS || this == NOT_CONTAINS || this == NOT_IN || this == NOT_EXISTS;
  }

  /** The positive operator this one negates; itself for positive operators. */
  public FilterOperator positive() {
    switch (this) {
      case NOT_EQUALS:
        return EQUALS;
      case NOT_CONTAINS:
        return CONTAINS;
      case NOT_IN:
        return IN;
      case NOT_EXISTS:
        return EXISTS;
      default:
        return this;
    }
  }

  public static Optional<FilterOperator> parse(String raw) {
    if (raw == null) {
      return Optional.empty();
    }
    String s = raw.trim().toUpperCase(Locale.ROOT);
    return Arrays.stream(values()).filter(op -> op.name().equals(s)).findFirst();
  }

  public static String wireNames() {
    return Arrays.stream(values()).map(FilterOperator::wireName).collect(Collectors.joining(", "));
  }
}
