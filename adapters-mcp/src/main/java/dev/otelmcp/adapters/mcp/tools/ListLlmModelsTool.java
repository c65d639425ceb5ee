package dev.otelmcp.adapters.mcp.tools;

import dev.otelmcp.adapters.mcp.args.LlmParameters;
import dev.otelmcp.adapters.mcp.paging.Paging;
import dev.otelmcp.adapters.mcp.schema.OutputSchemas;
import dev.otelmcp.adapters.mcp.schema.Schema;
import dev.otelmcp.application.llm.LlmRequest;
import dev.otelmcp.application.time.TimeWindows;
import dev.otelmcp.application.usecase.ListLlmModelsUseCase;
import jakarta.inject.Inject;
import java.util.Map;

/** {@code list_llm_models}. */
public final class ListLlmModelsTool extends WindowListingTool {

  private final ListLlmModelsUseCase useCase;

  @Inject
  public ListLlmModelsTool(ListLlmModelsUseCase useCase, TimeWindows windows) {
    super("list_llm_models", "List LLM models",
        "Every LLM model called in a window, most used first: provider, requests, errors, tokens, first/last seen, "
            + "and the requested names behind it (gpt-4o answered as gpt-4o-2024-08-06).", windows);
    this.useCase = useCase;
  }

  @Override
  public Map<String, Object> outputSchema() {
    Schema.ObjectBuilder model = Schema.object()
        .required("model", Schema.string("The model that answered, else the one asked for."))
        .property("provider", Schema.string(null))
        .include(LlmParameters.totals())
        .required("first_seen", Schema.string("ISO-8601 UTC."))
        .required("last_seen", Schema.string("ISO-8601 UTC."))
        .required("request_models", Schema.array(Schema.string(null), "Names callers asked for."))
        .required("response_models", Schema.array(Schema.string(null), "Names the provider answered with."));
    return OutputSchemas.paging(Schema.object()
        .required("count", Schema.integer(null))
        .required("models", Schema.array(model.asSchema(), "Most requests first."))
        .property("unpriced_models", LlmParameters.unpricedModels())
        .required("scope", LlmParameters.scope()))
        .build();
  }

  @Override
  public Paging paging() {
    return Paging.offset("models");
  }

  @Override
  Object list(LlmRequest request) {
    return useCase.execute(request);
  }
}
