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

  /** A tool answering 100 numbered rows, paged by offset. */
  private static McpTool rows() {
    return new McpTool() {
      @Override
      public String name() {
        return "rows";
      }

      @Override
      public String title() {
        return "Rows";
      }

      @Override
      public String description() {
        return "Numbered rows.";
      }

      @Override
      public Schema.ObjectBuilder input() {
        return Schema.object().property("label", Schema.string("A label echoed in every row."));
      }

      @Override
      public Map<String, Object> outputSchema() {
        return Schema.object().required("rows", Schema.array(Schema.object().asSchema(), null)).build();
      }

      @Override
      public dev.otelmcp.adapters.mcp.paging.Paging paging() {
        return dev.otelmcp.adapters.mcp.paging.Paging.offset("rows");
      }

      @Override
      public Object call(Arguments arguments) {
        String label = arguments.string("label").orElse("row");
        return Map.of("rows", java.util.stream.IntStream.range(0, 100)
            .mapToObj(i -> Map.of("n", i, "label", label + "-" + "x".repeat(40))).toList());
      }
    };
  }

  private static CallToolResult callRows(Map<String, Object> arguments) {
    ResultMapper mapper = new ResultMapper();
    return new ToolSpecifications(mapper, new AnswerFitter(mapper, 2_000))
        .call(rows(), CallToolRequest.builder().name("rows").arguments(arguments).build());
  }

  @Test
  void aCutAnswerContinuesByCursorAndACursorOnlyContinuesItsOwnQuery() {
    java.util.List<Integer> seen = new java.util.ArrayList<>();
    Map<String, Object> arguments = Map.of("label", "a");
    int calls = 0;
    while (true) {
      CallToolResult result = callRows(arguments);
      Map<String, Object> page = (Map<String, Object>) result.structuredContent();
      assertThat(((TextContent) result.content().get(0)).text().length()).isLessThanOrEqualTo(2_000);
      ((java.util.List<Map<String, Object>>) page.get("rows")).forEach(row -> seen.add((Integer) row.get("n")));
      calls++;
      if (!Boolean.TRUE.equals(page.get("truncated"))) {
        break;
      }
      assertThat(page.get("omitted_count")).isEqualTo(100 - seen.size());
      arguments = Map.of("cursor", page.get("next_cursor"));
      if (calls == 2) {
        assertThat(error(callRows(Map.of("cursor", page.get("next_cursor"), "label", "b"))))
            .containsEntry("code", "INVALID_ARGUMENT");
        assertThat(error(callRows(Map.of("cursor", "x" + page.get("next_cursor"))))).containsEntry("code", "INVALID_ARGUMENT");
      }
    }

    assertThat(seen).containsExactlyElementsOf(java.util.stream.IntStream.range(0, 100).boxed().toList());
    assertThat(calls).isGreaterThan(2);
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
