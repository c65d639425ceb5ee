package dev.otelmcp.adapters.mcp.surface;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.otelmcp.adapters.mcp.ToolHints;
import dev.otelmcp.adapters.mcp.answers.ToolAnswer;
import dev.otelmcp.adapters.mcp.answers.ToolAnswers;
import dev.otelmcp.adapters.mcp.args.Arguments;
import dev.otelmcp.adapters.mcp.tools.GetDocsTool;
import dev.otelmcp.application.usecase.DescribePricesUseCase;
import dev.otelmcp.domain.error.ErrorCode;
import dev.otelmcp.domain.error.InvalidQueryException;
import dev.otelmcp.domain.pricing.PriceBook;
import io.modelcontextprotocol.json.schema.jackson2.DefaultJsonSchemaValidator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class GetDocsToolTest {

  private final GetDocsTool tool = new GetDocsTool(new DescribePricesUseCase(DocTextsTest.operatorBook()));

  private Object call(Map<String, Object> arguments) {
    return tool.call(new Arguments(arguments, ToolAnswers.input(tool).propertyNames()));
  }

  @Test
  void answersTheTopicWithItsMarkdownAndTheOtherTopics() {
    GetDocsTool.Result result = (GetDocsTool.Result) call(Map.of("topic", "PRICING"));

    assertThat(result.topic()).isEqualTo("pricing");
    assertThat(result.title()).isEqualTo("Price table");
    assertThat(result.format()).isEqualTo("markdown");
    assertThat(result.text()).contains("starts_with \"gpt-4o\"").contains("input_mtok 2.0 USD per million tokens");
    assertThat(result.topics()).containsExactly("conventions", "filters", "paging", "pricing");
    assertThat(tool.name()).isEqualTo("get_docs");
    assertThat(tool.description()).contains("conventions", "filters", "paging", "pricing");
  }

  @Test
  void anUnknownTopicIsAnInvalidTopic() {
    assertThatThrownBy(() -> call(Map.of("topic", "nope"))).isInstanceOf(InvalidQueryException.class)
        .hasMessageStartingWith("topic").hasMessageContaining("'nope'");
    assertThatThrownBy(() -> call(Map.of())).isInstanceOf(InvalidQueryException.class)
        .hasMessageStartingWith("topic");
    assertThatThrownBy(() -> call(Map.of("topic", "filters", "page", 2))).isInstanceOf(InvalidQueryException.class)
        .hasMessageContaining("'page'");
  }

  @Test
  void theAnswerConformsToTheDeclaredOutputSchema() {
    ToolAnswer answer = FakeTools.answers().answer(tool, Map.of("topic", "conventions"));

    assertThat(answer.isError()).isFalse();
    @SuppressWarnings("unchecked")
    List<String> required = (List<String>) tool.outputSchema().get("required");
    assertThat(answer.structured().keySet()).containsExactlyInAnyOrderElementsOf(required);
    assertThat(new DefaultJsonSchemaValidator(new ObjectMapper()).validate(tool.outputSchema(), answer.structured())
        .valid()).isTrue();
    assertThat(answer.structured()).containsEntry("topic", "conventions").containsEntry("format", "markdown");
  }

  @Test
  void anUnknownTopicAnswersAnInvalidArgumentError() {
    ToolAnswer answer = FakeTools.answers().answer(tool, Map.of("topic", "nope"));

    assertThat(answer.errorCode()).isEqualTo(ErrorCode.INVALID_ARGUMENT);
    assertThat(answer.text()).contains("topic").contains("conventions, filters, paging, pricing");
  }

  @Test
  void theInputOffersTheTopicsAsAnEnum() {
    Map<String, Object> input = ToolAnswers.input(tool).build();

    assertThat(input.toString()).contains("topic").contains("conventions").contains("pricing");
    assertThat(ToolAnswers.input(tool).propertyNames()).containsExactly("topic");
  }

  @Test
  void readingDocsIsReadOnlyAndClosedWorld() {
    assertThat(tool.hints()).isEqualTo(ToolHints.READS_OWN_DOCS);
    assertThat(tool.hints().readOnly()).isTrue();
    assertThat(tool.hints().destructive()).isFalse();
    assertThat(tool.hints().idempotent()).isTrue();
    assertThat(tool.hints().openWorld()).isFalse();
  }
}
