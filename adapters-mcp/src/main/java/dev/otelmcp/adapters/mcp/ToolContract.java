package dev.otelmcp.adapters.mcp;

import dev.otelmcp.adapters.mcp.answers.ToolAnswers;
import dev.otelmcp.adapters.mcp.schema.SchemaCompactor;
import java.util.Map;

/**
 * What clients of either protocol era are told about a tool: its name, title, description, closed input schema,
 * lean output schema and hints — made once, from the tool, for both.
 */
public record ToolContract(String name, String title, String description, Map<String, Object> inputSchema,
    Map<String, Object> outputSchema, ToolHints hints) {

  public static ToolContract of(McpTool tool) {
    return new ToolContract(tool.name(), tool.title(), tool.description(), ToolAnswers.input(tool).closed().build(),
        SchemaCompactor.output(tool.outputSchema()), tool.hints());
  }
}
