package dev.otelmcp.adapters.mcp.tools;

import dev.otelmcp.adapters.mcp.DescribedTool;
import dev.otelmcp.adapters.mcp.args.Arguments;
import dev.otelmcp.adapters.mcp.args.LlmParameters;
import dev.otelmcp.adapters.mcp.args.SearchParameters;
import dev.otelmcp.adapters.mcp.schema.Schema;
import dev.otelmcp.application.time.TimeWindows;
import dev.otelmcp.application.usecase.CompareLlmModelsUseCase;
import jakarta.inject.Inject;
import java.util.Map;

/** {@code compare_llm_models}: the reference's roadmap item, with what-if repricing. */
public final class CompareLlmModelsTool extends DescribedTool {

  static final String MODELS = "models";
  static final String REPRICE_AS = "reprice_as";

  private final CompareLlmModelsUseCase useCase;
  private final TimeWindows windows;

  @Inject
  public CompareLlmModelsTool(CompareLlmModelsUseCase useCase, TimeWindows windows) {
    super("compare_llm_models", "Compare LLM models",
        "2-5 models side by side in a window: calls, error rate, latency, tokens and cost per call, finish reasons; "
            + "reprice_as prices every model's calls at another model's prices (what-if).");
    this.useCase = useCase;
    this.windows = windows;
  }

  @Override
  public Schema.ObjectBuilder input() {
    return LlmParameters.callCriteria(true, false)
        .required(MODELS, Schema.array(Schema.string(null), "Model names (asked for or answering), e.g. "
            + "[\"gpt-4o\",\"claude-sonnet-4-5\"]."))
        .property(REPRICE_AS, Schema.string("Price all calls as this model too, e.g. gpt-4o-mini."))
        .property(SearchParameters.LIMIT, LlmParameters.scanLimit());
  }

  @Override
  public Map<String, Object> outputSchema() {
    Schema.ObjectBuilder percentiles = LlmParameters.distribution();
    Schema.ObjectBuilder row = Schema.object()
        .required("model", Schema.string(null))
        .required("request_count", Schema.integer(null))
        .required("error_count", Schema.integer(null))
        .required("error_rate", Schema.number(null))
        .required("latency_ms", percentiles)
        .required("mean_input_tokens", Schema.number(null))
        .required("mean_output_tokens", Schema.number(null))
        .required("mean_total_tokens", Schema.number(null))
        .required("cost_usd", Schema.number(null))
        .required("cost_per_call_usd", Schema.object().include(percentiles))
        .property("cost_is_partial", Schema.bool(null))
        .required("finish_reasons", Schema.map(Schema.integer(null), null))
        .property("repriced", Schema.object()
            .required("as_model", Schema.string(null))
            .required("cost_usd", Schema.number(null))
            .required("cost_per_call_usd", Schema.number(null))
            .property("unpriced_request_count", Schema.integer(null)));
    return Schema.object()
        .required("models", Schema.array(row.asSchema(), "In the order asked."))
        .property("note", Schema.string(null))
        .required("scope", LlmParameters.scope())
        .build();
  }

  @Override
  public Object call(Arguments arguments) {
    return useCase.execute(arguments.stringList(MODELS),
        LlmParameters.request(arguments, windows, LlmParameters.scanLimit(arguments)),
        arguments.string(REPRICE_AS).orElse(null));
  }
}
