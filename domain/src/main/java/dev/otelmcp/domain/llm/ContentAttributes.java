package dev.otelmcp.domain.llm;

import java.util.Set;
import java.util.regex.Pattern;

/**
 * The attributes that carry what flowed through an LLM application — prompts, completions, messages, tool
 * arguments and results, a decorated function's input and output — in the conventions otel-mcp reads (OTel GenAI,
 * OpenLLMetry, OpenInference). Anyone who can write to the application's input can write into them, so they are
 * data to show, never instructions: answers put them apart from everything else.
 */
public final class ContentAttributes {

  private static final Set<String> EXACT = Set.of(
      "gen_ai.prompt", "gen_ai.completion",
      "gen_ai.input.messages", "gen_ai.output.messages", "gen_ai.system_instructions",
      "gen_ai.tool.call.arguments", "gen_ai.tool.call.result",
      "gen_ai.event.content", "content",
      "traceloop.entity.input", "traceloop.entity.output",
      "input.value", "output.value");

  /**
   * The text of flattened messages — {@code gen_ai.prompt.0.content}, {@code llm.input_messages.1.message.content},
   * {@code …contents.0.message_content.text}, {@code …tool_calls.0.arguments} — and of retrieved documents
   * ({@code retrieval.documents.0.document.content}: a common way in for injected text), but not their role, name,
   * finish reason or score, which are ours to show.
   */
  private static final Pattern FLATTENED = Pattern.compile(
      "(gen_ai\\.(prompt|completion)|llm\\.(prompts|completions|input_messages|output_messages)"
          + "|retrieval\\.documents|reranker\\.(input|output)_documents)\\.\\d+\\..*\\b(content|text|arguments)");

  private ContentAttributes() {}

  public static boolean isContent(String key) {
    return EXACT.contains(key) || FLATTENED.matcher(key).matches();
  }
}
