package dev.otelmcp.domain.llm;

import java.util.List;

/**
 * Where each convention puts each LLM figure, in the order they are tried: OTel GenAI current, OTel
 * GenAI deprecated, OpenLLMetry (after and before v0.55), the Traceloop API's {@code llm.*} renames, then
 * OpenInference. The first key present on a span wins.
 */
final class LlmConventions {

  static final List<String> PROVIDER = List.of(
      "gen_ai.provider.name", "gen_ai.system", "llm.vendor", "llm.provider", "llm.system");

  static final List<String> OPERATION = List.of("gen_ai.operation.name", "llm.request.type", "llm.operation.name");

  /**
   * What every key of a model or a token count below begins with ({@code LlmCalls.mayRecordCall}); a test holds the
   * lists to it.
   */
  static final List<String> CALL_KEY_PREFIXES = List.of("gen_ai.", "llm.", "embedding.");

  static final List<String> REQUEST_MODEL = List.of(
      "gen_ai.request.model", "llm.request.model", "llm.request.model_name", "embedding.model_name");

  static final List<String> RESPONSE_MODEL = List.of(
      "gen_ai.response.model", "llm.response.model", "llm.response.model_name", "llm.model_name");

  static final List<String> INPUT_TOKENS = List.of(
      "gen_ai.usage.input_tokens", "gen_ai.usage.prompt_tokens", "llm.usage.prompt_tokens", "llm.usage.input_tokens",
      "llm.token_count.prompt");

  static final List<String> OUTPUT_TOKENS = List.of(
      "gen_ai.usage.output_tokens", "gen_ai.usage.completion_tokens", "llm.usage.completion_tokens",
      "llm.usage.output_tokens", "llm.token_count.completion");

  static final List<String> TOTAL_TOKENS = List.of(
      "gen_ai.usage.total_tokens", "llm.usage.total_tokens", "llm.token_count.total");

  static final List<String> CACHE_READ_TOKENS = List.of(
      "gen_ai.usage.cache_read.input_tokens", "gen_ai.usage.cache_read_input_tokens",
      "llm.usage.cache_read_input_tokens", "llm.token_count.prompt_details.cache_read");

  static final List<String> CACHE_CREATION_TOKENS = List.of(
      "gen_ai.usage.cache_creation.input_tokens", "gen_ai.usage.cache_creation_input_tokens",
      "llm.usage.cache_creation_input_tokens", "llm.token_count.prompt_details.cache_write");

  static final List<String> REASONING_TOKENS = List.of(
      "gen_ai.usage.reasoning.output_tokens", "gen_ai.usage.reasoning_tokens", "llm.usage.reasoning_tokens",
      "llm.token_count.completion_details.reasoning");

  /** Keys holding all finish reasons of a call (an array, or a string list). */
  static final List<String> FINISH_REASONS = List.of(
      "gen_ai.response.finish_reasons", "llm.response.finish_reasons", "gen_ai.response.finish_reason",
      "llm.response.finish_reason", "llm.finish_reason");

  /** Per-choice keys {@code <prefix>.<N>.finish_reason} (OpenLLMetry and the Traceloop API). */
  static final List<String> INDEXED_FINISH_REASON_PREFIXES = List.of("gen_ai.completion.", "llm.completions.");

  /** JSON messages that may carry {@code finish_reason} (OTel GenAI opt-in content). */
  static final String OUTPUT_MESSAGES = "gen_ai.output.messages";

  /**
   * A {@code finish_reason} field in output messages; the reason is the group. Whitespace is spelled out (not
   * {@code \s}) so that engines with another idea of it (RE2) read it alike.
   */
  static final String FINISH_REASON_IN_MESSAGES =
      "\"finish_reason\"[ \\t\\n\\x0B\\f\\r]*:[ \\t\\n\\x0B\\f\\r]*\"([^\"]+)\"";

  static final List<String> CONVERSATION = List.of("gen_ai.conversation.id", "session.id");

  static final List<String> TOOL_NAME = List.of(
      "gen_ai.tool.name", "tool.name", "llm.tool.name", "traceloop.entity.name");

  /** MCP semantic conventions: the JSON-RPC method of an MCP span ({@code tools/call}). */
  static final String MCP_METHOD = "mcp.method.name";

  private LlmConventions() {}
}
