package dev.otelmcp.bootstrap.e2e;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.ServerParameters;
import io.modelcontextprotocol.client.transport.StdioClientTransport;
import io.modelcontextprotocol.json.jackson2.JacksonMcpJsonMapper;
import io.modelcontextprotocol.json.schema.jackson2.DefaultJsonSchemaValidator;
import io.modelcontextprotocol.spec.McpSchema.CallToolRequest;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import io.modelcontextprotocol.spec.McpSchema.TextContent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The real otel-mcp process — the shaded jar Maven just built — driven by the MCP SDK's own client over
 * stdio, exactly as Claude Desktop or Cursor would run it.
 */
final class ServerProcess implements AutoCloseable {

  private final McpSyncClient client;
  private final Map<String, Map<String, Object>> outputSchemas = new java.util.HashMap<>();
  private final DefaultJsonSchemaValidator validator = new DefaultJsonSchemaValidator(new ObjectMapper());

  private ServerProcess(McpSyncClient client) {
    this.client = client;
    client.listTools().tools().forEach(t -> outputSchemas.put(t.name(), t.outputSchema()));
  }

  static Path jar() {
    Path jar = Path.of(System.getProperty("otelmcp.jar", "target/otel-mcp.jar"));
    if (!Files.isRegularFile(jar)) {
      throw new IllegalStateException("build the shaded jar first (mvn package): " + jar.toAbsolutePath());
    }
    return jar;
  }

  static String java() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }

  /** Starts {@code java -jar otel-mcp.jar <args>} and completes the MCP handshake. */
  static ServerProcess start(String... args) {
    List<String> command = new ArrayList<>(List.of("-jar", jar().toString()));
    command.addAll(List.of(args));
    ServerParameters parameters = ServerParameters.builder(java()).args(command).build();
    StdioClientTransport transport = new StdioClientTransport(parameters, new JacksonMcpJsonMapper(new ObjectMapper()));
    transport.setStdErrorHandler(line -> System.err.println("[otel-mcp] " + line));
    McpSyncClient client = McpClient.sync(transport).requestTimeout(Duration.ofSeconds(60))
        // A loaded 2-core CI machine can take longer than the default 20 s to start a JVM and answer.
        .initializationTimeout(Duration.ofSeconds(60)).build();
    client.initialize();
    return new ServerProcess(client);
  }

  McpSyncClient client() {
    return client;
  }

  /**
   * Calls a tool and checks the result as the official TypeScript client does before handing it to a
   * model: a tool with an output schema must send structuredContent unless the call failed, and any
   * structuredContent sent must match the schema — even on an error.
   */
  CallToolResult call(String tool, Map<String, Object> arguments) {
    CallToolResult result = client.callTool(CallToolRequest.builder().name(tool).arguments(arguments).build());
    Map<String, Object> schema = outputSchemas.get(tool);
    if (schema != null) {
      if (result.structuredContent() == null && !Boolean.TRUE.equals(result.isError())) {
        throw new AssertionError(tool + " has an output schema but did not return structured content");
      }
      if (result.structuredContent() != null) {
        var check = validator.validate(schema, result.structuredContent());
        if (!check.valid()) {
          throw new AssertionError(tool + ": structured content does not match the output schema: " + check.errorMessage());
        }
      }
    }
    return result;
  }

  @SuppressWarnings("unchecked")
  Map<String, Object> ok(String tool, Map<String, Object> arguments) {
    CallToolResult result = call(tool, arguments);
    if (Boolean.TRUE.equals(result.isError())) {
      throw new AssertionError(tool + " failed: " + result.content());
    }
    return (Map<String, Object>) result.structuredContent();
  }

  @SuppressWarnings("unchecked")
  Map<String, Object> error(String tool, Map<String, Object> arguments) {
    CallToolResult result = call(tool, arguments);
    if (!Boolean.TRUE.equals(result.isError())) {
      throw new AssertionError(tool + " should have failed but answered " + result.structuredContent());
    }
    if (result.structuredContent() != null) {
      throw new AssertionError(tool + " sent structuredContent with its error: " + result.structuredContent());
    }
    try {
      String text = ((TextContent) result.content().get(0)).text();
      return (Map<String, Object>) new ObjectMapper().readValue(text, Map.class).get("error");
    } catch (java.io.IOException e) {
      throw new AssertionError(tool + "'s error text is not JSON: " + result.content(), e);
    }
  }

  @Override
  public void close() {
    client.closeGracefully();
  }
}
