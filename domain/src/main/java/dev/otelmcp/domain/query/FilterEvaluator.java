package dev.otelmcp.domain.query;

import dev.otelmcp.domain.model.AttributeValue;
import dev.otelmcp.domain.model.Span;
import dev.otelmcp.domain.model.Trace;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * Evaluates filters on spans and traces in memory: the reference semantics every backend's native
 * evaluation must agree with.
 *
 * <ul>
 *   <li><b>Span:</b> every filter must hold (AND). A positive operator holds when any value of the field
 *       satisfies it; a value of the wrong type (text where a number is wanted) never satisfies it.
 *   <li><b>Negative operators</b> ({@code not_equals, not_contains, not_in, not_exists}) are the exact
 *       complement of their positive counterpart: a span without the attribute satisfies
 *       {@code not_equals}.
 *   <li><b>Trace:</b> trace-level fields ({@code duration}, {@code span_count}, {@code trace_id}) are
 *       checked on the trace. All positive span filters must hold on <em>one and the same span</em> (as in
 *       Jaeger and TraceQL {@code { a && b }}); a negative span filter holds when <em>no</em> span matches
 *       its positive counterpart ("traces that never called gpt-4").
 *   <li>Strings compare case-sensitively, except the enum-like and id intrinsics ({@code status},
 *       {@code kind}, ids).
 * </ul>
 */
public final class FilterEvaluator {

  private FilterEvaluator() {}

  public static boolean matches(Span span, List<Filter> filters) {
    for (Filter filter : filters) {
      if (!matches(span, filter)) {
        return false;
      }
    }
    return true;
  }

  public static boolean matches(Span span, Filter filter) {
    return test(filter, FieldResolver.spanValues(span, filter.field()));
  }

  public static boolean matches(Trace trace, List<Filter> filters) {
    List<Filter> samespan = new ArrayList<>();
    for (Filter filter : filters) {
      Optional<List<AttributeValue>> traceValues = FieldResolver.traceValues(trace, filter.field());
      if (traceValues.isPresent()) {
        if (!test(filter, traceValues.get())) {
          return false;
        }
      } else if (filter.isNegative()) {
        Filter positive = filter.positive();
        if (trace.spans().stream().anyMatch(span -> matches(span, positive))) {
          return false;
        }
      } else {
        samespan.add(filter);
      }
    }
    return samespan.isEmpty() || trace.spans().stream().anyMatch(span -> matches(span, samespan));
  }

  /** Whether the values of a field satisfy a filter (negative operators: the complement). */
  public static boolean test(Filter filter, List<AttributeValue> values) {
    boolean positive = testPositive(filter.positive(), values);
    return filter.isNegative() ? !positive : positive;
  }

  private static boolean testPositive(Filter filter, List<AttributeValue> values) {
    if (filter.operator() == FilterOperator.EXISTS) {
      return !values.isEmpty();
    }
    boolean ignoreCase = IntrinsicField.parse(filter.field()).map(IntrinsicField::caseInsensitive).orElse(false);
    for (AttributeValue value : values) {
      if (satisfies(filter, value, ignoreCase)) {
        return true;
      }
    }
    return false;
  }

  private static boolean satisfies(Filter filter, AttributeValue value, boolean ignoreCase) {
    switch (filter.valueType()) {
      case NUMBER:
        OptionalDouble number = value.asNumber();
        return number.isPresent() && compareNumber(filter, number.getAsDouble());
      case BOOLEAN:
        Optional<Boolean> bool = value.asBoolean();
        return bool.isPresent() && bool.get().equals(filter.value());
      case STRING:
        return compareText(filter, value.asText(), ignoreCase);
      default:
        throw new IllegalStateException(filter.valueType().name());
    }
  }

  private static boolean compareNumber(Filter filter, double actual) {
    List<Object> values = filter.values();
    switch (filter.operator()) {
      case EQUALS:
        return actual == (Double) values.get(0);
      case IN:
        return values.stream().anyMatch(v -> actual == (Double) v);
      case GT:
        return actual > (Double) values.get(0);
      case GTE:
        return actual >= (Double) values.get(0);
      case LT:
        return actual < (Double) values.get(0);
      case LTE:
        return actual <= (Double) values.get(0);
      case BETWEEN:
        // Filter.of refuses [high, low]
        return actual >= (Double) values.get(0) && actual <= (Double) values.get(1);
      default:
        throw new IllegalStateException("operator " + filter.operator() + " on a number");
    }
  }

  private static boolean compareText(Filter filter, String actual, boolean ignoreCase) {
    String subject = ignoreCase ? actual.toLowerCase(Locale.ROOT) : actual;
    List<String> targets = filter.values().stream()
        .map(v -> ignoreCase ? ((String) v).toLowerCase(Locale.ROOT) : (String) v)
        .toList();
    switch (filter.operator()) {
      case EQUALS:
        return subject.equals(targets.get(0));
      case IN:
        return targets.contains(subject);
      case CONTAINS:
        return subject.contains(targets.get(0));
      case STARTS_WITH:
        return subject.startsWith(targets.get(0));
      case ENDS_WITH:
        return subject.endsWith(targets.get(0));
      default:
        throw new IllegalStateException("operator " + filter.operator() + " on a string");
    }
  }
}
