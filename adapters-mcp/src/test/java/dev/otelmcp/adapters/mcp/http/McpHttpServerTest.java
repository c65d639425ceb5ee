package dev.otelmcp.adapters.mcp.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.spec.McpSchema.CallToolRequest;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class McpHttpServerTest {

  private static final String INITIALIZE = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{"
      + "\"protocolVersion\":\"2025-06-18\",\"capabilities\":{},\"clientInfo\":{\"name\":\"raw\",\"version\":\"1\"}}}";

  private final HttpClient http = HttpClient.newHttpClient();

  @SuppressWarnings("unchecked")
  private static Map<String, Object> structured(CallToolResult result) {
    return (Map<String, Object>) result.structuredContent();
  }

  private HttpResponse<String> post(int port, String body, String... headers) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/mcp"))
        .header("Content-Type", "application/json")
        .header("Accept", "application/json, text/event-stream")
        .POST(HttpRequest.BodyPublishers.ofString(body));
    for (int i = 0; i < headers.length; i += 2) {
      request.header(headers[i], headers[i + 1]);
    }
    // A fresh client per request: the JDK client must not carry state from one probe to the next.
    return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  /** The JDK client will not send a forged Host header, so this request is written by hand. */
  private static int rawStatus(int port, String host) throws Exception {
    try (java.net.Socket socket = new java.net.Socket("127.0.0.1", port)) {
      byte[] body = INITIALIZE.getBytes(java.nio.charset.StandardCharsets.UTF_8);
      String head = "POST /mcp HTTP/1.1\r\nHost: " + host + "\r\nContent-Type: application/json\r\n"
          + "Accept: application/json, text/event-stream\r\nContent-Length: " + body.length + "\r\nConnection: close\r\n\r\n";
      socket.getOutputStream().write(head.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
      socket.getOutputStream().write(body);
      String statusLine = new java.io.BufferedReader(new java.io.InputStreamReader(socket.getInputStream(),
          java.nio.charset.StandardCharsets.US_ASCII)).readLine();
      return Integer.parseInt(statusLine.split(" ")[1]);
    }
  }

  private HttpResponse<String> get(int port, String path) throws Exception {
    return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void anSdkClientInitialisesListsToolsAndCallsOne() throws Exception {
    HttpFixtures.EchoTool tool = new HttpFixtures.EchoTool();
    try (McpHttpServer server = HttpFixtures.start(tool, new HttpFixtures.HealthOnlyStore(), HttpFixtures.loopback(null));
        McpSyncClient client = HttpFixtures.client(server.port(), null)) {
      client.initialize();

      assertThat(client.listTools().tools()).singleElement().satisfies(t -> assertThat(t.name()).isEqualTo("echo"));
      CallToolResult result = client.callTool(CallToolRequest.builder().name("echo").arguments(Map.of("text", "hi")).build());
      assertThat(structured(result)).containsEntry("text", "hi").containsEntry("call", 1);
    }
  }

  @Test
  void anUnknownToolIsAReadableToolErrorAndGarbageA400WithoutAStackTrace() throws Exception {
    try (McpHttpServer server = HttpFixtures.start(new HttpFixtures.EchoTool(), new HttpFixtures.HealthOnlyStore(),
        HttpFixtures.loopback(null));
        McpSyncClient client = HttpFixtures.client(server.port(), null)) {
      client.initialize();

      CallToolResult result = client.callTool(CallToolRequest.builder().name("ecko").arguments(Map.of()).build());
      HttpResponse<String> garbage = post(server.port(), "{\"jsonrpc\":\"2.0\",\"id\":1,");

      assertThat(result.isError()).isTrue();
      assertThat(result.structuredContent()).isNull();
      assertThat(((io.modelcontextprotocol.spec.McpSchema.TextContent) result.content().get(0)).text())
          .contains("unknown tool 'ecko'").contains("Call one of: echo.");
      assertThat(garbage.statusCode()).isEqualTo(400);
      assertThat(garbage.body()).contains("-32700").doesNotContain("Exception").doesNotContain("\tat ");
      assertThat(client.callTool(CallToolRequest.builder().name("echo").arguments(Map.of("text", "still here")).build())
          .isError()).isNotEqualTo(Boolean.TRUE);
    }
  }

  @Test
  void aForgedOriginIsRefusedWith403AndAForeignHostWith421() throws Exception {
    try (McpHttpServer server = HttpFixtures.start(new HttpFixtures.EchoTool(), new HttpFixtures.HealthOnlyStore(),
        HttpFixtures.loopback(null))) {
      assertThat(post(server.port(), INITIALIZE, "Origin", "http://evil.example").statusCode()).isEqualTo(403);
      assertThat(post(server.port(), INITIALIZE, "Origin", "http://localhost:5173").statusCode()).isEqualTo(200);
      assertThat(rawStatus(server.port(), "evil.example:" + server.port())).isEqualTo(421);
      assertThat(rawStatus(server.port(), "localhost:" + server.port())).isEqualTo(200);
    }
  }

  @Test
  void aConfiguredTokenIsRequired() throws Exception {
    try (McpHttpServer server = HttpFixtures.start(new HttpFixtures.EchoTool(), new HttpFixtures.HealthOnlyStore(),
        HttpFixtures.loopback("s3cret-token-0123456789abcdef"))) {
      HttpResponse<String> missing = post(server.port(), INITIALIZE);
      HttpResponse<String> wrong = post(server.port(), INITIALIZE, "Authorization", "Bearer s3cret-token-0123456789abcdeF");

      assertThat(missing.statusCode()).isEqualTo(401);
      assertThat(missing.headers().firstValue("WWW-Authenticate")).contains("Bearer realm=\"otel-mcp\"");
      assertThat(wrong.statusCode()).isEqualTo(401);
      assertThat(wrong.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(v -> assertThat(v).contains("invalid_token"));
      assertThat(wrong.body()).doesNotContain("s3cret");
      assertThat(post(server.port(), INITIALIZE, "Authorization", "Bearer s3cret-token-0123456789abcdef").statusCode()).isEqualTo(200);
      try (McpSyncClient client = HttpFixtures.client(server.port(), "s3cret-token-0123456789abcdef")) {
        client.initialize();
        assertThat(client.listTools().tools()).hasSize(1);
      }
      try (McpSyncClient anonymous = HttpFixtures.client(server.port(), null)) {
        assertThatThrownBy(anonymous::initialize).isInstanceOf(RuntimeException.class);
      }
    }
  }

  @Test
  void anOversizedBodyIsRefusedWith413() throws Exception {
    try (McpHttpServer server = HttpFixtures.start(new HttpFixtures.EchoTool(), new HttpFixtures.HealthOnlyStore(),
        HttpFixtures.loopback(null))) {
      String huge = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\",\"params\":{\"pad\":\"" + "x".repeat(70_000) + "\"}}";

      assertThat(post(server.port(), huge).statusCode()).isEqualTo(413);
    }
  }

  @Test
  void healthIsAlwaysUpAndReadinessFollowsTheBackend() throws Exception {
    HttpFixtures.HealthOnlyStore store = new HttpFixtures.HealthOnlyStore();
    try (McpHttpServer server = HttpFixtures.start(new HttpFixtures.EchoTool(), store, HttpFixtures.loopback("t-0123456789abcdef"))) {
      assertThat(get(server.port(), "/health").statusCode()).isEqualTo(200);
      assertThat(get(server.port(), "/ready").statusCode()).isEqualTo(200);
      store.healthy.set(false);
      HttpResponse<String> notReady = get(server.port(), "/ready");
      assertThat(notReady.statusCode()).isEqualTo(503);
      assertThat(notReady.body()).doesNotContain("connection refused");
      assertThat(get(server.port(), "/health").statusCode()).isEqualTo(200);
    }
  }

  @Test
  void deleteEndsTheSession() throws Exception {
    try (McpHttpServer server = HttpFixtures.start(new HttpFixtures.EchoTool(), new HttpFixtures.HealthOnlyStore(),
        HttpFixtures.loopback(null))) {
      HttpResponse<String> init = post(server.port(), INITIALIZE);
      String session = init.headers().firstValue("Mcp-Session-Id").orElseThrow();
      HttpResponse<String> deleted = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/mcp"))
          .header("Mcp-Session-Id", session).DELETE().build(), HttpResponse.BodyHandlers.ofString());

      assertThat(deleted.statusCode()).isEqualTo(200);
      assertThat(post(server.port(), "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"ping\"}", "Mcp-Session-Id", session)
          .statusCode()).isEqualTo(404);
    }
  }

  @Test
  void twentyConcurrentClientsMakeAHundredCallsEachWithoutAFailure() throws Exception {
    HttpFixtures.EchoTool tool = new HttpFixtures.EchoTool();
    ExecutorService pool = Executors.newFixedThreadPool(20);
    AtomicInteger failures = new AtomicInteger();
    try (McpHttpServer server = HttpFixtures.start(tool, new HttpFixtures.HealthOnlyStore(), HttpFixtures.loopback(null))) {
      List<Future<?>> clients = new ArrayList<>();
      for (int c = 0; c < 20; c++) {
        int id = c;
        clients.add(pool.submit(() -> {
          try (McpSyncClient client = HttpFixtures.client(server.port(), null)) {
            client.initialize();
            for (int i = 0; i < 100; i++) {
              CallToolResult result = client.callTool(CallToolRequest.builder().name("echo")
                  .arguments(Map.of("text", id + "/" + i)).build());
              if (Boolean.TRUE.equals(result.isError()) || !(id + "/" + i).equals(((Map<?, ?>) result.structuredContent()).get("text"))) {
                failures.incrementAndGet();
              }
            }
          }
          return null;
        }));
      }
      for (Future<?> client : clients) {
        client.get();
      }
    } finally {
      pool.shutdownNow();
    }
    assertThat(failures.get()).isZero();
    assertThat(tool.calls.get()).isEqualTo(2000);
  }
}
