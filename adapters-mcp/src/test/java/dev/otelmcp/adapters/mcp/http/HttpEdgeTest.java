package dev.otelmcp.adapters.mcp.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import dev.otelmcp.domain.access.AccessToken;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The HTTP edge as an attacker or a careless operator meets it: tokens, binds, sessions, error bodies. */
class HttpEdgeTest {

  private static final String TOKEN = "edge-token-0123456789abcdef";
  private static final String INITIALIZE = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{"
      + "\"protocolVersion\":\"2025-06-18\",\"capabilities\":{},\"clientInfo\":{\"name\":\"raw\",\"version\":\"1\"}}}";

  /** One raw HTTP/1.1 exchange; the connection stays open for the next. */
  private record Answer(int status, String headers, String body) {
  }

  private static Answer exchange(Socket socket, String method, String extraHeaders, String body) throws Exception {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    String head = method + " /mcp HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
        + "Accept: application/json, text/event-stream\r\n" + extraHeaders + "Content-Length: " + bytes.length + "\r\n\r\n";
    socket.getOutputStream().write(head.getBytes(StandardCharsets.US_ASCII));
    socket.getOutputStream().write(bytes);
    socket.getOutputStream().flush();
    // Unbuffered reads, so that the next exchange on this connection finds its answer where it starts.
    InputStream in = socket.getInputStream();
    int status = Integer.parseInt(line(in).split(" ")[1]);
    StringBuilder headers = new StringBuilder();
    int length = 0;
    boolean chunked = false;
    for (String line = line(in); !line.isEmpty(); line = line(in)) {
      headers.append(line).append('\n');
      if (line.regionMatches(true, 0, "Content-Length:", 0, 15)) {
        length = Integer.parseInt(line.substring(15).trim());
      }
      chunked |= line.toLowerCase(java.util.Locale.ROOT).startsWith("transfer-encoding:") && line.contains("chunked");
    }
    ByteArrayOutputStream content = new ByteArrayOutputStream();
    if (chunked) {
      for (int size = Integer.parseInt(line(in).trim(), 16); size > 0; size = Integer.parseInt(line(in).trim(), 16)) {
        content.write(in.readNBytes(size));
        line(in);
      }
      line(in);
    } else {
      content.write(in.readNBytes(length));
    }
    return new Answer(status, headers.toString(), content.toString(StandardCharsets.UTF_8));
  }

  private static String line(InputStream in) throws Exception {
    ByteArrayOutputStream line = new ByteArrayOutputStream();
    for (int b = in.read(); b != '\n'; b = in.read()) {
      if (b < 0) {
        throw new java.io.EOFException("the server closed the connection");
      }
      if (b != '\r') {
        line.write(b);
      }
    }
    return line.toString(StandardCharsets.US_ASCII);
  }

  private static Answer once(int port, String method, String extraHeaders, String body) throws Exception {
    try (Socket socket = new Socket("127.0.0.1", port)) {
      socket.setSoTimeout(10_000);
      return exchange(socket, method, extraHeaders + "Connection: close\r\n", body);
    }
  }

  private static HttpSettings settings(String token, int maxSessions) {
    return new HttpSettings("127.0.0.1", 0, token == null ? null : AccessToken.of(token, "--auth-token"), List.of(), List.of(), 64 * 1024, maxSessions,
        HttpFixtures.SESSION_IDLE, false);
  }

  @Test
  void aTokenDifferingOnlyInCaseIsRefusedOnAKeptAliveConnectionAfterAGoodRequest() throws Exception {
    try (McpHttpServer server = HttpFixtures.start(new HttpFixtures.EchoTool(), new HttpFixtures.HealthOnlyStore(),
        settings(TOKEN, 10))) {
      // A refused request leaves its body unread, so Jetty closes that connection: one connection per variant.
      for (String variant : List.of("Authorization: Bearer " + TOKEN.toUpperCase(),
          "authorization: bearer " + TOKEN.replace('d', 'D'), "AUTHORIZATION: Bearer " + TOKEN + "x")) {
        try (Socket socket = new Socket("127.0.0.1", server.port())) {
          socket.setSoTimeout(10_000);
          Answer good = exchange(socket, "POST", "Authorization: Bearer " + TOKEN + "\r\n", INITIALIZE);
          Answer folded = exchange(socket, "POST", variant + "\r\n", INITIALIZE);

          assertThat(good.status()).isEqualTo(200);
          assertThat(folded.status()).as(variant).isEqualTo(401);
        }
      }
    }
  }

  @Test
  void noErrorAnswerCarriesAStackTraceOrAnExceptionClass() throws Exception {
    try (McpHttpServer server = HttpFixtures.start(new HttpFixtures.EchoTool(), new HttpFixtures.HealthOnlyStore(),
        settings(null, 10))) {
      int port = server.port();
      List<Answer> errors = new ArrayList<>();
      errors.add(once(port, "POST", "Mcp-Session-Id: no-such-session\r\n", "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"ping\"}"));
      errors.add(once(port, "POST", "", "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"ping\"}"));
      errors.add(once(port, "GET", "", ""));
      errors.add(once(port, "PUT", "", "{}"));
      errors.add(once(port, "DELETE", "", ""));
      errors.add(once(port, "POST", "", "{\"jsonrpc\":\"2.0\",\"id\":1,"));

      assertThat(errors).allSatisfy(answer -> {
        assertThat(answer.status()).isBetween(400, 499);
        assertThat(answer.body()).doesNotContain("Exception").doesNotContain("\tat ").doesNotContain("stackTrace")
            .doesNotContain("io.modelcontextprotocol").doesNotContain("jetty").hasSizeLessThan(600);
        assertThat(answer.headers().toLowerCase()).doesNotContain("server: jetty");
      });
      assertThat(errors.get(0).status()).isEqualTo(404);
      assertThat(errors.get(0).body()).contains("\"error\"");
    }
  }

  @Test
  void sessionsBeyondTheCapAreRefusedWith503UntilOneIsClosed() throws Exception {
    try (McpHttpServer server = HttpFixtures.start(new HttpFixtures.EchoTool(), new HttpFixtures.HealthOnlyStore(),
        settings(null, 2))) {
      int port = server.port();
      Answer first = once(port, "POST", "", INITIALIZE);
      Answer second = once(port, "POST", "", INITIALIZE);
      Answer third = once(port, "POST", "", INITIALIZE);

      assertThat(first.status()).isEqualTo(200);
      assertThat(second.status()).isEqualTo(200);
      assertThat(third.status()).isEqualTo(503);
      assertThat(third.headers()).containsIgnoringCase("Retry-After");
      assertThat(third.body()).contains("too many sessions");
      assertThat(once(port, "POST", "Mcp-Session-Id: made-up\r\n", INITIALIZE).status())
          .as("an initialize naming a made-up session opens one too, so it is refused at the cap").isEqualTo(503);
      String session = first.headers().lines().filter(h -> h.regionMatches(true, 0, "Mcp-Session-Id:", 0, 15))
          .findFirst().orElseThrow().substring(15).trim();
      assertThat(once(port, "DELETE", "Mcp-Session-Id: " + session + "\r\n", "").status()).isEqualTo(200);
      assertThat(once(port, "POST", "", INITIALIZE).status()).isEqualTo(200);
    }
  }

  @Test
  void anIdleSessionStopsCountingAgainstTheCap() {
    Instant[] now = {Instant.parse("2026-12-05T10:00:00Z")};
    Clock clock = new Clock() {
      @Override
      public java.time.ZoneId getZone() {
        return ZoneOffset.UTC;
      }

      @Override
      public Clock withZone(java.time.ZoneId zone) {
        return this;
      }

      @Override
      public Instant instant() {
        return now[0];
      }
    };
    SessionGuardFilter guard = new SessionGuardFilter(1, Duration.ofMinutes(30), clock);
    guard.remember("a");
    now[0] = now[0].plus(Duration.ofMinutes(29));
    guard.expireIdle();
    assertThat(guard.liveSessions()).isEqualTo(1);
    now[0] = now[0].plus(Duration.ofMinutes(2));
    guard.expireIdle();
    assertThat(guard.liveSessions()).isZero();
  }

  @Test
  void weakTokensAndUnauthenticatedNetworkBindsAreRefused() {
    assertThatThrownBy(() -> settings("12345678", 10)).hasMessageContaining("at least 16 characters, got 8");
    HttpSettings open = new HttpSettings("0.0.0.0", 0, null, List.of(), List.of(), 64 * 1024, 10,
        HttpFixtures.SESSION_IDLE, false);
    assertThatThrownBy(open::requireAuthBeyondLoopback).hasMessageContaining("--auth-token")
        .hasMessageContaining("--insecure-no-auth");
    new HttpSettings("0.0.0.0", 0, null, List.of(), List.of(), 64 * 1024, 10, HttpFixtures.SESSION_IDLE, true)
        .requireAuthBeyondLoopback();
    new HttpSettings("0.0.0.0", 0, AccessToken.of(TOKEN, "--auth-token"), List.of(), List.of(), 64 * 1024, 10, HttpFixtures.SESSION_IDLE, false)
        .requireAuthBeyondLoopback();
    settings(null, 10).requireAuthBeyondLoopback();
  }
}
