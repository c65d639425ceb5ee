package dev.otelmcp.adapters.mcp.tools;

import dev.otelmcp.adapters.mcp.DescribedTool;
import dev.otelmcp.adapters.mcp.args.Arguments;
import dev.otelmcp.adapters.mcp.paging.Paging;
import dev.otelmcp.adapters.mcp.args.SearchParameters;
import dev.otelmcp.adapters.mcp.schema.OutputSchemas;
import dev.otelmcp.adapters.mcp.schema.Schema;
import dev.otelmcp.application.time.TimeWindows;
import dev.otelmcp.application.usecase.ListOperationsUseCase;
import jakarta.inject.Inject;
import java.util.Map;

/** {@code list_operations}: the reference implemented it but never exposed it as a tool. */
public final class ListOperationsTool extends DescribedTool {

  private final ListOperationsUseCase useCase;
  private final TimeWindows windows;

  @Inject
  public ListOperationsTool(ListOperationsUseCase useCase, TimeWindows windows) {
    super("list_operations", "List operations of a service",
        "The operations (span names) of a service, with their span kind when known: the operation_name values of "
            + "search_traces / search_spans. (Traceloop lists the project's workflow names.)");
    this.useCase = useCase;
    this.windows = windows;
  }

  @Override
  public Schema.ObjectBuilder input() {
    return Schema.object()
        .required(SearchParameters.SERVICE_NAME, SearchParameters.serviceName("The service, exactly as list_services names it.")
            .minLength(1))
        .include(SearchParameters.window());
  }

  @Override
  public Map<String, Object> outputSchema() {
    return OutputSchemas.paging(Schema.object()
        .required("service_name", Schema.string(null))
        .required("count", Schema.integer(null))
        .required("operations", Schema.array(Schema.object()
            .required("name", Schema.string(null))
            .property("span_kind", Schema.string("When the backend reports it.").enumOf(OutputSchemas.SPAN_KINDS)).asSchema(),
            "Operations, sorted by name."))
        .required("window", OutputSchemas.window()))
        .build();
  }

  @Override
  public Paging paging() {
    return Paging.offset("operations");
  }

  @Override
  public Object call(Arguments arguments) {
    String service = arguments.requiredString(SearchParameters.SERVICE_NAME, "Call list_services for the names.");
    return useCase.execute(service, SearchParameters.window(arguments, windows));
  }
}
