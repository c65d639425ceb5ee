package dev.otelmcp.adapters.mcp.args;

import dev.otelmcp.adapters.mcp.schema.Schema;
import dev.otelmcp.application.time.TimeExpression;
import dev.otelmcp.application.time.TimeWindows;
import dev.otelmcp.application.view.Projection;
import dev.otelmcp.domain.model.TimeRange;
import dev.otelmcp.domain.query.Filter;
import dev.otelmcp.domain.query.FilterOperator;
import dev.otelmcp.domain.query.FilterValueType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The parameters tools share, with the names and defaults of the reference implementation
 * (traceloop/opentelemetry-mcp-server), their schemas, and their translation into domain filters.
 */
public final class SearchParameters {

  public static final String START_TIME = "start_time";
  public static final String END_TIME = "end_time";
  public static final String SERVICE_NAME = "service_name";
  public static final String OPERATION_NAME = "operation_name";
  public static final String MIN_DURATION_MS = "min_duration_ms";
  public static final String MAX_DURATION_MS = "max_duration_ms";
  public static final String GEN_AI_SYSTEM = "gen_ai_system";
  public static final String GEN_AI_REQUEST_MODEL = "gen_ai_request_model";
  public static final String GEN_AI_RESPONSE_MODEL = "gen_ai_response_model";
  public static final String HAS_ERROR = "has_error";
  public static final String TAGS = "tags";
  public static final String FILTERS = "filters";
  public static final String LIMIT = "limit";
  public static final String FIELDS = "fields";
  public static final int MAX_LIMIT = 1000;

  private SearchParameters() {}

  /** {@code start_time} and {@code end_time}. */
  public static Schema.ObjectBuilder window() {
    return Schema.object()
        .property(START_TIME, Schema.string("Start of the window. " + TimeExpression.ACCEPTED_FORMS
            + ". Default: 24 hours before end_time.").examples("-1h", "2026-11-22T08:00:00Z"))
        .property(END_TIME, Schema.string("End of the window, same forms as start_time. Default: now.")
            .examples("now", "2026-11-22T09:00:00Z"));
  }

  /** The window the caller asked for, defaults applied. */
  public static TimeRange window(Arguments arguments, TimeWindows windows) {
    return windows.resolve(arguments.string(START_TIME).orElse(null), arguments.string(END_TIME).orElse(null));
  }

  public static Schema serviceName(String description) {
    return Schema.string(description).examples("checkout-service");
  }

  /** Every criterion of search_traces / search_spans, window included. */
  public static Schema.ObjectBuilder criteria() {
    return Schema.object()
        .include(window())
        .property(SERVICE_NAME, serviceName("Only spans of this service (exact name, see list_services)."))
        .property(OPERATION_NAME, Schema.string("Only spans with this operation (span) name, exact; see list_operations.")
            .examples("openai.chat"))
        .property(MIN_DURATION_MS, Schema.number("Minimum duration in milliseconds (trace duration for trace "
            + "searches, span duration for span searches).").minimum(0))
        .property(MAX_DURATION_MS, Schema.number("Maximum duration in milliseconds.").minimum(0))
        .property(GEN_AI_SYSTEM, Schema.string("LLM provider, matched on gen_ai.system, gen_ai.provider.name or "
            + "llm.vendor.").examples("openai", "anthropic"))
        .property(GEN_AI_REQUEST_MODEL, Schema.string("Requested model (gen_ai.request.model or llm.request.model), exact.")
            .examples("gpt-4o"))
        .property(GEN_AI_RESPONSE_MODEL, Schema.string("Model that answered (gen_ai.response.model), exact.")
            .examples("gpt-4o-2024-08-06"))
        .property(HAS_ERROR, Schema.bool("true: only traces/spans with an error status; false: only those without."))
        .property(TAGS, Schema.map(Schema.scalar(null), "Attribute equality conditions, all must hold; values "
            + "compared as text.").examples(Map.of("gen_ai.operation.name", "chat")))
        .property(FILTERS, Schema.array(filterSchema(), "Generic conditions, all must hold. Positive conditions "
            + "must hold on one and the same span; negative operators (not_*) hold when no span has the value."));
  }

