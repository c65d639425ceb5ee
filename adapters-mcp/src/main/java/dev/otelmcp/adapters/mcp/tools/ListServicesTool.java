package dev.otelmcp.adapters.mcp.tools;

import dev.otelmcp.adapters.mcp.DescribedTool;
import dev.otelmcp.adapters.mcp.args.Arguments;
import dev.otelmcp.adapters.mcp.paging.Paging;
import dev.otelmcp.adapters.mcp.args.SearchParameters;
import dev.otelmcp.adapters.mcp.schema.OutputSchemas;
import dev.otelmcp.adapters.mcp.schema.Schema;
import dev.otelmcp.application.time.TimeWindows;
import dev.otelmcp.application.usecase.ListServicesUseCase;
import jakarta.inject.Inject;
import java.util.Map;

/** {@code list_services}. */
public final class ListServicesTool extends DescribedTool {

  private final ListServicesUseCase useCase;
  private final TimeWindows windows;

  @Inject
  public ListServicesTool(ListServicesUseCase useCase, TimeWindows windows) {
    super("list_services", "List services",
        "The services that reported traces, sorted: the exact names other tools filter on. Start here. "
            + "(Jaeger ignores the window.)");
    this.useCase = useCase;
    this.windows = windows;
  }

  @Override
  public Schema.ObjectBuilder input() {
    return SearchParameters.window();
  }

  @Override
  public Map<String, Object> outputSchema() {
    return OutputSchemas.paging(Schema.object()
        .required("count", Schema.integer(null))
        .required("services", Schema.array(Schema.string(null), "Service names, sorted."))
        .required("window", OutputSchemas.window()))
        .build();
  }

  @Override
  public Paging paging() {
    return Paging.offset("services");
  }

  @Override
  public Object call(Arguments arguments) {
    return useCase.execute(SearchParameters.window(arguments, windows));
  }
}
