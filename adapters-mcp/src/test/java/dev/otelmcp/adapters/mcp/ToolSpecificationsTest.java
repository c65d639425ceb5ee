package dev.otelmcp.adapters.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.otelmcp.adapters.mcp.args.Arguments;
import dev.otelmcp.adapters.mcp.args.SearchParameters;
import dev.otelmcp.adapters.mcp.paging.AnswerFitter;
import dev.otelmcp.adapters.mcp.schema.Schema;
import dev.otelmcp.domain.error.BackendUnavailableException;
import io.modelcontextprotocol.json.schema.jackson2.DefaultJsonSchemaValidator;
import io.modelcontextprotocol.server.McpServerFeatures.SyncToolSpecification;
import io.modelcontextprotocol.spec.McpSchema.CallToolRequest;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import io.modelcontextprotocol.spec.McpSchema.TextContent;
import java.time.Instant;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

@SuppressWarnings("unchecked")
class ToolSpecificationsTest {

  record Answer(String traceId, Instant startTime, Double durationMs, String absent) {}

  private static McpTool tool(Function<Arguments, Object> body) {
    return new McpTool() {
      @Override
      public String name() {
        return "probe";
      }

      @Override
      public String title() {
        return "Probe";
      }

      @Override
      public String description() {
        return "A tool for tests.";
      }

      @Override
      public Schema.ObjectBuilder input() {
        return Schema.object().property(SearchParameters.LIMIT, SearchParameters.limit(10, "things"));
      }

      @Override
      public Map<String, Object> outputSchema() {
        return Schema.object().required("trace_id", Schema.string(null)).build();
      }

      @Override
      public Object call(Arguments arguments) {
        return body.apply(arguments);
      }
    };
  }

  private static CallToolResult call(McpTool tool, Map<String, Object> arguments) {
    return new ToolSpecifications(new ResultMapper(), new AnswerFitter(new ResultMapper(), 80_000)).call(tool, CallToolRequest.builder().name("probe").arguments(arguments).build());
  }

  /** The error object, read from the text content: errors carry no structuredContent. */
  private static Map<String, Object> error(CallToolResult result) {
    assertThat(result.structuredContent()).isNull();
    assertThat(result.content()).hasSize(1);
    try {
      return (Map<String, Object>) new ObjectMapper().readValue(((TextContent) result.content().get(0)).text(), Map.class)
          .get("error");
    } catch (java.io.IOException e) {
      throw new AssertionError("the error text is not JSON", e);
    }
  }

  @Test
  void resultsAreCompactSnakeCaseJsonWithUtcTimesAndNoNulls() {
    CallToolResult result = call(tool(a -> new Answer("ab", Instant.parse("2026-11-22T10:00:00.5Z"), 1.25, null)), Map.of());

    assertThat(result.isError()).isNotEqualTo(Boolean.TRUE);
    assertThat(((TextContent) result.content().get(0)).text())
        .isEqualTo("{\"trace_id\":\"ab\",\"start_time\":\"2026-11-22T10:00:00.500Z\",\"duration_ms\":1.25}");
    assertThat((Map<String, Object>) result.structuredContent()).containsEntry("trace_id", "ab").doesNotContainKey("absent");
  }

  @Test
  void badInputIsAnInvalidArgumentResultNamingTheField() {
    CallToolResult result = call(tool(a -> a.integer("limit", 10, 1, 1000)), Map.of("limit", 0));

    assertThat(result.isError()).isTrue();
    assertThat(error(result)).containsEntry("code", "INVALID_ARGUMENT")
        .containsEntry("message", "limit must be between 1 and 1000, got 0")
        .containsKey("hint");
    assertThat(((TextContent) result.content().get(0)).text()).startsWith("{\"error\":{\"code\":\"INVALID_ARGUMENT\"");
  }

  @Test
  void backendFailuresKeepTheirCodeAndHint() {
    CallToolResult result = call(tool(a -> {
      throw new BackendUnavailableException("could not reach Jaeger at http://localhost:1", "Check BACKEND_URL.");
    }), Map.of());

    assertThat(error(result)).containsEntry("code", "BACKEND_UNAVAILABLE").containsEntry("hint", "Check BACKEND_URL.");
  }

  @Test
  void bugsBecomeInternalErrorsWithoutLeakingDetails() {
    CallToolResult result = call(tool(a -> {
      throw new IllegalStateException("secret internals at line 42");
    }), Map.of());

    assertThat(error(result)).containsEntry("code", "INTERNAL");
    assertThat((String) error(result).get("message")).contains("IllegalStateException").doesNotContain("secret internals");
  }

  @Test
  void toolDefinitionsAreReadOnlyAndClosedToUnknownParameters() {
    SyncToolSpecification specification = new ToolSpecifications(new ResultMapper(), new AnswerFitter(new ResultMapper(), 80_000)).of(tool(a -> Map.of()));

    assertThat(specification.tool().annotations().readOnlyHint()).isTrue();
    assertThat(specification.tool().annotations().destructiveHint()).isFalse();
    assertThat(specification.tool().inputSchema()).containsEntry("additionalProperties", false);
    assertThat(new DefaultJsonSchemaValidator(new ObjectMapper())
        .validate(specification.tool().outputSchema(), Map.of("trace_id", "ab")).valid()).isTrue();
  }
}
