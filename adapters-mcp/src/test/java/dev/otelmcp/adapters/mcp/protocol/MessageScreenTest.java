package dev.otelmcp.adapters.mcp.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Set;
import org.junit.jupiter.api.Test;

class MessageScreenTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private final MessageScreen screen = new MessageScreen(Set.of("get_trace", "list_services"), 1_000_000);

  private JsonNode answer(String line) throws Exception {
    MessageScreen.Verdict verdict = screen.screen(line);
    assertThat(verdict).isInstanceOf(MessageScreen.Answer.class);
    return JSON.readTree(((MessageScreen.Answer) verdict).response());
  }

  @Test
  void aValidRequestIsForwardedWithOnlyItsJsonRpcMembers() throws Exception {
    MessageScreen.Verdict verdict = screen.screen(
        "\uFEFF{\"jsonrpc\":\"2.0\",\"id\":7,\"method\":\"tools/call\",\"params\":{\"name\":\"get_trace\"},\"extra\":1}");

    assertThat(verdict).isInstanceOf(MessageScreen.Forward.class);
    JsonNode forwarded = JSON.readTree(((MessageScreen.Forward) verdict).message());
    assertThat(forwarded.has("extra")).isFalse();
    assertThat(forwarded.get("id").asInt()).isEqualTo(7);
    assertThat(forwarded.at("/params/name").asText()).isEqualTo("get_trace");
  }

  @Test
  void blankLinesAreSkipped() {
    assertThat(screen.screen("   \t")).isInstanceOf(MessageScreen.Skip.class);
    assertThat(screen.screen("")).isInstanceOf(MessageScreen.Skip.class);
  }

  @Test
  void anUnknownToolIsAToolErrorNamingItAndListingTheValidOnes() throws Exception {
    JsonNode response = answer("{\"jsonrpc\":\"2.0\",\"id\":\"a\",\"method\":\"tools/call\",\"params\":{\"name\":\"get_traces\"}}");

    assertThat(response.get("id").asText()).isEqualTo("a");
    assertThat(response.at("/result/isError").asBoolean()).isTrue();
    assertThat(response.at("/result/structuredContent").isMissingNode()).isTrue();
    JsonNode error = JSON.readTree(response.at("/result/content/0/text").asText()).get("error");
    assertThat(error.get("code").asText()).isEqualTo("INVALID_ARGUMENT");
    assertThat(error.get("message").asText()).contains("'get_traces'");
    assertThat(error.get("hint").asText()).contains("get_trace, list_services");
  }

  @Test
  void aHugeUnknownToolNameIsNotEchoedWhole() throws Exception {
    String name = "x".repeat(50_000);
    JsonNode response = answer("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/call\",\"params\":{\"name\":\"" + name + "\"}}");

    assertThat(response.at("/result/content/0/text").asText().length()).isLessThan(600);
  }

  @Test
  void garbageGetsJsonRpcErrorsInsteadOfReachingTheSdk() throws Exception {
    assertThat(answer("{not json").at("/error/code").asInt()).isEqualTo(-32700);
    assertThat(answer("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\"").at("/error/code").asInt()).isEqualTo(-32700);
    assertThat(answer("[{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\"}]").at("/error/code").asInt()).isEqualTo(-32600);
    assertThat(answer("{\"jsonrpc\":\"2.0\",\"id\":null,\"method\":\"ping\"}").at("/error/code").asInt()).isEqualTo(-32600);
    assertThat(answer("{\"jsonrpc\":\"2.0\",\"id\":1.5,\"method\":\"ping\"}").at("/error/code").asInt()).isEqualTo(-32600);
    assertThat(answer("{\"jsonrpc\":\"1.0\",\"id\":1,\"method\":\"ping\"}").at("/id").asInt()).isEqualTo(1);
    assertThat(answer("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":5}").at("/error/code").asInt()).isEqualTo(-32600);
    assertThat(answer("42").at("/error/code").asInt()).isEqualTo(-32600);
    assertThat(answer("{\"jsonrpc\":\"2.0\"}").at("/error/code").asInt()).isEqualTo(-32600);
  }

  @Test
  void deepNestingAndHugeNumbersAreRefused() throws Exception {
    String deep = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\",\"params\":" + "[".repeat(1000) + "]".repeat(1000) + "}";
    String number = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\",\"params\":{\"n\":" + "9".repeat(1000) + "}}";

    assertThat(answer(deep).at("/error/code").asInt()).isEqualTo(-32700);
    assertThat(answer(number).at("/error/code").asInt()).isEqualTo(-32700);
    assertThat(answer(number).at("/error/message").asText().length()).isLessThan(300);
  }
}
