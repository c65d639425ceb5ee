package dev.otelmcp.adapters.mcp.tools;

import dev.otelmcp.adapters.mcp.DescribedTool;
import dev.otelmcp.adapters.mcp.args.Arguments;
import dev.otelmcp.adapters.mcp.args.LlmParameters;
import dev.otelmcp.adapters.mcp.args.SearchParameters;
import dev.otelmcp.adapters.mcp.schema.Schema;
import dev.otelmcp.application.time.TimeWindows;
import dev.otelmcp.application.usecase.GetLlmModelStatsUseCase;
import jakarta.inject.Inject;
import java.util.Map;

/** {@code get_llm_model_stats}. */
public final class GetLlmModelStatsTool extends DescribedTool {

  private final GetLlmModelStatsUseCase useCase;
  private final TimeWindows windows;

  @Inject
  public GetLlmModelStatsTool(GetLlmModelStatsUseCase useCase, TimeWindows windows) {
    super("get_llm_model_stats", "LLM model statistics",
        "One model in a window: requests, error rate, latency and token percentiles, finish reasons (length "
            + "truncations). model_name matches the requested or answering model.");
    this.useCase = useCase;
    this.windows = windows;
  }

  @Override
  public Schema.ObjectBuilder input() {
    return Schema.object()
        .required(LlmParameters.MODEL_NAME, Schema.string("The model, as list_llm_models names it.").minLength(1))
        .include(LlmParameters.callCriteria(false, false))
        .property(SearchParameters.LIMIT, LlmParameters.scanLimit());
  }

  @Override
  public Map<String, Object> outputSchema() {
    Schema.ObjectBuilder percentiles = LlmParameters.distribution();
    return Schema.object()
        .required("model", Schema.string(null))
        .required("request_count", Schema.integer(null))
        .required("success_count", Schema.integer(null))
        .required("error_count", Schema.integer(null))
        .required("success_rate", Schema.number("0-1."))
        .required("error_rate", Schema.number("0-1."))
        .required("latency_ms", percentiles.describe("Call duration in milliseconds."))
        .required("input_tokens", Schema.object().include(percentiles).describe("Per call, calls reporting it."))
        .required("output_tokens", Schema.object().include(percentiles).describe("Per call, calls reporting it."))
        .required("total_tokens", Schema.object().include(percentiles).describe("Per call, calls reporting usage."))
        .required("cost_usd", Schema.object().include(percentiles).describe("Per call, priced calls."))
        .required("token_totals", LlmParameters.totals())
        .required("finish_reasons", Schema.map(Schema.integer(null), "Calls per finish reason."))
        .required("length_truncations", Schema.integer("Calls cut by the token limit (length / max_tokens)."))
        .required("request_models", Schema.array(Schema.string(null), null))
        .required("response_models", Schema.array(Schema.string(null), "The distinct models that answered."))
        .required("scope", LlmParameters.scope())
        .build();
  }

  @Override
  public Object call(Arguments arguments) {
    String model = arguments.requiredString(LlmParameters.MODEL_NAME, "list_llm_models lists the models in the window.");
    return useCase.execute(model, LlmParameters.request(arguments, windows, LlmParameters.scanLimit(arguments)));
  }
}
