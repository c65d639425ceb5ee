package dev.otelmcp.bootstrap.e2e;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.ServerParameters;
import io.modelcontextprotocol.client.transport.StdioClientTransport;
import io.modelcontextprotocol.json.jackson2.JacksonMcpJsonMapper;
import io.modelcontextprotocol.spec.McpSchema.CallToolRequest;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
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

  private ServerProcess(McpSyncClient client) {
    this.client = client;
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
    McpSyncClient client = McpClient.sync(transport).requestTimeout(Duration.ofSeconds(60)).build();
    client.initialize();
    return new ServerProcess(client);
  }

  McpSyncClient client() {
    return client;
  }

  CallToolResult call(String tool, Map<String, Object> arguments) {
    return client.callTool(CallToolRequest.builder().name(tool).arguments(arguments).build());
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
    return (Map<String, Object>) ((Map<String, Object>) result.structuredContent()).get("error");
  }

  @Override
  public void close() {
    client.closeGracefully();
  }
}
