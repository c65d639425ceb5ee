package dev.otelmcp.adapters.mcp.prompts;

/** A prompt request that cannot be answered: no such prompt, or a required argument missing. */
public final class PromptException extends RuntimeException {

  public PromptException(String message) {
    super(message, null, false, false);
  }
}
