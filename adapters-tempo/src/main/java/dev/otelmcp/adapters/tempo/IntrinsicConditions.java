package dev.otelmcp.adapters.tempo;

import dev.otelmcp.domain.model.AttributeValue;
import dev.otelmcp.domain.model.Span;
import dev.otelmcp.domain.model.SpanKind;
import dev.otelmcp.domain.model.StatusCode;
import dev.otelmcp.domain.query.Filter;
import dev.otelmcp.domain.query.FilterEvaluator;
import dev.otelmcp.domain.query.FilterOperator;
import dev.otelmcp.domain.query.FilterValueType;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * TraceQL for filters on the span fields every span has: name, service, status, kind, status message and
 * duration. All of them are exact: Tempo stores these fields as the domain reads them.
 */
final class IntrinsicConditions {

  private IntrinsicConditions() {}

  /**
   * {@code name} or {@code resource.service.name} compared as text. Negative operators only where the field
   * is always present ({@code name}): {@code name != "x"} is then the exact complement of {@code name = "x"}.
   */
  static Optional<Condition> text(String field, Filter filter, boolean alwaysPresent) {
    if (filter.valueType() != FilterValueType.STRING) {
      return Optional.empty();
    }
    if (filter.isNegative()) {
      return alwaysPresent ? negatedText(field, filter) : Optional.empty();
    }
    return positiveText(field, filter).map(Condition::exact);
  }

  /**
   * The service name. The domain gives a span without {@code service.name} the name
   * {@value Span#UNKNOWN_SERVICE}, which Tempo does not store; a filter that this stand-in would satisfy is
   * not Tempo's to answer.
   */
  static Optional<Condition> serviceName(Filter filter) {
    if (filter.isNegative()
        || FilterEvaluator.test(filter, List.of(AttributeValue.of(Span.UNKNOWN_SERVICE)))) {
      return Optional.empty();
    }
    return text("resource.service.name", filter, false);
  }

  /** {@code statusMessage}, positive operators that an empty message cannot satisfy. */
  static Optional<Condition> statusMessage(Filter filter) {
    if (filter.isNegative() || FilterEvaluator.test(filter, List.of(AttributeValue.of("")))) {
      return Optional.empty();
    }
    return text("statusMessage", filter, false);
  }

  /**
   * {@code status} or {@code kind}: the enum values that satisfy the filter (whatever its operator, negative
   * ones included), spelled as TraceQL's keywords. Nothing to send when all do; not Tempo's when none does.
   */
  static Optional<Condition> status(Filter filter) {
    return enumeration("status", Arrays.stream(StatusCode.values()).map(Enum::name).toList(), filter);
  }

  static Optional<Condition> kind(Filter filter) {
    return enumeration("kind", Arrays.stream(SpanKind.values()).map(Enum::name).toList(), filter);
  }

  /**
   * A duration intrinsic ({@code duration} for a span, {@code traceDuration} for a trace) against
   * milliseconds. Tempo compares whole nanoseconds; a bound between two nanoseconds is rounded the way that
   * keeps the comparison identical ({@code > 1.0000005ms} is {@code >= 1.000001ms}).
   */
  static Optional<Condition> duration(String intrinsic, Filter filter) {
    if (filter.valueType() != FilterValueType.NUMBER) {
      return Optional.empty();
    }
    List<BigDecimal> nanos = filter.values().stream().map(v -> BigDecimal.valueOf((Double) v).movePointRight(6)).toList();
    switch (filter.operator()) {
      case GT, GTE:
        return Optional.of(lowerBound(intrinsic, nanos.get(0), filter.operator() == FilterOperator.GT));
      case LT, LTE:
        return Optional.of(upperBound(intrinsic, nanos.get(0), filter.operator() == FilterOperator.LT));
      case BETWEEN:
        BigDecimal low = nanos.get(0).min(nanos.get(1));
        BigDecimal high = nanos.get(0).max(nanos.get(1));
        return Optional.of(Condition.exact("(" + lowerBound(intrinsic, low, false).traceQl() + " && "
            + upperBound(intrinsic, high, false).traceQl() + ")"));
      case EQUALS, IN, NOT_EQUALS, NOT_IN:
        return exactPoints(intrinsic, filter.operator(), nanos);
      default:
        return Optional.empty();
    }
  }

