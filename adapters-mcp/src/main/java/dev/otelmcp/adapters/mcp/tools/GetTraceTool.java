package dev.otelmcp.adapters.mcp.tools;

import dev.otelmcp.adapters.mcp.DescribedTool;
import dev.otelmcp.adapters.mcp.args.Arguments;
import dev.otelmcp.adapters.mcp.schema.OutputSchemas;
import dev.otelmcp.adapters.mcp.schema.Schema;
import dev.otelmcp.application.usecase.GetTraceUseCase;
import jakarta.inject.Inject;
import java.util.Map;

/** {@code get_trace}. */
public final class GetTraceTool extends DescribedTool {

  private final GetTraceUseCase useCase;

  @Inject
  public GetTraceTool(GetTraceUseCase useCase) {
    super("get_trace", "Get a trace",
        "Get one complete trace by id: every span with its attributes, events (exceptions) and links, plus "
            + "each service's resource attributes. String attributes longer than 4000 characters are cut.");
    this.useCase = useCase;
  }

  @Override
  public Schema.ObjectBuilder input() {
    return Schema.object().required("trace_id", Schema.string("The trace id: 32 hex characters as other tools "
        + "return it (shorter Jaeger ids and base64 are accepted).").minLength(1)
        .examples("42ff472d7feb6215bec0cf4e350675b2"));
  }

  @Override
  public Map<String, Object> outputSchema() {
    return Schema.object()
        .required("trace_id", Schema.string("32 lower-case hex characters."))
        .required("service_name", Schema.string("Service of the root span."))
        .required("root_operation", Schema.string("Name of the root span."))
        .required("start_time", Schema.string("ISO-8601 UTC."))
        .required("duration_ms", Schema.number(null))
        .required("status", Schema.string("ERROR if any span failed, else OK.").enumOf("OK", "ERROR"))
        .required("span_count", Schema.integer(null))
        .required("error_span_count", Schema.integer(null))
        .required("services", Schema.array(Schema.string(null), null))
        .required("resources", Schema.map(Schema.map(null, null), "Resource attributes per service."))
        .required("spans", Schema.array(OutputSchemas.span().asSchema(), "All spans, by start time."))
        .build();
  }

  @Override
  public Object call(Arguments arguments) {
    return useCase.execute(arguments.requiredString("trace_id", "Pass the trace_id from search_traces or find_errors."));
  }
}
