package dev.otelmcp.adapters.mcp.tools;

import dev.otelmcp.adapters.mcp.DescribedTool;
import dev.otelmcp.adapters.mcp.args.Arguments;
import dev.otelmcp.adapters.mcp.args.SearchParameters;
import dev.otelmcp.adapters.mcp.schema.OutputSchemas;
import dev.otelmcp.adapters.mcp.schema.Schema;
import dev.otelmcp.application.time.TimeWindows;
import dev.otelmcp.application.usecase.SearchSpansUseCase;
import jakarta.inject.Inject;
import java.util.Map;

/** {@code search_spans} (the reference registers it as {@code search_spans_tool}). */
public final class SearchSpansTool extends DescribedTool {

  private final SearchSpansUseCase useCase;
  private final TimeWindows windows;

  @Inject
  public SearchSpansTool(SearchSpansUseCase useCase, TimeWindows windows) {
    super("search_spans", "Search spans",
        "Search individual spans (not whole traces) with the same criteria as search_traces; every "
            + "condition applies to the span itself, e.g. all LLM calls of a model or all tool spans "
            + "({\"field\":\"traceloop.span.kind\",\"operator\":\"equals\",\"value\":\"tool\"}). Newest first, with "
            + "attributes (long strings cut to 300 characters).");
    this.useCase = useCase;
    this.windows = windows;
  }

  @Override
  public Schema.ObjectBuilder input() {
    return SearchParameters.criteria().property(SearchParameters.LIMIT, SearchParameters.limit(100, "spans"));
  }

  @Override
  public Map<String, Object> outputSchema() {
    return OutputSchemas.list("spans", OutputSchemas.span(), "Matching spans, newest first.").build();
  }

  @Override
  public Object call(Arguments arguments) {
    return useCase.execute(new SearchSpansUseCase.Request(
        SearchParameters.window(arguments, windows),
        SearchParameters.filters(arguments),
        SearchParameters.limit(arguments, 100)));
  }
}
