package dev.otelmcp.adapters.otlp.store;

import static org.assertj.core.api.Assertions.assertThat;
import dev.otelmcp.domain.access.AccessToken;
import dev.otelmcp.domain.model.TimeRange;
import dev.otelmcp.domain.query.TraceQuery;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The receiver refuses what a web page or a stranger sends — a foreign Origin, a rebound Host name, a missing or wrong
 * token — and stores nothing of it; exporters, which send none of those, get through.
 */
class ReceiverAccessTest {

  private static final String TOKEN = "otlp-token-0123456789abcdef";
  private static final TimeRange EVER = new TimeRange(Instant.EPOCH, Instant.parse("2100-01-01T00:00:00Z"));
  private OtlpTraceStore store;

  private InetSocketAddress start(ReceiverAccess access) {
    store = OtlpTraceStore.start(StoreConfigs.receiving(access), Clock.systemUTC());
    String endpoint = store.receiverEndpoint().orElseThrow();
    return new InetSocketAddress("127.0.0.1", Integer.parseInt(endpoint.replaceAll(".*:(\\d+)/.*", "$1")));
  }

  @AfterEach
  void stop() {
    if (store != null) {
      store.close();
    }
  }

  /** Written by hand: the JDK client will not send a forged Host. The status line and the headers. */
  private static String send(InetSocketAddress address, String method, String headers) throws Exception {
    byte[] body = OtlpHttpReceiverTest.JSON_TRACE.getBytes(StandardCharsets.UTF_8);
    try (Socket socket = new Socket(address.getAddress(), address.getPort())) {
      socket.setSoTimeout(10_000);
      String head = method + " /v1/traces HTTP/1.1\r\n" + headers + "Content-Type: application/json\r\nContent-Length: "
          + body.length + "\r\nConnection: close\r\n\r\n";
      socket.getOutputStream().write(head.getBytes(StandardCharsets.US_ASCII));
      socket.getOutputStream().write(body);
      InputStream in = socket.getInputStream();
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  private static int status(String answer) {
    return Integer.parseInt(answer.split(" ", 3)[1]);
  }

  private long stored() {
    return store.searchTraces(new TraceQuery(EVER, List.of(), 100)).hits().size();
  }

  @Test
  void anExporterGetsThroughAndABrowserPageOrARebindingNameDoesNot() throws Exception {
    InetSocketAddress receiver = start(StoreConfigs.OPEN);

    String page = send(receiver, "POST", "Host: 127.0.0.1\r\nOrigin: http://evil.example\r\n");
    String rebound = send(receiver, "POST", "Host: evil.example:4318\r\n");
    String nullOrigin = send(receiver, "POST", "Host: localhost\r\nOrigin: null\r\n");
    assertThat(stored()).isZero();
    String exporter = send(receiver, "POST", "Host: localhost:4318\r\n");

    assertThat(status(page)).isEqualTo(403);
    assertThat(page).contains("--otlp-allowed-origin").doesNotContain("Access-Control-Allow-Origin");
    assertThat(status(rebound)).isEqualTo(421);
    assertThat(status(nullOrigin)).isEqualTo(403);
    assertThat(status(exporter)).isEqualTo(200);
    assertThat(stored()).isEqualTo(1);
  }

  @Test
  void anAllowListedPageGetsCorsAndTheIPv6LoopbackNameIsAccepted() throws Exception {
    InetSocketAddress receiver = start(new ReceiverAccess(Optional.empty(), List.of("http://localhost:*")));

    String preflight = send(receiver, "OPTIONS", "Host: localhost:4318\r\nOrigin: http://localhost:5173\r\n");
    String post = send(receiver, "POST", "Host: [::1]:4318\r\nOrigin: http://localhost:5173\r\n");
    String other = send(receiver, "POST", "Host: localhost\r\nOrigin: http://localhost.evil.example\r\n");

    assertThat(status(preflight)).isEqualTo(204);
    assertThat(preflight).containsIgnoringCase("Access-Control-Allow-Origin: http://localhost:5173")
        .containsIgnoringCase("Access-Control-Allow-Methods: POST");
    assertThat(status(post)).isEqualTo(200);
    assertThat(post).containsIgnoringCase("Access-Control-Allow-Origin: http://localhost:5173");
    assertThat(status(other)).isEqualTo(403);
  }

  @Test
  void withATokenEveryRequestMustCarryItExactly() throws Exception {
    InetSocketAddress receiver = start(new ReceiverAccess(Optional.of(AccessToken.of(TOKEN, "--otlp-auth-token")),
        List.of()));

    String missing = send(receiver, "POST", "Host: localhost\r\n");
    String wrongCase = send(receiver, "POST", "Host: localhost\r\nAuthorization: Bearer " + TOKEN.toUpperCase() + "\r\n");
    assertThat(stored()).isZero();
    String right = send(receiver, "POST", "Host: localhost\r\nAuthorization: Bearer " + TOKEN + "\r\n");

    assertThat(status(missing)).isEqualTo(401);
    assertThat(missing).contains("OTEL_EXPORTER_OTLP_HEADERS");
    assertThat(status(wrongCase)).isEqualTo(401);
    assertThat(wrongCase).doesNotContain(TOKEN).doesNotContain(TOKEN.toUpperCase());
    assertThat(status(right)).isEqualTo(200);
    assertThat(stored()).isEqualTo(1);
  }

  @Test
  void originPatternsMatchWholePortsOnly() {
    ReceiverAccess access = new ReceiverAccess(Optional.empty(), List.of("http://localhost:*", "https://app.example.com"));

    assertThat(access.originAllowed("http://localhost:3000")).isTrue();
    assertThat(access.originAllowed("http://localhost")).isTrue();
    assertThat(access.originAllowed("HTTPS://APP.EXAMPLE.COM")).isTrue();
    assertThat(access.originAllowed("http://localhost:3000.evil.example")).isFalse();
    assertThat(access.originAllowed("https://app.example.com.evil.example")).isFalse();
    assertThat(access.originAllowed("http://127.0.0.1:3000")).isFalse();
  }

  @Test
  void aLoopbackReceiverKnowsItsOwnNames() {
    assertThat(ReceiverAccess.isLoopback("127.0.0.1")).isTrue();
    assertThat(ReceiverAccess.isLoopback("::1")).isTrue();
    assertThat(ReceiverAccess.isLoopback("0.0.0.0")).isFalse();
  }
}