  private static Condition lowerBound(String intrinsic, BigDecimal nanos, boolean strict) {
    boolean whole = isWhole(nanos);
    long bound = nanos.setScale(0, RoundingMode.CEILING).max(BigDecimal.ZERO).min(BigDecimal.valueOf(Long.MAX_VALUE))
        .longValueExact();
    String op = strict && whole && nanos.signum() >= 0 ? " > " : " >= ";
    return Condition.exact(intrinsic + op + TraceQl.durationNanos(bound));
  }

  private static Condition upperBound(String intrinsic, BigDecimal nanos, boolean strict) {
    if (nanos.signum() < 0) {
      // No duration is negative: "< 0" matches nothing, as the domain's comparison would.
      return Condition.exact(intrinsic + " < " + TraceQl.durationNanos(0));
    }
    boolean whole = isWhole(nanos);
    long bound = nanos.setScale(0, RoundingMode.FLOOR).min(BigDecimal.valueOf(Long.MAX_VALUE)).longValueExact();
    String op = strict && whole ? " < " : " <= ";
    return Condition.exact(intrinsic + op + TraceQl.durationNanos(bound));
  }

  /** Equality with points: exact only on whole, non-negative nanoseconds (any other point never matches). */
  private static Optional<Condition> exactPoints(String intrinsic, FilterOperator operator, List<BigDecimal> nanos) {
    if (nanos.stream().anyMatch(n -> !isWhole(n) || n.signum() < 0 || n.compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) > 0)) {
      return Optional.empty();
    }
    boolean negative = operator == FilterOperator.NOT_EQUALS || operator == FilterOperator.NOT_IN;
    List<String> parts = nanos.stream()
        .map(n -> intrinsic + (negative ? " != " : " = ") + TraceQl.durationNanos(n.longValueExact()))
        .toList();
    String joined = negative ? joinAll(parts) : TraceQl.anyOf(parts);
    return Optional.of(Condition.exact(joined));
  }

  private static Optional<Condition> enumeration(String intrinsic, List<String> names, Filter filter) {
    List<String> satisfying = new ArrayList<>();
    for (String name : names) {
      if (FilterEvaluator.test(filter, List.of(AttributeValue.of(name)))) {
        satisfying.add(intrinsic + " = " + name.toLowerCase(Locale.ROOT));
      }
    }
    if (satisfying.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(satisfying.size() == names.size() ? Condition.NONE : Condition.exact(TraceQl.anyOf(satisfying)));
  }

  private static Optional<String> positiveText(String field, Filter filter) {
    String first = (String) filter.value();
    switch (filter.operator()) {
      case EQUALS:
        return Optional.of(field + " = " + TraceQl.string(first));
      case IN:
        return Optional.of(TraceQl.anyOf(filter.values().stream()
            .map(v -> field + " = " + TraceQl.string((String) v)).toList()));
      case CONTAINS:
        return Optional.of(field + " =~ " + TraceQl.string(TraceQl.containsPattern(first)));
      case STARTS_WITH:
        return Optional.of(field + " =~ " + TraceQl.string(TraceQl.startsWithPattern(first)));
      case ENDS_WITH:
        return Optional.of(field + " =~ " + TraceQl.string(TraceQl.endsWithPattern(first)));
      default:
        return Optional.empty();
    }
  }

  private static Optional<Condition> negatedText(String field, Filter filter) {
    String first = (String) filter.value();
    switch (filter.operator()) {
      case NOT_EQUALS:
        return Optional.of(Condition.exact(field + " != " + TraceQl.string(first)));
      case NOT_IN:
        return Optional.of(Condition.exact(joinAll(filter.values().stream()
            .map(v -> field + " != " + TraceQl.string((String) v)).toList())));
      case NOT_CONTAINS:
        return Optional.of(Condition.exact(field + " !~ " + TraceQl.string(TraceQl.containsPattern(first))));
      default:
        return Optional.empty();
    }
  }

  private static String joinAll(List<String> parts) {
    return parts.size() == 1 ? parts.get(0) : "(" + String.join(" && ", parts) + ")";
  }

  private static boolean isWhole(BigDecimal value) {
    return value.signum() == 0 || value.stripTrailingZeros().scale() <= 0;
  }
}
