package dev.otelmcp.adapters.mcp.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Whatever a client sends, the screen answers with a verdict — never an exception — and what it passes to the SDK
 * is one JSON-RPC object. Seeded, so a failure is reproducible.
 */
class MessageScreenFuzzTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private final MessageScreen screen = new MessageScreen(Set.of("search_traces"), 1_000_000);

  @Property(tries = 2_000, seed = "20261205")
  void anyTextGetsAVerdict(@ForAll("garbage") String line) throws Exception {
    MessageScreen.Verdict verdict = screen.screen(line, "s");

    assertThat(verdict).isNotNull();
    if (verdict instanceof MessageScreen.Forward forward) {
      JsonNode node = JSON.readTree(forward.message());
      assertThat(node.isObject()).isTrue();
      assertThat(node.path("jsonrpc").asText()).isEqualTo("2.0");
    } else if (verdict instanceof MessageScreen.Answer answer) {
      assertThat(JSON.readTree(answer.response()).path("jsonrpc").asText()).isEqualTo("2.0");
    }
  }

  @Provide
  Arbitrary<String> garbage() {
    Arbitrary<String> text = Arbitraries.strings().all().ofMaxLength(300);
    Arbitrary<String> jsonish = Arbitraries.strings().withChars("{}[]\":,0123456789.-eE truefalsnul\\u").ofMaxLength(200);
    Arbitrary<String> nested = Arbitraries.integers().between(1, 3_000).map(n -> "[".repeat(n) + "]".repeat(n));
    Arbitrary<String> messages = Arbitraries.of(
        "{\"jsonrpc\":\"2.0\",\"id\":null,\"method\":\"ping\"}",
        "[{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\"}]",
        "\uFEFF{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\"}",
        "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/call\",\"params\":{\"name\":\"search_traces\"}}",
        "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/call\",\"params\":[]}",
        "{\"jsonrpc\":\"2.0\",\"id\":{},\"method\":\"tools/call\"}",
        "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/cancelled\",\"params\":{\"requestId\":[1]}}",
        "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\",\"params\":{\"x\":" + "9".repeat(1_000) + "}}");
    Arbitrary<String> truncated = messages.flatMap(m -> Arbitraries.integers().between(0, m.length()).map(n -> m.substring(0, n)));
    return Arbitraries.oneOf(text, jsonish, nested, messages, truncated);
  }
}
