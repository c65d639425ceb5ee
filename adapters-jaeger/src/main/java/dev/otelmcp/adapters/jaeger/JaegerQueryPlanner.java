package dev.otelmcp.adapters.jaeger;

import dev.otelmcp.domain.model.StatusCode;
import dev.otelmcp.domain.port.StoreCapabilities;
import dev.otelmcp.domain.query.AttributeAliases;
import dev.otelmcp.domain.query.Filter;
import dev.otelmcp.domain.query.FilterOperator;
import dev.otelmcp.domain.query.FilterValueType;
import dev.otelmcp.domain.query.Filters;
import dev.otelmcp.domain.query.IntrinsicField;
import dev.otelmcp.domain.query.TraceQuery;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Which filters the Jaeger store takes, and how they become a {@link NativeSearch}.
 *
 * <p>Pushing a filter down only narrows what Jaeger returns; the store re-checks every filter of the query on
 * the returned (whole) traces with {@code FilterEvaluator}, so what it returns is exact. What is pushed must
 * therefore be a superset of the exact answer, or matching traces would go missing:
 *
 * <ul>
 *   <li>trace duration becomes Jaeger's per-span min/max duration. A trace no longer than X has no span
 *       longer than X, so {@code maxDuration} never loses a match; {@code minDuration} finds a long trace
 *       through its long root span, which in practice spans the trace (a trace whose every span is shorter
 *       than the trace, e.g. a lost root, can be missed: Jaeger offers nothing better). Because Jaeger applies
 *       it to the same span as operation and tags, {@code minDuration} is not pushed with those; with a
 *       service it is (the question "slow traces of service X" is about X's own long spans, and a fan-out
 *       search adds each service, which finds the root span in its own service). A trace whose long span
 *       belongs to another service than the one asked for can therefore be missed;
 *   <li>{@code status = ERROR} becomes the tag {@code error=true}, which Jaeger's OTLP translator writes on
 *       every error span (classic API only; see {@link NativeSearch#errorsOnly()});
 *   <li>attribute equality becomes a tag, only for keys without convention aliases (Jaeger cannot try
 *       {@code gen_ai.provider.name} when asked for {@code gen_ai.system}) and not for the tags the span
 *       mapping consumes ({@code error}, {@code otel.scope.name}), which are no longer attributes after it.
 * </ul>
 */
final class JaegerQueryPlanner {

  static final int MAX_SEARCH_LIMIT = 5000;

  /** Jaeger tags that the classic span mapping turns into span fields, so they are not attributes. */
  private static final Set<String> CONSUMED_TAGS = Set.of("error", "otel.scope.name", "otel.library.name");

  private JaegerQueryPlanner() {}

  static StoreCapabilities capabilities() {
    return new StoreCapabilities(JaegerQueryPlanner::evaluatesNatively, filter -> false, false, MAX_SEARCH_LIMIT, true);
  }

  static boolean evaluatesNatively(Filter filter) {
    Optional<IntrinsicField> intrinsic = IntrinsicField.parse(filter.field());
    boolean equalsString = filter.operator() == FilterOperator.EQUALS && filter.valueType() == FilterValueType.STRING;
    if (intrinsic.isPresent()) {
      switch (intrinsic.get()) {
        case SERVICE_NAME:
        case NAME:
          return equalsString;
        case DURATION:
          return filter.valueType() == FilterValueType.NUMBER && isBound(filter.operator());
        case STATUS:
          return equalsString && StatusCode.parse((String) filter.value()).filter(StatusCode.ERROR::equals).isPresent();
        default:
          return false;
      }
    }
    String key = filter.field();
    return filter.operator() == FilterOperator.EQUALS
        && (filter.valueType() == FilterValueType.STRING || filter.valueType() == FilterValueType.BOOLEAN)
        && isPlainAttributeKey(key);
  }

  /**
   * The native part of a query (every filter must be one {@link #evaluatesNatively} accepts), or empty when
   * the filters cannot match anything Jaeger could return (minimum duration above the maximum).
   */
  static Optional<NativeSearch> plan(TraceQuery query) {
    String service = null;
    String operation = null;
    Duration min = null;
    Duration max = null;
    boolean errorsOnly = false;
    Map<String, String> tags = new LinkedHashMap<>();
    for (Filter filter : query.filters()) {
      if (Filters.isOn(filter, IntrinsicField.SERVICE_NAME)) {
        service = service == null ? (String) filter.value() : service;
      } else if (Filters.isOn(filter, IntrinsicField.NAME)) {
        operation = operation == null ? (String) filter.value() : operation;
      } else if (Filters.isOn(filter, IntrinsicField.DURATION)) {
        double ms = (Double) filter.value();
        if (isLowerBound(filter.operator())) {
          // Floor: Jaeger's bound must not be stricter than ours.
          long nanos = (long) Math.floor(ms * 1_000_000);
          min = nanos <= 0 ? min : max(min, Duration.ofNanos(nanos));
        } else {
          long nanos = (long) Math.ceil(ms * 1_000_000);
          // Jaeger reads a zero maxDuration as "no maximum": nothing useful to push for bounds <= 0.
          max = nanos <= 0 ? max : minimum(max, Duration.ofNanos(nanos));
        }
      } else if (Filters.isOn(filter, IntrinsicField.STATUS)) {
        errorsOnly = true;
      } else {
        String value = String.valueOf(filter.value());
        if (!value.isEmpty()) {
          tags.putIfAbsent(filter.field(), value);
        }
      }
    }
    if (min != null && max != null && min.compareTo(max) > 0) {
      return Optional.empty();
    }
    if (operation != null || !tags.isEmpty() || errorsOnly) {
      // Jaeger applies minDuration to the same span as the other conditions: "an openai.chat span of 2 s"
      // is stricter than "a trace of 2 s with an openai.chat span". Keep the bound local instead.
      min = null;
    }
    int limit = Math.min(query.limit(), MAX_SEARCH_LIMIT);
    return Optional.of(new NativeSearch(query.timeRange(), service, operation, min, max, tags, errorsOnly, limit));
  }

  private static boolean isPlainAttributeKey(String key) {
    String k = key.trim();
    return !k.isEmpty()
        && !AttributeAliases.hasAliases(k)
        && !k.startsWith("resource.")
        && !k.startsWith("span.")
        && !CONSUMED_TAGS.contains(k)
        && !k.equals("span_count");
  }

  private static boolean isBound(FilterOperator operator) {
    return operator == FilterOperator.GT || operator == FilterOperator.GTE
        || operator == FilterOperator.LT || operator == FilterOperator.LTE;
  }

  private static boolean isLowerBound(FilterOperator operator) {
    return operator == FilterOperator.GT || operator == FilterOperator.GTE;
  }

  private static Duration max(Duration a, Duration b) {
    return a == null || b.compareTo(a) > 0 ? b : a;
  }

  private static Duration minimum(Duration a, Duration b) {
    return a == null || b.compareTo(a) < 0 ? b : a;
  }
}
