package dev.otelmcp.adapters.mcp.tools;

import dev.otelmcp.adapters.mcp.DescribedTool;
import dev.otelmcp.adapters.mcp.args.Arguments;
import dev.otelmcp.adapters.mcp.args.LlmParameters;
import dev.otelmcp.adapters.mcp.args.SearchParameters;
import dev.otelmcp.adapters.mcp.schema.Schema;
import dev.otelmcp.application.time.TimeWindows;
import dev.otelmcp.application.usecase.GetLlmUsageUseCase;
import jakarta.inject.Inject;
import java.util.Map;

/** {@code get_llm_usage}. */
public final class GetLlmUsageTool extends DescribedTool {

  static final String INTERVAL = "interval";

  private final GetLlmUsageUseCase useCase;
  private final TimeWindows windows;

  @Inject
  public GetLlmUsageTool(GetLlmUsageUseCase useCase, TimeWindows windows) {
    super("get_llm_usage", "LLM token usage",
        "LLM calls and tokens in a window (default: last 24 h): totals and breakdowns by model, service and "
            + "provider — input, output, cache and reasoning tokens, errors. OTel GenAI, OpenLLMetry, OpenInference.");
    this.useCase = useCase;
    this.windows = windows;
  }

  @Override
  public Schema.ObjectBuilder input() {
    return LlmParameters.callCriteria(true, true)
        .property(INTERVAL, Schema.string("Also a series per interval (15m, 1h, 1d, 1w): calls, tokens, cost."))
        .property(SearchParameters.LIMIT, LlmParameters.scanLimit());
  }

  @Override
  public Map<String, Object> outputSchema() {
    Schema groups = Schema.array(LlmParameters.totals().required("name", Schema.string(null)).asSchema(),
        "Largest total first.");
    return Schema.object()
        .required("totals", LlmParameters.totals())
        .required("by_model", groups.describe("Per model (the model that answered, else the one asked for)."))
        .required("by_service", Schema.array(LlmParameters.totals().required("name", Schema.string(null)).asSchema(),
            "Per service."))
        .required("by_provider", Schema.array(LlmParameters.totals().required("name", Schema.string(null)).asSchema(),
            "Per provider."))
        .property("series", Schema.array(LlmParameters.cost(Schema.object()
            .required("start_time", Schema.string(null))
            .required("request_count", Schema.integer(null))
            .required("error_count", Schema.integer(null))
            .required("input_tokens", Schema.integer(null))
            .required("output_tokens", Schema.integer(null))
            .required("total_tokens", Schema.integer(null))).asSchema(), "One bucket per interval, oldest first."))
        .property("unpriced_models", LlmParameters.unpricedModels())
        .required("scope", LlmParameters.scope())
        .build();
  }

  @Override
  public Object call(Arguments arguments) {
    return useCase.execute(LlmParameters.request(arguments, windows, LlmParameters.scanLimit(arguments)),
        arguments.string(INTERVAL).map(LlmParameters::interval).orElse(null));
  }
}
