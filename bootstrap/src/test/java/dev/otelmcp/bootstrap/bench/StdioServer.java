package dev.otelmcp.bootstrap.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.ServerParameters;
import io.modelcontextprotocol.client.transport.StdioClientTransport;
import io.modelcontextprotocol.json.jackson2.JacksonMcpJsonMapper;
import io.modelcontextprotocol.spec.McpSchema.CallToolRequest;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import io.modelcontextprotocol.spec.McpSchema.TextContent;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * An MCP server run as a stdio subprocess and driven by the official MCP Java SDK client, as an assistant runs it. Each
 * call is timed on the client's side (the wall time an assistant waits) and charged the server process's CPU time.
 */
final class StdioServer implements AutoCloseable {

  /** One tool call: the text a model is shown, the structured content if any, and what it cost. */
  record Reply(String text, Map<String, Object> structured, boolean error, double wallMs, double cpuMs) {
    int bytes() {
      return text.getBytes(StandardCharsets.UTF_8).length;
    }
  }

  private final String name;
  private final McpSyncClient client;
  private final ProcessHandle process;
  private final double startMs;

  private StdioServer(String name, McpSyncClient client, ProcessHandle process, double startMs) {
    this.name = name;
    this.client = client;
    this.process = process;
    this.startMs = startMs;
  }

  /** Starts {@code command} and completes the MCP handshake; the server's stderr goes to ours, prefixed. */
  static StdioServer start(String name, List<String> command) {
    Set<Long> before = children();
    long t0 = System.nanoTime();
    ServerParameters parameters = ServerParameters.builder(command.get(0)).args(command.subList(1, command.size()))
        .build();
    StdioClientTransport transport = new StdioClientTransport(parameters, new JacksonMcpJsonMapper(new ObjectMapper()));
    transport.setStdErrorHandler(line -> System.err.println("[" + name + "] " + line));
    // A 3,000-trace aggregate on a loaded 2-core machine can take seconds; the SDK's defaults are 20 s.
    McpSyncClient client = McpClient.sync(transport).requestTimeout(Duration.ofMinutes(5))
        .initializationTimeout(Duration.ofMinutes(2)).build();
    client.initialize();
    double startMs = (System.nanoTime() - t0) / 1e6;
    ProcessHandle process = ProcessHandle.current().children().filter(p -> !before.contains(p.pid())).findFirst()
        .orElseThrow(() -> new IllegalStateException(name + ": no new child process after the handshake"));
    return new StdioServer(name, client, process, startMs);
  }

  String name() {
    return name;
  }

  /** Process start and MCP handshake, milliseconds. */
  double startMs() {
    return startMs;
  }

  Reply call(String tool, Map<String, Object> arguments) {
    long cpu = cpuNanos();
    long t0 = System.nanoTime();
    CallToolResult result = client.callTool(CallToolRequest.builder().name(tool).arguments(arguments).build());
    double wallMs = (System.nanoTime() - t0) / 1e6;
    double cpuMs = (cpuNanos() - cpu) / 1e6;
    String text = result.content().stream().filter(TextContent.class::isInstance).map(c -> ((TextContent) c).text())
        .collect(Collectors.joining("\n"));
    @SuppressWarnings("unchecked")
    Map<String, Object> structured = (Map<String, Object>) result.structuredContent();
    return new Reply(text, structured, Boolean.TRUE.equals(result.isError()), wallMs, cpuMs);
  }

  /** The process's peak resident set (VmHWM), MiB, or -1 where /proc does not say. */
  long peakRssMib() {
    try {
      for (String line : Files.readAllLines(Path.of("/proc", Long.toString(process.pid()), "status"))) {
        if (line.startsWith("VmHWM:")) {
          return Long.parseLong(line.replaceAll("[^0-9]", "")) >> 10;
        }
      }
    } catch (java.io.IOException | NumberFormatException e) {
      // Not Linux, or the process is gone: the figure is simply not reported.
    }
    return -1;
  }

  private long cpuNanos() {
    return process.info().totalCpuDuration().map(Duration::toNanos).orElse(0L);
  }

  private static Set<Long> children() {
    return ProcessHandle.current().children().map(ProcessHandle::pid).collect(Collectors.toSet());
  }

  @Override
  public void close() {
    client.closeGracefully();
  }
}