  /** {@code limit}, 1–1000, with the tool's default. */
  public static Schema limit(int defaultValue, String what) {
    return Schema.integer("Maximum number of " + what + " to return (1-" + MAX_LIMIT + ").")
        .minimum(1).maximum(MAX_LIMIT).defaultValue(defaultValue);
  }

  public static int limit(Arguments arguments, int defaultValue) {
    return arguments.integer(LIMIT, defaultValue, 1, MAX_LIMIT);
  }

  /** {@code fields}: what rows hold besides their compact columns. */
  public static Schema fields(String extras) {
    return Schema.array(Schema.string(null), "Extra row fields: attributes, attributes.<key>, attributes.<prefix>* "
        + "(e.g. attributes.gen_ai.*)" + extras + ". Long values are cut.").examples(List.of("attributes.gen_ai.*"));
  }

  /** The {@code fields} argument as a projection. */
  public static Projection projection(Arguments arguments, Set<String> allowed) {
    return Projection.parse(arguments.stringList(FIELDS), allowed);
  }

  /** All criteria of {@link #criteria()} as domain filters (the window is read separately). */
  public static List<Filter> filters(Arguments arguments) {
    List<Filter> filters = new ArrayList<>();
    arguments.string(SERVICE_NAME).ifPresent(v -> filters.add(Filter.equalsString("service.name", v)));
    arguments.string(OPERATION_NAME).ifPresent(v -> filters.add(Filter.equalsString("name", v)));
    arguments.nonNegativeNumber(MIN_DURATION_MS).ifPresent(v -> filters.add(Filter.number("duration", FilterOperator.GTE, v)));
    arguments.nonNegativeNumber(MAX_DURATION_MS).ifPresent(v -> filters.add(Filter.number("duration", FilterOperator.LTE, v)));
    arguments.bool(HAS_ERROR).ifPresent(failed -> filters.add(Filter.of("status",
        failed ? FilterOperator.EQUALS : FilterOperator.NOT_EQUALS, FilterValueType.STRING, List.of("ERROR"))));
    arguments.string(GEN_AI_SYSTEM).ifPresent(v -> filters.add(Filter.equalsString("gen_ai.system", v)));
    arguments.string(GEN_AI_REQUEST_MODEL).ifPresent(v -> filters.add(Filter.equalsString("gen_ai.request.model", v)));
    arguments.string(GEN_AI_RESPONSE_MODEL).ifPresent(v -> filters.add(Filter.equalsString("gen_ai.response.model", v)));
    arguments.stringMap(TAGS).forEach((k, v) -> filters.add(Filter.equalsString(k, v)));
    filters.addAll(FilterArguments.parse(arguments.objectList(FILTERS)));
    return filters;
  }

  private static Schema filterSchema() {
    return Schema.object()
        .describe("One condition: field operator value. Fields: any attribute key (span, then resource), "
            + "or service.name, name (operation), duration / duration_ms (ms), status (OK, ERROR, UNSET), kind, "
            + "trace_id, span_id; resource.<key> / span.<key> restrict the scope.")
        .required("field", Schema.string("Attribute key or intrinsic field.").examples("gen_ai.usage.input_tokens"))
        .required("operator", Schema.string("Comparison.").enumOf(
            "equals", "not_equals", "contains", "not_contains", "starts_with", "ends_with", "in", "not_in",
            "gt", "lt", "gte", "lte", "between", "exists", "not_exists"))
        .property("value", Schema.scalar("The value, for every operator except in, not_in, between, exists, not_exists."))
        .property("values", Schema.array(Schema.scalar(null), "The values for in / not_in, or [low, high] for between (inclusive)."))
        .property("value_type", Schema.string("How to compare; default: the JSON type of value.")
            .enumOf("string", "number", "boolean"))
        .closed()
        .asSchema();
  }
}
