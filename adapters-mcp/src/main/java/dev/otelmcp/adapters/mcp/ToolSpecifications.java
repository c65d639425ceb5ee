package dev.otelmcp.adapters.mcp;

import dev.otelmcp.adapters.mcp.args.Arguments;
import dev.otelmcp.domain.error.ErrorCode;
import dev.otelmcp.domain.error.OtelMcpException;
import io.modelcontextprotocol.server.McpServerFeatures.SyncToolSpecification;
import io.modelcontextprotocol.spec.McpSchema.CallToolRequest;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import io.modelcontextprotocol.spec.McpSchema.Tool;
import io.modelcontextprotocol.spec.McpSchema.ToolAnnotations;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns {@link McpTool}s into MCP SDK tool specifications: read-only annotations, input and output
 * schemas, compact JSON results as {@code structuredContent} plus the same text, and every failure as an
 * {@code isError} result {@code {"error":{"code","message","hint"}}} — never a JSON-RPC error, never a
 * stack trace sent to the client.
 */
public final class ToolSpecifications {

  private static final Logger LOG = LoggerFactory.getLogger(ToolSpecifications.class);

  private final ResultMapper mapper;

  public ToolSpecifications(ResultMapper mapper) {
    this.mapper = mapper;
  }

  public SyncToolSpecification of(McpTool tool) {
    Tool definition = Tool.builder(tool.name(), tool.input().closed().build())
        .title(tool.title())
        .description(tool.description())
        .outputSchema(tool.outputSchema())
        .annotations(ToolAnnotations.builder()
            .title(tool.title())
            .readOnlyHint(true)
            .destructiveHint(false)
            .idempotentHint(true)
            .openWorldHint(true)
            .build())
        .build();
    return SyncToolSpecification.builder()
        .tool(definition)
        .callHandler((exchange, request) -> call(tool, request))
        .build();
  }

  CallToolResult call(McpTool tool, CallToolRequest request) {
    long started = System.nanoTime();
    try {
      Arguments arguments = new Arguments(request.arguments(), tool.input().propertyNames());
      Map<String, Object> result = mapper.toMap(tool.call(arguments));
      LOG.debug("{} answered in {} ms", tool.name(), (System.nanoTime() - started) / 1_000_000);
      return CallToolResult.builder().structuredContent(result).addTextContent(mapper.toJson(result)).build();
    } catch (OtelMcpException e) {
      LOG.info("{} failed: {} {}", tool.name(), e.code(), e.getMessage());
      return error(e.code(), e.getMessage(), e.hint());
    } catch (RuntimeException e) {
      LOG.error("{} failed with an internal error", tool.name(), e);
      return error(ErrorCode.INTERNAL, "internal error in otel-mcp while running " + tool.name()
          + " (" + e.getClass().getSimpleName() + "); details are in the server log on stderr",
          "Retry once; if it persists, report it with the server log.");
    }
  }

  private CallToolResult error(ErrorCode code, String message, String hint) {
    Map<String, Object> error = new LinkedHashMap<>();
    error.put("code", code.name());
    error.put("message", message);
    error.put("hint", hint);
    Map<String, Object> body = Map.of("error", error);
    return CallToolResult.builder().isError(true).structuredContent(body).addTextContent(mapper.toJson(body)).build();
  }
}
