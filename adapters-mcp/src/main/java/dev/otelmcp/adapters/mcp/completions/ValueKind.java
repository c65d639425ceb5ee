package dev.otelmcp.adapters.mcp.completions;

/** What an argument of a prompt or resource template names, and so where its completions come from. */
public enum ValueKind {
  /** Service names, from list_services. */
  SERVICE,
  /** Operation (span) names of the service given in the same request, from list_operations. */
  OPERATION,
  /** Model names, from list_llm_models. */
  MODEL,
  /** A comma-separated list of model names: the last one is completed. */
  MODEL_LIST,
  /** Tool names an agent called, from list_llm_tools. */
  LLM_TOOL,
  /** Trace ids of recent traces, from search_traces. */
  TRACE_ID,
  /** Relative time windows. */
  WINDOW,
  /** The groupings of a cost report. */
  COST_GROUPING
}
