package dev.otelmcp.adapters.mcp.args;

import dev.otelmcp.adapters.mcp.schema.Schema;
import dev.otelmcp.application.time.TimeWindows;
import dev.otelmcp.application.view.Projection;
import dev.otelmcp.domain.model.TimeRange;
import dev.otelmcp.domain.query.Filter;
import dev.otelmcp.domain.query.FilterOperator;
import dev.otelmcp.domain.query.FilterValueType;
import java.util.ArrayList;
import java.util.List;
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
        .property(START_TIME, Schema.string("Start: RFC-3339 (UTC), date, -2h, -7d or epoch; default end_time-24h."))
        .property(END_TIME, Schema.string("End, same forms; default now."));
  }

  /** The window the caller asked for, defaults applied. */
  public static TimeRange window(Arguments arguments, TimeWindows windows) {
    return windows.resolve(arguments.string(START_TIME).orElse(null), arguments.string(END_TIME).orElse(null));
  }

  public static Schema serviceName(String description) {
    return Schema.string(description);
  }

  /** Every criterion of search_traces / search_spans, window included. */
  public static Schema.ObjectBuilder criteria() {
    return Schema.object()
        .include(window())
        .property(SERVICE_NAME, serviceName("Exact service name (list_services)."))
        .property(OPERATION_NAME, Schema.string("Exact span name (list_operations), e.g. openai.chat."))
        .property(MIN_DURATION_MS, Schema.number("Minimum duration in ms.").minimum(0))
        .property(MAX_DURATION_MS, Schema.number("Maximum duration, ms.").minimum(0))
        .property(GEN_AI_SYSTEM, Schema.string("LLM provider, e.g. openai."))
        .property(GEN_AI_REQUEST_MODEL, Schema.string("Requested model, exact, e.g. gpt-4o."))
        .property(GEN_AI_RESPONSE_MODEL, Schema.string("Answering model, exact, e.g. gpt-4o-2024-08-06."))
        .property(HAS_ERROR, Schema.bool("true: with an error status; false: without."))
        .property(TAGS, Schema.map(Schema.scalar(null), "Attributes that must equal, e.g. {\"gen_ai.operation.name\":\"chat\"}."))
        .property(FILTERS, Schema.array(filterSchema(), "All must hold: positive ones on one same span, not_* ones on no "
            + "span."));
  }

  /** {@code limit}, 1–1000, with the tool's default. */
  public static Schema limit(int defaultValue, String what) {
    return Schema.integer("Most " + what + " per answer.")
        .minimum(1).maximum(MAX_LIMIT).defaultValue(defaultValue);
  }

  public static int limit(Arguments arguments, int defaultValue) {
    return arguments.integer(LIMIT, defaultValue, 1, MAX_LIMIT);
  }

  /** {@code fields}: what rows hold besides their compact columns. */
  public static Schema fields(String extras) {
    return Schema.array(Schema.string(null), "Extra row fields: attributes, attributes.<key or prefix*> (e.g. "
        + "attributes.gen_ai.*)" + extras + ".");
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
        .required("field", Schema.string("Attribute key, or service.name, name, duration_ms, status, kind, trace_id."))
        .required("operator", Schema.string(null).enumOf(
            "equals", "not_equals", "contains", "not_contains", "starts_with", "ends_with", "in", "not_in",
            "gt", "lt", "gte", "lte", "between", "exists", "not_exists"))
        .property("value", Schema.scalar("For one-value operators."))
        .property("values", Schema.array(Schema.scalar(null), "in/not_in values, or [low, high] for between."))
        .property("value_type", Schema.string("Default: the JSON type.").enumOf("string", "number", "boolean"))
        .closed()
        .asSchema();
  }
}
