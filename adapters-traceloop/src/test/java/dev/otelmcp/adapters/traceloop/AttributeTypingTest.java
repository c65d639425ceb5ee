package dev.otelmcp.adapters.traceloop;

import static org.assertj.core.api.Assertions.assertThat;

import dev.otelmcp.domain.model.AttributeValue;
import dev.otelmcp.domain.model.Attributes;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Typing the API's all-string attribute values, on values taken from the recordings. */
class AttributeTypingTest {

  private final AttributeTyping typing = new AttributeTyping(Fixtures.JSON);

  /** The attributes of the recorded openai.chat span 01e55a77b2a2dce0 (trace c4c7e548…). */
  private final Attributes chat = typing.object(
      Fixtures.body("TestTraceloopGetTrace.test_get_trace_by_id", Fixtures.TRACE_SPANS).path("spans").path(16)
          .path("span_attributes"));

  @Test
  void tokenCountsBecomeIntegers() {
    assertThat(chat.get("llm.usage.prompt_tokens")).contains(AttributeValue.of(579L));
    assertThat(chat.get("llm.usage.completion_tokens")).contains(AttributeValue.of(2078L));
    assertThat(chat.get("llm.usage.total_tokens")).contains(AttributeValue.of(2657L));
    assertThat(chat.get("llm.usage.cache_read_input_tokens")).contains(AttributeValue.of(0L));
    assertThat(chat.get("llm.usage.reasoning_tokens")).contains(AttributeValue.of(0L));
    assertThat(chat.get("llm.request.max_tokens")).contains(AttributeValue.of(3000L));
    assertThat(chat.get("traceloop.llm.cost_micro_usd.total")).contains(AttributeValue.of(1332L));
  }

  @Test
  void decimalsAndBooleansGetTheirTypes() {
    assertThat(chat.get("llm.request.temperature")).contains(AttributeValue.of(0.7));
    assertThat(chat.get("llm.is_streaming")).contains(AttributeValue.of(false));
  }

  @Test
  void textStaysTextAndKeysStayAsTheApiNamesThem() {
    assertThat(chat.get("llm.vendor")).contains(AttributeValue.of("openai"));
    assertThat(chat.get("llm.request.model")).contains(AttributeValue.of("gpt-4o-mini"));
    assertThat(chat.get("llm.response.model")).contains(AttributeValue.of("gpt-4o-mini-2024-07-18"));
    assertThat(chat.get("llm.completions.0.finish_reason")).contains(AttributeValue.of("stop"));
    assertThat(chat.get("llm.headers")).contains(AttributeValue.of("None"));
    assertThat(chat.getText("llm.request.structured_output_schema")).get().asString().startsWith("{\"$defs\"");
    assertThat(chat.keys()).noneMatch(k -> k.startsWith("gen_ai."));
    assertThat(chat.size()).isEqualTo(28);
  }

  @Test
  void messageContentIsNeverConverted() {
    // Recorded root span of service unknown_service: the prompt content is a JSON array of message parts.
    Attributes prompts = typing.object(
        Fixtures.row("TestTraceloopListServices.test_list_services", Fixtures.ROOT_SPANS, "b205122711ccafe4").prompts());

    assertThat(prompts.get("llm.prompts.0.content")).contains(AttributeValue.of(
        "[{\"type\":\"text\",\"text\":\"explain who are you and what can you do in one sentence\"}]"));
    assertThat(typing.text("[{\"type\":\"text\"}]")).isEqualTo(AttributeValue.of("[{\"type\":\"text\"}]"));
    assertThat(typing.value("llm.completions.0.content", Fixtures.json("\"42\""))).contains(AttributeValue.of("42"));
  }

  @Test
  void onlyCleanNumbersAreConverted() {
    assertThat(typing.text("200")).isEqualTo(AttributeValue.of(200L));
    assertThat(typing.text("-3")).isEqualTo(AttributeValue.of(-3L));
    assertThat(typing.text("1.000000")).isEqualTo(AttributeValue.of(1.0));
    assertThat(typing.text("1e-05")).isEqualTo(AttributeValue.of(1e-5));
    assertThat(typing.text("007")).isEqualTo(AttributeValue.of("007"));
    assertThat(typing.text("+5")).isEqualTo(AttributeValue.of("+5"));
    assertThat(typing.text(" 5")).isEqualTo(AttributeValue.of(" 5"));
    assertThat(typing.text("12f")).isEqualTo(AttributeValue.of("12f"));
    assertThat(typing.text("NaN")).isEqualTo(AttributeValue.of("NaN"));
    assertThat(typing.text("1.")).isEqualTo(AttributeValue.of("1."));
    assertThat(typing.text("99999999999999999999")).isEqualTo(AttributeValue.of("99999999999999999999"));
    assertThat(typing.text("True")).isEqualTo(AttributeValue.of("True"));
    assertThat(typing.text("fp_51db84afab")).isEqualTo(AttributeValue.of("fp_51db84afab"));
  }

  @Test
  void jsonArraysOfScalarsBecomeArrays() {
    // No recorded attribute holds an array; these are the shapes an OTel array attribute takes as JSON text.
    assertThat(typing.text("[\"stop\",\"length\"]"))
        .isEqualTo(AttributeValue.ofList(List.of(AttributeValue.of("stop"), AttributeValue.of("length"))));
    assertThat(typing.text("[1, 2.5, true]")).isEqualTo(AttributeValue.ofList(
        List.of(AttributeValue.of(1L), AttributeValue.of(2.5), AttributeValue.of(true))));
    assertThat(typing.text("[]")).isEqualTo(AttributeValue.ofList(List.of()));
    assertThat(typing.text("['a', 'b']")).isEqualTo(AttributeValue.of("['a', 'b']"));
    assertThat(typing.text("[[1], [2]]")).isEqualTo(AttributeValue.of("[[1], [2]]"));
  }

  @Test
  void valuesThatArriveTypedKeepTheirType() {
    assertThat(typing.value("k", Fixtures.json("12"))).contains(AttributeValue.of(12L));
    assertThat(typing.value("k", Fixtures.json("1.5"))).contains(AttributeValue.of(1.5));
    assertThat(typing.value("k", Fixtures.json("true"))).contains(AttributeValue.of(true));
    assertThat(typing.value("k", Fixtures.json("null"))).isEmpty();
    assertThat(typing.value("k", Fixtures.json("{\"a\":1}"))).contains(AttributeValue.of("{\"a\":1}"));
  }
}
