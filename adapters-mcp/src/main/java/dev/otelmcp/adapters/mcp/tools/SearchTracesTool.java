package dev.otelmcp.adapters.mcp.tools;

import dev.otelmcp.adapters.mcp.DescribedTool;
import dev.otelmcp.adapters.mcp.args.Arguments;
import dev.otelmcp.adapters.mcp.args.SearchParameters;
import dev.otelmcp.adapters.mcp.schema.OutputSchemas;
import dev.otelmcp.adapters.mcp.schema.Schema;
import dev.otelmcp.application.time.TimeWindows;
import dev.otelmcp.application.usecase.SearchTracesUseCase;
import jakarta.inject.Inject;
import java.util.Map;

/** {@code search_traces}. */
public final class SearchTracesTool extends DescribedTool {

  private final SearchTracesUseCase useCase;
  private final TimeWindows windows;

  @Inject
  public SearchTracesTool(SearchTracesUseCase useCase, TimeWindows windows) {
    super("search_traces", "Search traces",
        "Search traces in a time window (default: the last 24 h) by service, operation, duration, error "
            + "status, LLM provider/model, attribute tags or generic filters; newest first. service_name is optional: "
            + "without it every service is searched. Example filter: {\"field\":\"gen_ai.usage.input_tokens\","
            + "\"operator\":\"gt\",\"value\":5000}. Use get_trace for the spans of one trace.");
    this.useCase = useCase;
    this.windows = windows;
  }

  @Override
  public Schema.ObjectBuilder input() {
    return SearchParameters.criteria().property(SearchParameters.LIMIT, SearchParameters.limit(100, "traces"));
  }

  @Override
  public Map<String, Object> outputSchema() {
    return OutputSchemas.list("traces", OutputSchemas.traceSummary(), "Matching traces, newest first.").build();
  }

  @Override
  public Object call(Arguments arguments) {
    return useCase.execute(new SearchTracesUseCase.Request(
        SearchParameters.window(arguments, windows),
        SearchParameters.filters(arguments),
        SearchParameters.limit(arguments, 100)));
  }
}
