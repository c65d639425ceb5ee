package dev.otelmcp.adapters.mcp.tools;

import dev.otelmcp.adapters.mcp.DescribedTool;
import dev.otelmcp.adapters.mcp.args.Arguments;
import dev.otelmcp.adapters.mcp.args.SearchParameters;
import dev.otelmcp.adapters.mcp.paging.Paging;
import dev.otelmcp.adapters.mcp.schema.OutputSchemas;
import dev.otelmcp.adapters.mcp.schema.Schema;
import dev.otelmcp.application.time.TimeWindows;
import dev.otelmcp.application.usecase.SearchTracesUseCase;
import dev.otelmcp.application.view.Projection;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.Set;

/** {@code search_traces}. */
public final class SearchTracesTool extends DescribedTool {

  private final SearchTracesUseCase useCase;
  private final TimeWindows windows;

  @Inject
  public SearchTracesTool(SearchTracesUseCase useCase, TimeWindows windows) {
    super("search_traces", "Search traces",
        "Search traces in a window (default: last 24 h) by service, operation, duration, errors, LLM provider/model, "
            + "tags or filters; newest first, a compact row each with LLM calls and tokens.");
    this.useCase = useCase;
    this.windows = windows;
  }

  @Override
  public Schema.ObjectBuilder input() {
    return SearchParameters.criteria()
        .property(SearchParameters.FIELDS, SearchParameters.fields(" (of the root span), services"))
        .property(SearchParameters.LIMIT, SearchParameters.limit(100, "traces"));
  }

  @Override
  public Map<String, Object> outputSchema() {
    return OutputSchemas.list("traces", OutputSchemas.traceSummary(), "Newest first.").build();
  }

  @Override
  public Paging paging() {
    return Paging.key("traces");
  }

  @Override
  public Object call(Arguments arguments) {
    return useCase.execute(new SearchTracesUseCase.Request(
        SearchParameters.window(arguments, windows),
        SearchParameters.filters(arguments),
        SearchParameters.limit(arguments, 100),
        arguments.after().orElse(null),
        SearchParameters.projection(arguments, Set.of(Projection.SERVICES))));
  }
}
