package dev.otelmcp.bootstrap.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * Garbage over Streamable HTTP: seeded random bodies, content types and session ids POSTed to /mcp. Every answer is a
 * 2xx or 4xx without a stack trace, and the server stays healthy.
 */
class HttpGarbageIT {

  private static Process process;
  private static int port;
  private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

  @BeforeContainer
  static void start() throws Exception {
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    process = new ProcessBuilder(ServerProcess.java(), "-jar", ServerProcess.jar().toString(), "--transport", "http",
        "--port", String.valueOf(port), "--no-persist", "--otlp-port", "0").redirectErrorStream(true).start();
    BufferedReader log = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
    for (String line = log.readLine(); line != null; line = log.readLine()) {
      if (line.contains("serving MCP over Streamable HTTP")) {
        break;
      }
    }
    Thread drain = new Thread(() -> log.lines().forEach(l -> { }), "log-drain");
    drain.setDaemon(true);
    drain.start();
  }

  @AfterContainer
  static void stop() throws Exception {
    process.destroy();
    process.waitFor(20, TimeUnit.SECONDS);
  }

  @Property(tries = 300, seed = "11")
  void everyBodyGetsACleanAnswer(@ForAll("bodies") String body, @ForAll("contentTypes") String contentType,
      @ForAll("sessions") String session) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/mcp"))
        .timeout(Duration.ofSeconds(20))
        .header("Content-Type", contentType)
        .header("Accept", "application/json, text/event-stream")
        .POST(HttpRequest.BodyPublishers.ofString(body));
    if (!session.isEmpty()) {
      request.header("Mcp-Session-Id", session);
    }

    HttpResponse<String> answer = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());

    assertThat(answer.statusCode()).as(body).isBetween(200, 499);
    assertThat(answer.body()).doesNotContain("\tat ").doesNotContain("Exception").doesNotContain("stackTrace");
    assertThat(HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/health")).build(),
        HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(200);
  }

  @Provide
  Arbitrary<String> bodies() {
    return Arbitraries.oneOf(
        Arbitraries.strings().all().ofMaxLength(500),
        Arbitraries.strings().withChars("{}[]\":,0123456789.-eE truefalsnul\\").ofMaxLength(300),
        Arbitraries.of("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/call\",\"params\":{\"name\":\"search_traces\"}}",
            "{\"jsonrpc\":\"2.0\",\"id\":null,\"method\":\"initialize\"}", "[]", "[{}]", "null",
            "[".repeat(2_000) + "]".repeat(2_000), "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/cancelled\"}"));
  }

  @Provide
  Arbitrary<String> contentTypes() {
    return Arbitraries.of("application/json", "text/plain", "application/x-www-form-urlencoded", "",
        "application/json; charset=latin1");
  }

  @Provide
  Arbitrary<String> sessions() {
    return Arbitraries.oneOf(Arbitraries.of(""), Arbitraries.strings().alpha().numeric().ofMaxLength(40));
  }
}
