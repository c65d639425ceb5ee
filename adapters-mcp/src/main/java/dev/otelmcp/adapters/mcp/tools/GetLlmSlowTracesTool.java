package dev.otelmcp.adapters.mcp.tools;

import dev.otelmcp.adapters.mcp.DescribedTool;
import dev.otelmcp.adapters.mcp.args.Arguments;
import dev.otelmcp.adapters.mcp.paging.Paging;
import dev.otelmcp.adapters.mcp.args.LlmParameters;
import dev.otelmcp.adapters.mcp.args.SearchParameters;
import dev.otelmcp.adapters.mcp.schema.Schema;
import dev.otelmcp.application.llm.TraceRanking;
import dev.otelmcp.application.time.TimeWindows;
import dev.otelmcp.application.usecase.GetLlmSlowTracesUseCase;
import jakarta.inject.Inject;
import java.util.Map;

/** {@code get_llm_slow_traces}. */
public final class GetLlmSlowTracesTool extends DescribedTool {

  private final GetLlmSlowTracesUseCase useCase;
  private final TimeWindows windows;

  @Inject
  public GetLlmSlowTracesTool(GetLlmSlowTracesUseCase useCase, TimeWindows windows) {
    super("get_llm_slow_traces", "Slowest LLM traces",
        "The longest traces with LLM calls in a window, with the share of their time spent waiting for models.");
    this.useCase = useCase;
    this.windows = windows;
  }

  @Override
  public Schema.ObjectBuilder input() {
    return LlmParameters.callCriteria(false, true)
        .property(SearchParameters.MIN_DURATION_MS, Schema.number("Only traces at least this long (ms).").minimum(0))
        .property(SearchParameters.LIMIT, SearchParameters.limit(10, "traces"));
  }

  @Override
  public Map<String, Object> outputSchema() {
    return LlmParameters.ranking("Longest first.").build();
  }

  @Override
  public Paging paging() {
    return Paging.offset("traces").pagedBy(SearchParameters.LIMIT, 10).pageOnly("count");
  }

  @Override
  public Object call(Arguments arguments) {
    int limit = SearchParameters.limit(arguments, 10);
    return useCase.execute(LlmParameters.request(arguments, windows, limit),
        arguments.nonNegativeNumber(SearchParameters.MIN_DURATION_MS).orElse(null),
        new TraceRanking.Page(arguments.offset(), limit));
  }
}
