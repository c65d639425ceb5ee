package dev.otelmcp.adapters.mcp.tools;

import dev.otelmcp.adapters.mcp.paging.Paging;
import dev.otelmcp.adapters.mcp.args.LlmParameters;
import dev.otelmcp.adapters.mcp.schema.OutputSchemas;
import dev.otelmcp.adapters.mcp.schema.Schema;
import dev.otelmcp.application.llm.LlmRequest;
import dev.otelmcp.application.time.TimeWindows;
import dev.otelmcp.application.usecase.ListLlmToolsUseCase;
import jakarta.inject.Inject;
import java.util.Map;

/** {@code list_llm_tools} (the reference registers it as {@code list_llm_tools_tool}). */
public final class ListLlmToolsTool extends WindowListingTool {

  private final ListLlmToolsUseCase useCase;

  @Inject
  public ListLlmToolsTool(ListLlmToolsUseCase useCase, TimeWindows windows) {
    super("list_llm_tools", "List agent tools",
        "The tools agents called in a window, most used first: calls, errors, mean duration, services, first and "
            + "last seen. gen_ai_system keeps traces whose LLM calls use that provider.", windows);
    this.useCase = useCase;
  }

  @Override
  public Map<String, Object> outputSchema() {
    Schema.ObjectBuilder tool = Schema.object()
        .required("tool_name", Schema.string(null))
        .required("call_count", Schema.integer("Calls of the tool."))
        .required("error_count", Schema.integer(null))
        .required("mean_duration_ms", Schema.number(null))
        .required("services", Schema.array(Schema.string(null), null))
        .required("first_seen", Schema.string("ISO-8601 UTC."))
        .required("last_seen", Schema.string("ISO-8601 UTC."));
    return OutputSchemas.paging(Schema.object()
        .required("count", Schema.integer(null))
        .required("call_count", Schema.integer("Calls of all tools in the window (the list may be cut)."))
        .required("tools", Schema.array(tool.asSchema(), "Most used first."))
        .required("scope", LlmParameters.scope()))
        .build();
  }

  @Override
  public Paging paging() {
    return Paging.offset("tools");
  }

  @Override
  Object list(LlmRequest request) {
    return useCase.execute(request);
  }
}
