package dev.otelmcp.adapters.tempo;

import dev.otelmcp.domain.query.FieldResolver;
import dev.otelmcp.domain.query.Filter;
import dev.otelmcp.domain.query.IntrinsicField;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Which filters Tempo can evaluate, and their TraceQL. One spanset {@code { a && b }} holds when one and the
 * same span satisfies every condition: exactly the domain's semantics for positive span filters on a trace.
 *
 * <p>On a <b>trace</b> ({@link Context#TRACE}):
 *
 * <ul>
 *   <li>{@code duration}/{@code duration_ms} is the trace's duration: {@code traceDuration}, every operator
 *       with a whole number of nanoseconds (bounds are rounded exactly);
 *   <li>negative span filters ({@code not_equals}, {@code not_in}, {@code not_contains}, {@code not_exists},
 *       so also {@code has_error=false}) mean "no span has it", which a spanset cannot say: not Tempo's;
 *   <li>{@code span_count} and {@code trace_id} are not Tempo's either.
 * </ul>
 *
 * <p>On a <b>span</b> ({@link Context#SPAN}) {@code duration} is the span's, and negative operators on the
 * fields every span has ({@code name}, {@code status}, {@code kind}, {@code duration}) are exact complements.
 */
final class FilterTranslator {

  /** What a filter is evaluated on. */
  enum Context {
    TRACE,
    SPAN
  }

  private FilterTranslator() {}

  /** The condition for a filter, or empty when Tempo cannot evaluate it with the domain's semantics. */
  static Optional<Condition> translate(Filter filter, Context context) {
    Optional<IntrinsicField> intrinsic = IntrinsicField.parse(filter.field());
    if (context == Context.TRACE && FieldResolver.isTraceLevel(filter.field())) {
      return intrinsic.filter(IntrinsicField.DURATION::equals).isPresent()
          ? IntrinsicConditions.duration("traceDuration", filter)
          : Optional.empty();
    }
    if (context == Context.TRACE && filter.isNegative()) {
      return Optional.empty();
    }
    if (intrinsic.isEmpty()) {
      return AttributeConditions.of(filter);
    }
    switch (intrinsic.get()) {
      case SERVICE_NAME:
        return IntrinsicConditions.serviceName(filter);
      case NAME:
        return IntrinsicConditions.text("name", filter, true);
      case STATUS:
        return IntrinsicConditions.status(filter);
      case KIND:
        return IntrinsicConditions.kind(filter);
      case STATUS_MESSAGE:
        return IntrinsicConditions.statusMessage(filter);
      case DURATION:
        return IntrinsicConditions.duration("duration", filter);
      default:
        // trace_id, span_id, parent_span_id: TraceQL's id intrinsics exist only in recent Tempo versions.
        return Optional.empty();
    }
  }

  static boolean evaluates(Filter filter, Context context) {
    return translate(filter, context).isPresent();
  }

  /**
   * The spanset for filters the store accepted; a filter it cannot translate (a caller that ignored the
   * capabilities) adds no condition and makes the result inexact, so the store re-checks it.
   */
  static Spanset spanset(List<Filter> filters, Context context) {
    List<String> conditions = new ArrayList<>();
    boolean exact = true;
    for (Filter filter : filters) {
      Optional<Condition> condition = translate(filter, context);
      if (condition.isEmpty()) {
        exact = false;
        continue;
      }
      exact &= condition.get().exact();
      if (!condition.get().isNone()) {
        conditions.add(condition.get().traceQl());
      }
    }
    return new Spanset(TraceQl.spanset(conditions), exact);
  }

  /**
   * A spanset query.
   *
   * @param traceQl the query, {@code {}} when nothing narrows it
   * @param exact whether Tempo's matches are exactly the domain's
   */
  record Spanset(String traceQl, boolean exact) {}
}
