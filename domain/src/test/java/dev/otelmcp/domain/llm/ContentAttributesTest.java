package dev.otelmcp.domain.llm;

import static org.assertj.core.api.Assertions.assertThat;
import org.junit.jupiter.api.Test;

class ContentAttributesTest {

  @Test
  void promptsCompletionsMessagesAndToolInputOutputAreContent() {
    assertThat(ContentAttributes.isContent("gen_ai.prompt.0.content")).isTrue();
    assertThat(ContentAttributes.isContent("gen_ai.completion.1.tool_calls.0.arguments")).isTrue();
    assertThat(ContentAttributes.isContent("gen_ai.input.messages")).isTrue();
    assertThat(ContentAttributes.isContent("gen_ai.tool.call.result")).isTrue();
    assertThat(ContentAttributes.isContent("llm.input_messages.0.message.content")).isTrue();
    assertThat(ContentAttributes.isContent("llm.output_messages.0.message.contents.1.message_content.text")).isTrue();
    assertThat(ContentAttributes.isContent("llm.output_messages.0.message.tool_calls.0.tool_call.function.arguments"))
        .isTrue();
    assertThat(ContentAttributes.isContent("llm.prompts.0.content")).isTrue();
    assertThat(ContentAttributes.isContent("traceloop.entity.output")).isTrue();
    assertThat(ContentAttributes.isContent("input.value")).isTrue();
    assertThat(ContentAttributes.isContent("retrieval.documents.0.document.content")).isTrue();
    assertThat(ContentAttributes.isContent("retrieval.documents.0.document.score")).isFalse();
  }

  @Test
  void namesCountsAndSettingsAreNot() {
    assertThat(ContentAttributes.isContent("gen_ai.prompt.name")).isFalse();
    assertThat(ContentAttributes.isContent("gen_ai.request.model")).isFalse();
    assertThat(ContentAttributes.isContent("gen_ai.usage.input_tokens")).isFalse();
    assertThat(ContentAttributes.isContent("traceloop.entity.name")).isFalse();
    assertThat(ContentAttributes.isContent("llm.token_count.prompt")).isFalse();
    assertThat(ContentAttributes.isContent("input.mime_type")).isFalse();
    assertThat(ContentAttributes.isContent("llm.completions.0.role")).isFalse();
    assertThat(ContentAttributes.isContent("gen_ai.completion.0.finish_reason")).isFalse();
    assertThat(ContentAttributes.isContent("gen_ai.completion.0.tool_calls.0.name")).isFalse();
  }
}
