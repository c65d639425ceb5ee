package dev.otelmcp.bootstrap.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.HttpClientStreamableHttpTransport;
import io.modelcontextprotocol.json.jackson2.JacksonMcpJsonMapper;
import io.modelcontextprotocol.spec.McpSchema.CallToolRequest;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The real jar serving MCP over Streamable HTTP, as a shared deployment runs it. */
class HttpTransportIT {

  @RegisterExtension
  static WireMockExtension jaeger = WireMockExtension.newInstance()
      .options(WireMockConfiguration.wireMockConfig().dynamicPort()).build();

  private static int freePort() throws Exception {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  /** Reads the process log until a line contains the text (fails after 60 s or when the log ends). */
  private static String awaitLogLine(Process process, String text) {
    BufferedReader log = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
    return assertTimeoutPreemptively(Duration.ofSeconds(60), () -> {
      for (String line = log.readLine(); line != null; line = log.readLine()) {
        System.err.println("[otel-mcp] " + line);
        if (line.contains(text)) {
          return line;
        }
      }
      throw new AssertionError("the log ended before a line with: " + text);
    });
  }

  @Test
  void servesToolsOverHttpWithATokenAndHealthProbes() throws Exception {
    RecordedJaeger.serve(jaeger.getRuntimeInfo().getWireMock());
    int port = freePort();
    Process process = new ProcessBuilder(ServerProcess.java(), "-jar", ServerProcess.jar().toString(),
        "--transport", "http", "--port", String.valueOf(port), "--auth-token", "team-secret-0123456789abcdef",
        "--backend", "jaeger", "--url", jaeger.baseUrl())
        .redirectErrorStream(true).start();
    try {
      awaitLogLine(process, "serving MCP over Streamable HTTP");
      HttpClient http = HttpClient.newHttpClient();
      HttpResponse<String> health = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/health")).build(),
          HttpResponse.BodyHandlers.ofString());
      HttpResponse<String> anonymous = HttpClient.newHttpClient().send(
          HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/mcp"))
              .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{}")).build(),
          HttpResponse.BodyHandlers.ofString());

      assertThat(health.statusCode()).isEqualTo(200);
      assertThat(anonymous.statusCode()).isEqualTo(401);
      HttpClientStreamableHttpTransport transport = HttpClientStreamableHttpTransport.builder("http://127.0.0.1:" + port)
          .endpoint("/mcp")
          .requestBuilder(HttpRequest.newBuilder().header("Authorization", "Bearer team-secret-0123456789abcdef"))
          .jsonMapper(new JacksonMcpJsonMapper(new ObjectMapper()))
          .build();
      try (McpSyncClient client = McpClient.sync(transport).requestTimeout(Duration.ofSeconds(30))
          .initializationTimeout(Duration.ofSeconds(60)).build()) {
        client.initialize();
        assertThat(client.listTools().tools()).hasSize(14);
        Map<?, ?> services = (Map<?, ?>) client.callTool(CallToolRequest.builder().name("list_services")
            .arguments(Map.of()).build()).structuredContent();
        assertThat(services.get("services")).isEqualTo(List.of("jaeger", "model-comparison", "trace-analyzer-agent",
            "travel-agent-demo"));
      }
    } finally {
      process.destroy();
      assertThat(process.waitFor(20, TimeUnit.SECONDS)).as("stops on SIGTERM").isTrue();
    }
  }

  @Test
  void aNonLoopbackAddressWithoutATokenRefusesToStartUnlessTheOptOutIsNamed() throws Exception {
    Process refused = new ProcessBuilder(ServerProcess.java(), "-jar", ServerProcess.jar().toString(),
        "--transport", "http", "--host", "0.0.0.0", "--port", String.valueOf(freePort()), "--no-persist", "--otlp-port",
        String.valueOf(freePort()))
        .redirectErrorStream(true).start();
    assertThat(refused.waitFor(60, TimeUnit.SECONDS)).isTrue();
    String said = new String(refused.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(refused.exitValue()).isNotZero();
    assertThat(said).contains("refusing to listen on 0.0.0.0 without --auth-token").doesNotContain("\tat ");

    Process process = new ProcessBuilder(ServerProcess.java(), "-jar", ServerProcess.jar().toString(),
        "--transport", "http", "--host", "0.0.0.0", "--port", String.valueOf(freePort()), "--no-persist", "--otlp-port",
        String.valueOf(freePort()), "--insecure-no-auth")
        .redirectErrorStream(true).start();
    try {
      assertThat(awaitLogLine(process, "WITHOUT authentication")).contains("--insecure-no-auth");
    } finally {
      process.destroy();
      process.waitFor(20, TimeUnit.SECONDS);
    }
  }
}
