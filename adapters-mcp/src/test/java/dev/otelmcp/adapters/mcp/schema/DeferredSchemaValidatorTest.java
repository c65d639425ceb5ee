package dev.otelmcp.adapters.mcp.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DeferredSchemaValidatorTest {

  private static final Map<String, Object> TRACE = Schema.object().required("trace_id", Schema.string(null)).build();
  private static final Map<String, Object> BROKEN = Map.of("type", 5);

  @Test
  void aConformingSchemaIsCheckedWhenAskedAndResultsAreValidatedAgainstIt() {
    DeferredSchemaValidator validator = new DeferredSchemaValidator(new ObjectMapper());
    validator.assertConforms("get_trace output schema", TRACE);

    validator.checkToolSchemas();

    assertThat(validator.validate(TRACE, Map.of("trace_id", "ab")).valid()).isTrue();
    assertThat(validator.validate(TRACE, Map.of("trace_id", 7)).valid()).isFalse();
  }

  @Test
  void aSchemaThatDoesNotConformFailsTheCheckAndEveryLaterUseNamingItsTool() {
    DeferredSchemaValidator validator = new DeferredSchemaValidator(new ObjectMapper());
    validator.assertConforms("get_trace output schema", TRACE);
    validator.assertConforms("broken_tool input schema", BROKEN);

    assertThatThrownBy(validator::checkToolSchemas).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("broken_tool input schema");
    assertThatThrownBy(() -> validator.validate(TRACE, Map.of("trace_id", "ab")))
        .hasMessageContaining("broken_tool input schema");
  }

  @Test
  void theFirstResultCheckChecksTheRecordedSchemasFirst() {
    DeferredSchemaValidator validator = new DeferredSchemaValidator(new ObjectMapper());
    validator.assertConforms("broken_tool input schema", BROKEN);

    assertThatThrownBy(() -> validator.validate(TRACE, Map.of("trace_id", "ab")))
        .hasMessageContaining("broken_tool input schema");
  }

  @Test
  void aSchemaDeclaredAfterTheCheckIsCheckedAtOnce() {
    DeferredSchemaValidator validator = new DeferredSchemaValidator(new ObjectMapper());
    validator.checkToolSchemas();

    assertThatThrownBy(() -> validator.assertConforms("late_tool input schema", BROKEN))
        .hasMessageContaining("late_tool input schema");
    validator.assertConforms("get_trace output schema", TRACE);
  }
}
