package dev.otelmcp.domain.llm;

import dev.otelmcp.domain.model.Span;
import java.util.Objects;

/**
 * One execution of a tool by an agent or an LLM application.
 *
 * @param span the span that records it
 * @param name the tool's name ({@code gen_ai.tool.name} or the convention's equivalent)
 * @param failed whether the tool failed (status ERROR, {@code error.type} or an exception event)
 */
public record ToolCall(Span span, String name, boolean failed) {

  public ToolCall {
    Objects.requireNonNull(span, "span");
    Objects.requireNonNull(name, "name");
  }
}
