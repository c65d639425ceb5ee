package dev.otelmcp.bootstrap.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * Garbage over stdio: every line a broken or hostile client could send — the list of the robustness report, then
 * seeded random lines — and after each, a ping must still be answered by the same process. Counted in the README.
 */
class StdioGarbageIT {

  private static RawStdio server;
  private static final AtomicInteger PINGS = new AtomicInteger();

  @BeforeContainer
  static void start() throws Exception {
    server = RawStdio.start("--no-persist", "--otlp-port", "0");
  }

  @AfterContainer
  static void stop() throws Exception {
    server.close();
  }

  private static void stillAnswers() throws Exception {
    String id = "\"ping-" + PINGS.incrementAndGet() + "\"";
    server.send("{\"jsonrpc\":\"2.0\",\"id\":" + id + ",\"method\":\"ping\"}");
    JsonNode pong = server.response(id, Duration.ofSeconds(20));
    assertThat(pong.has("result")).as(pong.toString()).isTrue();
    assertThat(server.alive()).isTrue();
  }

  @Example
  void theReportedKillersAreAnsweredOrSkippedAndTheSessionGoesOn() throws Exception {
    String[] lines = {
        "this is not json", "", "   \t ", "\uFEFF{\"jsonrpc\":\"2.0\",\"id\":\"bom\",\"method\":\"ping\"}",
        "[{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\"}]", "{\"jsonrpc\":\"2.0\",\"id\":null,\"method\":\"ping\"}",
        "{\"jsonrpc\":\"2.0\",\"id\":7,\"method\":\"tools/ca", "[".repeat(1_000) + "]".repeat(1_000),
        "{\"jsonrpc\":\"2.0\",\"id\":8,\"method\":\"ping\",\"params\":{\"" + "k".repeat(50_000) + "\":1}}",
        "{\"jsonrpc\":\"2.0\",\"id\":9,\"method\":\"ping\",\"params\":{\"n\":" + "1".repeat(1_000) + "}}",
        "{\"jsonrpc\":\"2.0\",\"id\":10,\"method\":\"tools/call\",\"params\":{\"name\":\"search_traces\",\"arguments\":"
            + "{\"limit\":\"many\"}}}",
        "{\"jsonrpc\":\"2.0\",\"id\":11,\"method\":\"tools/call\",\"params\":{\"name\":\"nope\"}}",
        "{\"jsonrpc\":\"1.0\",\"id\":12,\"method\":\"ping\"}", "null", "42", "\"text\"", "{}",
        "{\"jsonrpc\":\"2.0\",\"id\":{\"a\":1},\"method\":\"ping\"}",
        "{\"jsonrpc\":\"2.0\",\"id\":13,\"method\":[\"ping\"]}",
        "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/cancelled\",\"params\":{\"requestId\":999}}"};
    for (String line : lines) {
      server.send(line);
      stillAnswers();
    }
    // over the 4 MiB limit: 17 MiB in one line
    byte[] huge = ("{\"jsonrpc\":\"2.0\",\"id\":14,\"method\":\"ping\",\"params\":{\"x\":\"" + "x".repeat(17 * 1024 * 1024)
        + "\"}}\n").getBytes(StandardCharsets.UTF_8);
    server.sendBytes(huge);
    stillAnswers();
    // invalid UTF-8 and control bytes
    server.sendBytes(new byte[] {(byte) 0xC3, (byte) 0x28, 0x00, 0x07, (byte) 0xFF, '\n'});
    stillAnswers();
  }

  @Example
  void theMessageLimitIsTheOperatorsToSet() throws Exception {
    try (RawStdio small = RawStdio.start("--no-persist", "--otlp-port", "0", "--max-request-bytes", "2048")) {
      small.send("{\"jsonrpc\":\"2.0\",\"id\":\"big\",\"method\":\"ping\",\"params\":{\"x\":\"" + "x".repeat(3_000)
          + "\"}}");
      small.send("{\"jsonrpc\":\"2.0\",\"id\":\"small\",\"method\":\"ping\"}");

      assertThat(small.response("\"small\"", Duration.ofSeconds(20)).has("result")).isTrue();
      assertThat(small.messages()).anySatisfy(m -> assertThat(m.at("/error/message").asText())
          .isEqualTo("Invalid Request: message larger than 2048 bytes"));
      assertThat(small.alive()).isTrue();
    }
  }

  @Property(tries = 300, seed = "42")
  void randomLinesNeverEndTheSession(@ForAll("lines") String line) throws Exception {
    server.send(line.replace('\n', ' ').replace('\r', ' '));
    stillAnswers();
  }

  @Provide
  Arbitrary<String> lines() {
    Arbitrary<String> any = Arbitraries.strings().all().ofMaxLength(2_000);
    Arbitrary<String> jsonish = Arbitraries.strings().withChars("{}[]\":,0123456789.-eE truefalsnul\\").ofMaxLength(500);
    Arbitrary<String> almost = Arbitraries.strings().alpha().ofMaxLength(20).map(method ->
        "{\"jsonrpc\":\"2.0\",\"id\":\"r\",\"method\":\"" + method + "\",\"params\":{}}");
    return Arbitraries.oneOf(any, jsonish, almost);
  }
}
