package dev.otelmcp.adapters.mcp.schema;

/** Output schema fragments shared by tools, so every tool answers in one vocabulary. */
public final class OutputSchemas {

  private OutputSchemas() {}

  public static Schema.ObjectBuilder window() {
    return Schema.object()
        .describe("The time window the answer covers (UTC).")
        .required("start_time", Schema.string("ISO-8601 UTC."))
        .required("end_time", Schema.string("ISO-8601 UTC."));
  }

  public static Schema.ObjectBuilder scope() {
    return Schema.object()
        .describe("What the answer covered.")
        .required("start_time", Schema.string("Start of the window searched, ISO-8601 UTC."))
        .required("end_time", Schema.string("End of the window searched, ISO-8601 UTC."))
        .required("traces_scanned", Schema.integer("Distinct traces read from the backend."))
        .required("spans_scanned", Schema.integer("Spans examined."))
        .required("limit_reached", Schema.bool("True when the answer was cut: more matches exist or the scan "
            + "stopped at MAX_TRACES_PER_QUERY."));
  }

  public static Schema.ObjectBuilder traceSummary() {
    return Schema.object()
        .required("trace_id", Schema.string("32 lower-case hex characters."))
        .required("service_name", Schema.string("Service of the root span."))
        .required("operation_name", Schema.string("Name of the root span."))
        .required("start_time", Schema.string("ISO-8601 UTC."))
        .required("duration_ms", Schema.number("Trace duration in milliseconds."))
        .required("status", Schema.string("ERROR if any span failed, OK otherwise; UNSET when the backend did "
            + "not say.").enumOf("OK", "ERROR", "UNSET"))
        .property("span_count", Schema.integer("Number of spans (absent when the backend does not report it)."))
        .property("error_span_count", Schema.integer("Number of spans with status ERROR."))
        .property("has_errors", Schema.bool("Whether any span failed."))
        .property("services", Schema.array(Schema.string(null), "Services taking part."))
        .property("llm_span_count", Schema.integer("LLM calls in the trace (absent when only a summary was read)."))
        .property("total_tokens", Schema.integer("Tokens of those LLM calls."));
  }

  public static Schema.ObjectBuilder span() {
    Schema attributes = Schema.map(null, "Span attributes; long strings are cut and marked '…[N more chars]'.");
    return Schema.object()
        .required("trace_id", Schema.string("32 lower-case hex characters."))
        .required("span_id", Schema.string("16 lower-case hex characters."))
        .property("parent_span_id", Schema.string("Absent for a root span."))
        .required("operation_name", Schema.string("Span name."))
        .required("service_name", Schema.string(null))
        .required("kind", Schema.string(null).enumOf("UNSPECIFIED", "INTERNAL", "SERVER", "CLIENT", "PRODUCER", "CONSUMER"))
        .required("start_time", Schema.string("ISO-8601 UTC."))
        .required("duration_ms", Schema.number(null))
        .required("status", Schema.string(null).enumOf("OK", "ERROR", "UNSET"))
        .property("status_message", Schema.string(null))
        .required("attributes", attributes)
        .property("events", Schema.array(Schema.object()
            .required("name", Schema.string(null))
            .required("time", Schema.string("ISO-8601 UTC."))
            .required("attributes", Schema.map(null, null)).asSchema(), "Span events (exceptions, logs)."))
        .property("links", Schema.array(Schema.object()
            .required("trace_id", Schema.string(null))
            .required("span_id", Schema.string(null)).asSchema(), "Links to other spans."));
  }

  /** count + list + truncation, the shape of every list answer. */
  public static Schema.ObjectBuilder list(String field, Schema.ObjectBuilder item, String description) {
    return Schema.object()
        .required("count", Schema.integer("Number of items returned."))
        .required(field, Schema.array(item.asSchema(), description))
        .required("truncated", Schema.bool("True when more items exist than were returned."))
        .property("hint", Schema.string("What to do next when the list was cut or is empty."))
        .required("scope", scope());
  }
}
