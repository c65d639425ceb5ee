package dev.otelmcp.adapters.mcp;

import dev.otelmcp.adapters.mcp.args.Arguments;
import dev.otelmcp.adapters.mcp.paging.Paging;
import dev.otelmcp.adapters.mcp.schema.Schema;
import java.util.Map;

/** One MCP tool: its contract (name, description, schemas) and the call that runs one use case. */
public interface McpTool {

  String name();

  String title();

  /** What the tool answers, written for an assistant choosing between tools. */
  String description();

  /** The input schema; unknown parameters are rejected. */
  Schema.ObjectBuilder input();

  /** The schema every successful result conforms to. */
  Map<String, Object> outputSchema();

  /**
   * How the tool's answers are paged to fit the token budget. Tools with a paged list also accept
   * {@code cursor}.
   */
  default Paging paging() {
    return Paging.NONE;
  }

  /** How this call's answer is paged, when it depends on the arguments (a tool with several views). */
  default Paging paging(Arguments arguments) {
    return paging();
  }

  /** What calling it does to the world (MCP tool annotations). */
  default ToolHints hints() {
    return ToolHints.READS_TRACES;
  }

  /** Runs the tool; returns a result record, or throws an {@code OtelMcpException}. */
  Object call(Arguments arguments);
}
