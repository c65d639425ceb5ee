package dev.otelmcp.adapters.mcp.prompts;

import dev.otelmcp.adapters.mcp.completions.ValueKind;

/** One argument of a prompt, and what it names (for completions). */
public record PromptArgument(String name, String title, String description, boolean required, ValueKind kind) {}
