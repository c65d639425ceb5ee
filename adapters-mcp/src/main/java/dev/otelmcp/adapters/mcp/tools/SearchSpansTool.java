package dev.otelmcp.adapters.mcp.tools;

import dev.otelmcp.adapters.mcp.DescribedTool;
import dev.otelmcp.adapters.mcp.args.Arguments;
import dev.otelmcp.adapters.mcp.args.SearchParameters;
import dev.otelmcp.adapters.mcp.paging.Paging;
import dev.otelmcp.adapters.mcp.schema.OutputSchemas;
import dev.otelmcp.adapters.mcp.schema.Schema;
import dev.otelmcp.application.time.TimeWindows;
import dev.otelmcp.application.usecase.SearchSpansUseCase;
import dev.otelmcp.application.view.Projection;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.Set;

/** {@code search_spans} (the reference registers it as {@code search_spans_tool}). */
public final class SearchSpansTool extends DescribedTool {

  private final SearchSpansUseCase useCase;
  private final TimeWindows windows;

  @Inject
  public SearchSpansTool(SearchSpansUseCase useCase, TimeWindows windows) {
    super("search_spans", "Search spans",
        "Search single spans, conditions on the span itself (e.g. all calls of a model, all tool spans). Newest "
            + "first, compact rows; fields adds attributes (prompts/outputs as untrusted_content).");
    this.useCase = useCase;
    this.windows = windows;
  }

  @Override
  public Schema.ObjectBuilder input() {
    return SearchParameters.criteria()
        .property(SearchParameters.FIELDS, SearchParameters.fields(", resource, events, links"))
        .property(SearchParameters.LIMIT, SearchParameters.limit(100, "spans"));
  }

  @Override
  public Map<String, Object> outputSchema() {
    return OutputSchemas.list("spans", OutputSchemas.spanRow(), "Newest first.").build();
  }

  @Override
  public Paging paging() {
    return Paging.key("spans");
  }

  @Override
  public Object call(Arguments arguments) {
    return useCase.execute(new SearchSpansUseCase.Request(
        SearchParameters.window(arguments, windows),
        SearchParameters.filters(arguments),
        SearchParameters.limit(arguments, 100),
        arguments.after().orElse(null),
        SearchParameters.projection(arguments, Set.of(Projection.RESOURCE, Projection.EVENTS, Projection.LINKS))));
  }
}
