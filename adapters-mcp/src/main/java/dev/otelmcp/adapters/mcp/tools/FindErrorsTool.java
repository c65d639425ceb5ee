package dev.otelmcp.adapters.mcp.tools;

import dev.otelmcp.adapters.mcp.DescribedTool;
import dev.otelmcp.adapters.mcp.args.Arguments;
import dev.otelmcp.adapters.mcp.args.SearchParameters;
import dev.otelmcp.adapters.mcp.schema.OutputSchemas;
import dev.otelmcp.adapters.mcp.schema.Schema;
import dev.otelmcp.application.time.TimeWindows;
import dev.otelmcp.application.usecase.FindErrorsUseCase;
import dev.otelmcp.domain.query.Filter;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** {@code find_errors}. */
public final class FindErrorsTool extends DescribedTool {

  private final FindErrorsUseCase useCase;
  private final TimeWindows windows;

  @Inject
  public FindErrorsTool(FindErrorsUseCase useCase, TimeWindows windows) {
    super("find_errors", "Find errors",
        "Find traces with failed spans (status ERROR) in a window, newest first, and for every failed span "
            + "what went wrong: exception type, message and stack trace (from exception events, the status message "
            + "or error attributes).");
    this.useCase = useCase;
    this.windows = windows;
  }

  @Override
  public Schema.ObjectBuilder input() {
    return Schema.object()
        .include(SearchParameters.window())
        .property(SearchParameters.SERVICE_NAME, SearchParameters.serviceName("Only traces with failed spans of this service."))
        .property(SearchParameters.OPERATION_NAME, Schema.string("Only failed spans with this operation name."))
        .property(SearchParameters.LIMIT, SearchParameters.limit(100, "error traces"));
  }

  @Override
  public Map<String, Object> outputSchema() {
    Schema.ObjectBuilder errorSpan = Schema.object()
        .required("span_id", Schema.string(null))
        .required("operation_name", Schema.string(null))
        .required("service_name", Schema.string(null))
        .required("start_time", Schema.string("ISO-8601 UTC."))
        .property("error_type", Schema.string("Exception type or error.type."))
        .property("error_message", Schema.string("Exception message or status message; absent when the span has none."))
        .property("stack_trace", Schema.string("The last exception's stack trace, cut to the configured length."))
        .property("stack_trace_truncated", Schema.bool(null))
        .required("exception_count", Schema.integer("Exception events on the span."))
        .property("is_llm_error", Schema.bool("Present (true) when the failed span is an LLM call."))
        .property("llm_provider", Schema.string(null))
        .property("llm_model", Schema.string(null));
    Schema.ObjectBuilder errorTrace = Schema.object()
        .required("trace", OutputSchemas.traceSummary())
        .required("error_spans", Schema.array(errorSpan.asSchema(), "The failed spans of the trace."));
    return OutputSchemas.list("error_traces", errorTrace, "Traces with failures, newest first.").build();
  }

  @Override
  public Object call(Arguments arguments) {
    List<Filter> filters = new ArrayList<>();
    arguments.string(SearchParameters.SERVICE_NAME).ifPresent(v -> filters.add(Filter.equalsString("service.name", v)));
    arguments.string(SearchParameters.OPERATION_NAME).ifPresent(v -> filters.add(Filter.equalsString("name", v)));
    return useCase.execute(new FindErrorsUseCase.Request(
        SearchParameters.window(arguments, windows),
        filters,
        SearchParameters.limit(arguments, 100)));
  }
}
