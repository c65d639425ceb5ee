package dev.otelmcp.domain.llm;

import java.util.List;

/**
 * The attribute keys each LLM figure is read from, in the order tried (the first present on a span wins): what
 * otel-mcp documents to users, taken from the very lists the reading uses so that the two never drift apart.
 */
public final class LlmAttributeKeys {

  /** One figure of a call and where it is read from. */
  public record Figure(String name, List<String> keys) {}

  private static final List<Figure> FIGURES = List.of(
      new Figure("provider", LlmConventions.PROVIDER),
      new Figure("operation", LlmConventions.OPERATION),
      new Figure("request model", LlmConventions.REQUEST_MODEL),
      new Figure("response model", LlmConventions.RESPONSE_MODEL),
      new Figure("input tokens", LlmConventions.INPUT_TOKENS),
      new Figure("output tokens", LlmConventions.OUTPUT_TOKENS),
      new Figure("total tokens", LlmConventions.TOTAL_TOKENS),
      new Figure("cache read input tokens", LlmConventions.CACHE_READ_TOKENS),
      new Figure("cache creation input tokens", LlmConventions.CACHE_CREATION_TOKENS),
      new Figure("reasoning output tokens", LlmConventions.REASONING_TOKENS),
      new Figure("finish reasons", finishReasonKeys()),
      new Figure("conversation", LlmConventions.CONVERSATION),
      new Figure("tool name", LlmConventions.TOOL_NAME),
      new Figure("MCP method", List.of(LlmConventions.MCP_METHOD)));

  private LlmAttributeKeys() {}

  /** Where FinishReasons looks, in its order: the list keys, one key per choice, then the output messages. */
  private static List<String> finishReasonKeys() {
    List<String> keys = new java.util.ArrayList<>(LlmConventions.FINISH_REASONS);
    LlmConventions.INDEXED_FINISH_REASON_PREFIXES.forEach(prefix -> keys.add(prefix + "N.finish_reason"));
    keys.add(LlmConventions.OUTPUT_MESSAGES + " (finish_reason of each message)");
    return List.copyOf(keys);
  }

  public static List<Figure> figures() {
    return FIGURES;
  }
}
