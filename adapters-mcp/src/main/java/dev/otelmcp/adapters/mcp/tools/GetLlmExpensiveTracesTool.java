package dev.otelmcp.adapters.mcp.tools;

import dev.otelmcp.adapters.mcp.DescribedTool;
import dev.otelmcp.adapters.mcp.args.Arguments;
import dev.otelmcp.adapters.mcp.args.LlmParameters;
import dev.otelmcp.adapters.mcp.args.SearchParameters;
import dev.otelmcp.adapters.mcp.paging.Paging;
import dev.otelmcp.adapters.mcp.schema.Schema;
import dev.otelmcp.application.llm.TraceRanking;
import dev.otelmcp.application.time.TimeWindows;
import dev.otelmcp.application.usecase.GetLlmExpensiveTracesUseCase;
import jakarta.inject.Inject;
import java.util.Locale;
import java.util.Map;

/** {@code get_llm_expensive_traces}. */
public final class GetLlmExpensiveTracesTool extends DescribedTool {

  static final String RANK_BY = "rank_by";
  static final String MIN_COST_USD = "min_cost_usd";

  private final GetLlmExpensiveTracesUseCase useCase;
  private final TimeWindows windows;

  @Inject
  public GetLlmExpensiveTracesTool(GetLlmExpensiveTracesUseCase useCase, TimeWindows windows) {
    super("get_llm_expensive_traces", "Most expensive LLM traces",
        "The traces whose LLM calls cost the most in a window (USD; rank_by=tokens for the most tokens), with "
            + "their token breakdown and models.");
    this.useCase = useCase;
    this.windows = windows;
  }

  @Override
  public Schema.ObjectBuilder input() {
    return LlmParameters.callCriteria(false, true)
        .property(LlmParameters.MIN_TOKENS, Schema.integer("Only traces with at least this many tokens.").minimum(0))
        .property(MIN_COST_USD, Schema.number("Only traces that cost at least this much (USD).").minimum(0))
        .property(RANK_BY, Schema.string("cost (default) or tokens.").enumOf("cost", "tokens"))
        .property(SearchParameters.LIMIT, SearchParameters.limit(10, "traces"));
  }

  @Override
  public Map<String, Object> outputSchema() {
    return LlmParameters.ranking("Most expensive first.").build();
  }

  @Override
  public Paging paging() {
    return Paging.offset("traces").pagedBy(SearchParameters.LIMIT, 10).pageOnly("count");
  }

  @Override
  public Object call(Arguments arguments) {
    long minTokens = arguments.optionalInteger(LlmParameters.MIN_TOKENS, 0, Integer.MAX_VALUE).orElse(0);
    String rankBy = arguments.string(RANK_BY).orElse("cost").toLowerCase(Locale.ROOT);
    if (!rankBy.equals("cost") && !rankBy.equals("tokens")) {
      throw Arguments.invalid(RANK_BY, "must be cost or tokens", "cost ranks by USD, tokens by total tokens.");
    }
    int limit = SearchParameters.limit(arguments, 10);
    return useCase.execute(LlmParameters.request(arguments, windows, limit), minTokens,
        arguments.nonNegativeNumber(MIN_COST_USD).orElse(null),
        rankBy.equals("cost") ? GetLlmExpensiveTracesUseCase.RankBy.COST : GetLlmExpensiveTracesUseCase.RankBy.TOKENS,
        new TraceRanking.Page(arguments.offset(), limit));
  }
}
