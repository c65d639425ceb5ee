package dev.otelmcp.adapters.mcp.prompts;

import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * A prompt: its name, what it is for, its arguments, and the text it becomes once they are given.
 *
 * @param text the prompt's text from its arguments (all present, required ones non-blank)
 */
public record PromptDefinition(String name, String title, String description, List<PromptArgument> arguments,
    Function<Map<String, String>, String> text) {

  public PromptDefinition {
    arguments = List.copyOf(arguments);
  }
}
