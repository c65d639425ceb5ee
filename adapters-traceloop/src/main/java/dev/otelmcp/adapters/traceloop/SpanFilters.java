package dev.otelmcp.adapters.traceloop;

import dev.otelmcp.domain.error.UnsupportedQueryException;
import dev.otelmcp.domain.model.AttributeValue;
import dev.otelmcp.domain.model.Span;
import dev.otelmcp.domain.query.AttributeAliases;
import dev.otelmcp.domain.query.Filter;
import dev.otelmcp.domain.query.FilterOperator;
import dev.otelmcp.domain.query.FilterValueType;
import dev.otelmcp.domain.query.IntrinsicField;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Which span filters the Traceloop API evaluates exactly as {@code FilterEvaluator} does, and their wire
 * form. Only {@code POST …/spans} gets filters: {@code root-spans} applies a filter to the root span alone, which
 * is not what a trace filter means (some span of the trace, or no span for a negative operator), so trace
 * searches push nothing (see the README, "Traceloop").
 *
 * <p>What is claimed, and why it is exact:
 *
 * <ul>
 *   <li>{@code service.name} and {@code name} with {@code equals}/{@code not_equals}: every span has both, so the
 *       negation needs no "attribute missing" convention. Not for {@code unknown_service}, which the domain also
 *       gives spans without a service name;
 *   <li>{@code duration} (span duration, ms) with a whole number and {@code equals, not_equals, gt, gte, lt, lte}:
 *       the API holds whole milliseconds (as every recorded answer shows) and receives the bound as it was
 *       recorded ({@code "100"}); fractional bounds are left to the application;
 *   <li>{@code equals} on an attribute (string value) for {@code llm.*}, {@code traceloop.*} and {@code span.<key>}
 *       keys, and for {@code gen_ai.system}/{@code gen_ai.request.model}/{@code gen_ai.response.model}, which the
 *       API stores as {@code llm.vendor}/{@code llm.request.model}/{@code llm.response.model}. Not for values that
 *       read as numbers or JSON (a typed value's text differs from the raw string), not for the prompt,
 *       completion and entity input/output keys (the API keeps them in separate columns), not for other
 *       {@code gen_ai.*} keys (the API renames them, so the domain cannot see them under the asked key), not for
 *       the other convention aliases, and not for plain keys (the domain also looks in resource attributes).
 * </ul>
 *
 * <p>Not claimed: status (the API cannot filter on it), kinds and ids, negative operators on attributes (how
 * the API treats a missing attribute is not documented), numeric and boolean attribute comparisons (the API
 * stores strings; its casting is not documented), {@code contains}, {@code in}, {@code exists} and the like (no
 * such operators).
 */
final class SpanFilters {

  private static final Map<String, String> RENAMED = Map.of(
      "gen_ai.system", "llm.vendor",
      "llm.vendor", "llm.vendor",
      "gen_ai.request.model", "llm.request.model",
      "llm.request.model", "llm.request.model",
      "gen_ai.response.model", "llm.response.model",
      "llm.response.model", "llm.response.model");
  private static final List<String> SEPARATE_COLUMNS =
      List.of("llm.prompts.", "llm.completions.", SpanMapper.ENTITY_INPUT, SpanMapper.ENTITY_OUTPUT);
  private static final String SPAN_SCOPE = "span.";
  private static final String ATTRIBUTE_PREFIX = "span_attributes.";
  /** Durations beyond this are not whole milliseconds a double holds exactly. */
  private static final double MAX_EXACT_MS = 1e15;

  private SpanFilters() {}

  static boolean evaluates(Filter filter) {
    return translate(filter).isPresent();
  }

  /** The API's form of a filter, or empty when the API cannot evaluate it exactly. */
  static Optional<Wire.WireFilter> translate(Filter filter) {
    Optional<IntrinsicField> intrinsic = IntrinsicField.parse(filter.field());
    if (intrinsic.isPresent()) {
      switch (intrinsic.get()) {
        case SERVICE_NAME:
          return text(filter, "service.name", true).filter(f -> !f.value().equals(Span.UNKNOWN_SERVICE));
        case NAME:
          return text(filter, "span_name", true);
        case DURATION:
          return duration(filter);
        default:
          return Optional.empty();
      }
    }
    return attributeKey(filter.field().trim()).flatMap(key -> text(filter, key, false))
        .filter(f -> isPlainText(f.value()));
  }

  static List<Wire.WireFilter> translateAll(List<Filter> filters) {
    return filters.stream().map(f -> translate(f).orElseThrow(() -> new UnsupportedQueryException(
        "the Traceloop API does not evaluate the span filter '" + f.describe() + "'",
        "Filters the API cannot evaluate exactly are applied by otel-mcp after fetching."))).toList();
  }

  private static Optional<Wire.WireFilter> text(Filter filter, String field, boolean negationAllowed) {
    boolean positive = filter.operator() == FilterOperator.EQUALS;
    boolean negative = filter.operator() == FilterOperator.NOT_EQUALS && negationAllowed;
    if (filter.valueType() != FilterValueType.STRING || !(positive || negative)) {
      return Optional.empty();
    }
    String value = (String) filter.value();
    if (value.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(new Wire.WireFilter(field, positive ? "equals" : "not_equals", value, "string"));
  }

  private static Optional<Wire.WireFilter> duration(Filter filter) {
    if (filter.valueType() != FilterValueType.NUMBER) {
      return Optional.empty();
    }
    double bound = (Double) filter.value();
    if (bound != Math.rint(bound) || Math.abs(bound) > MAX_EXACT_MS) {
      return Optional.empty();
    }
    String operator;
    switch (filter.operator()) {
      case EQUALS:
        operator = "equals";
        break;
      case NOT_EQUALS:
        operator = "not_equals";
        break;
      case GT:
        operator = "greater_than";
        break;
      case GTE:
        operator = "greater_than_or_equal";
        break;
      case LT:
        operator = "less_than";
        break;
      case LTE:
        operator = "less_than_or_equal";
        break;
      default:
        return Optional.empty();
    }
    return Optional.of(new Wire.WireFilter("duration", operator, Long.toString((long) bound), "number"));
  }

  /** The API's name for an attribute filter field, or empty when the API's lookup differs from the domain's. */
  private static Optional<String> attributeKey(String field) {
    String key;
    if (field.startsWith(SPAN_SCOPE)) {
      // span.<key>: the domain looks at span attributes only, without convention aliases.
      key = field.substring(SPAN_SCOPE.length());
      if (key.isEmpty()) {
        return Optional.empty();
      }
      if (!isLlmOrTraceloop(key)) {
        return separateColumn(key) ? Optional.empty() : Optional.of(ATTRIBUTE_PREFIX + key);
      }
    } else if (RENAMED.containsKey(field)) {
      key = RENAMED.get(field);
    } else if (AttributeAliases.hasAliases(field) || !isLlmOrTraceloop(field)) {
      return Optional.empty();
    } else {
      key = field;
    }
    return separateColumn(key) ? Optional.empty() : Optional.of(key);
  }

  private static boolean isLlmOrTraceloop(String key) {
    return key.startsWith("llm.") || key.startsWith("traceloop.");
  }

  private static boolean separateColumn(String key) {
    return SEPARATE_COLUMNS.stream().anyMatch(key::startsWith);
  }

  /** Text that {@link AttributeTyping} never converts, so that the API's string and the domain's text agree. */
  private static boolean isPlainText(String value) {
    String trimmed = value.trim();
    return AttributeValue.of(value).asNumber().isEmpty() && !trimmed.startsWith("[") && !trimmed.startsWith("{");
  }
}
