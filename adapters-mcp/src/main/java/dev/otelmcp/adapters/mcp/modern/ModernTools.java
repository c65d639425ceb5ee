package dev.otelmcp.adapters.mcp.modern;

import dev.otelmcp.adapters.mcp.McpTool;
import dev.otelmcp.adapters.mcp.ToolContract;
import dev.otelmcp.adapters.mcp.answers.ToolAnswer;
import dev.otelmcp.adapters.mcp.answers.ToolAnswers;
import dev.otelmcp.adapters.mcp.calls.ThrottledProgress;
import dev.otelmcp.adapters.mcp.protocol.ToolErrors;
import dev.otelmcp.domain.call.ProgressSink;
import io.modelcontextprotocol.modern.McpException;
import io.modelcontextprotocol.modern.McpSchema.CallToolOutcome;
import io.modelcontextprotocol.modern.McpSchema.CallToolRequest;
import io.modelcontextprotocol.modern.McpSchema.CallToolResult;
import io.modelcontextprotocol.modern.McpSchema.ErrorCodes;
import io.modelcontextprotocol.modern.McpSchema.TextContent;
import io.modelcontextprotocol.modern.McpSchema.Tool;
import io.modelcontextprotocol.modern.McpSchema.ToolAnnotations;
import io.modelcontextprotocol.modern.server.McpRequestContext;
import io.modelcontextprotocol.modern.server.McpSyncResponse;
import io.modelcontextprotocol.modern.server.feature.McpSyncTool;
import io.modelcontextprotocol.modern.server.feature.McpSyncToolRepository;
import io.modelcontextprotocol.modern.server.feature.ToolsPage;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The tools for 2026-07-28 clients: listed in one fixed order (which keeps prompt caches warm), answered by the same
 * {@link ToolAnswers} as the 2025-11-25 era. Progress is streamed only when the client asked for it with a token.
 */
final class ModernTools implements McpSyncToolRepository {

  private final Map<String, McpSyncTool> tools = new LinkedHashMap<>();
  private final List<Tool> definitions;
  private final ToolAnswers answers;

  ModernTools(List<McpTool> tools, Function<McpTool, ToolContract> contracts, ToolAnswers answers) {
    this.answers = answers;
    for (McpTool tool : tools) {
      this.tools.put(tool.name(), McpSyncTool.of(definition(contracts.apply(tool)), (context, request) ->
          call(tool, context, request)));
    }
    this.definitions = this.tools.values().stream().map(McpSyncTool::definition).toList();
  }

  @Override
  public ToolsPage list(McpRequestContext context, String cursor) {
    return new ToolsPage(definitions, null, CachePolicy.CATALOGUE_TTL_MS, CachePolicy.CATALOGUE_SCOPE);
  }

  /**
   * A tool by name. In this era an unknown tool is a protocol error (-32602), not a tool result; its message still
   * names the tools, as the other era's answer does.
   */
  @Override
  public McpSyncTool find(McpRequestContext context, String name) {
    McpSyncTool tool = tools.get(name);
    if (tool == null) {
      Map<String, Object> error = ToolErrors.unknownTool(name, tools.keySet());
      @SuppressWarnings("unchecked")
      Map<String, Object> body = (Map<String, Object>) error.get("error");
      throw new McpException(ErrorCodes.INVALID_PARAMS, body.get("message") + ". " + body.get("hint"), error);
    }
    return tool;
  }

  private McpSyncResponse<CallToolOutcome> call(McpTool tool, McpRequestContext context, CallToolRequest request) {
    Map<String, Object> arguments = request.arguments() == null ? Map.of() : request.arguments();
    if (context.progressToken() == null) {
      return McpSyncResponse.result(result(answers.run(tool, arguments, null, ProgressSink.NONE)));
    }
    return McpSyncResponse.streaming(notifier -> result(answers.run(tool, arguments, null,
        ThrottledProgress.to((steps, message) -> notifier.progress(steps, null, message)))));
  }

  static CallToolResult result(ToolAnswer answer) {
    CallToolResult.Builder result = new CallToolResult.Builder().addContent(TextContent.builder(answer.text()).build());
    return answer.isError() ? result.isError(true).build() : result.structuredContent(answer.structured()).build();
  }

  private static Tool definition(ToolContract contract) {
    return Tool.builder(contract.name(), contract.inputSchema())
        .title(contract.title())
        .description(contract.description())
        .outputSchema(contract.outputSchema())
        .annotations(ToolAnnotations.builder()
            .readOnlyHint(contract.hints().readOnly())
            .destructiveHint(contract.hints().destructive())
            .idempotentHint(contract.hints().idempotent())
            .openWorldHint(contract.hints().openWorld())
            .build())
        .build();
  }
}
