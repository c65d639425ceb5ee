package dev.otelmcp.adapters.mcp.tools;

import dev.otelmcp.adapters.mcp.DescribedTool;
import dev.otelmcp.adapters.mcp.args.Arguments;
import dev.otelmcp.adapters.mcp.paging.Paging;
import dev.otelmcp.adapters.mcp.args.LlmParameters;
import dev.otelmcp.adapters.mcp.args.SearchParameters;
import dev.otelmcp.adapters.mcp.schema.Schema;
import dev.otelmcp.application.time.TimeWindows;
import dev.otelmcp.application.usecase.GetLlmExpensiveTracesUseCase;
import jakarta.inject.Inject;
import java.util.Map;

/** {@code get_llm_expensive_traces}. */
public final class GetLlmExpensiveTracesTool extends DescribedTool {

  private final GetLlmExpensiveTracesUseCase useCase;
  private final TimeWindows windows;

  @Inject
  public GetLlmExpensiveTracesTool(GetLlmExpensiveTracesUseCase useCase, TimeWindows windows) {
    super("get_llm_expensive_traces", "Most expensive LLM traces",
        "The traces that used the most LLM tokens in a window, with their token breakdown and models.");
    this.useCase = useCase;
    this.windows = windows;
  }

  @Override
  public Schema.ObjectBuilder input() {
    return LlmParameters.callCriteria(false, true)
        .property(LlmParameters.MIN_TOKENS, Schema.integer("Only traces with at least this many tokens.").minimum(0))
        .property(SearchParameters.LIMIT, SearchParameters.limit(10, "traces"));
  }

  @Override
  public Map<String, Object> outputSchema() {
    return LlmParameters.ranking("Most tokens first.").build();
  }

  @Override
  public Paging paging() {
    return Paging.offset("traces").pagedBy(SearchParameters.LIMIT, 10);
  }

  @Override
  public Object call(Arguments arguments) {
    long minTokens = arguments.optionalInteger(LlmParameters.MIN_TOKENS, 0, Integer.MAX_VALUE).orElse(0);
    return useCase.execute(LlmParameters.request(arguments, windows, SearchParameters.limit(arguments, 10)), minTokens);
  }
}
