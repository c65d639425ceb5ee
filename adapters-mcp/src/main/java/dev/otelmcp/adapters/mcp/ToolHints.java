package dev.otelmcp.adapters.mcp;

/**
 * What a tool does to the world, as MCP's tool annotations tell clients (which use them to decide whether to ask
 * the user before a call).
 *
 * @param readOnly it changes nothing
 * @param destructive it may delete or overwrite (meaningful only when not read-only)
 * @param idempotent calling it again with the same arguments has no further effect
 * @param openWorld it reaches beyond a closed domain: trace tools return text written by whoever the traced
 *     application talked to (users' prompts, model completions, tool output), so their answers are open-world data
 */
public record ToolHints(boolean readOnly, boolean destructive, boolean idempotent, boolean openWorld) {

  /** A tool reading traces: changes nothing, and quotes untrusted text from the traced application. */
  public static final ToolHints READS_TRACES = new ToolHints(true, false, true, true);

  /** A tool answering from otel-mcp's own documentation and price table. */
  public static final ToolHints READS_OWN_DOCS = new ToolHints(true, false, true, false);
}
