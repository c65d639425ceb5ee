package dev.otelmcp.adapters.mcp.args;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.otelmcp.domain.error.InvalidQueryException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ArgumentsTest {

  private static Arguments of(Map<String, Object> values) {
    return new Arguments(values, Set.of("limit", "service_name", "has_error", "tags", "filters", "min_duration_ms"));
  }

  @Test
  void unknownParametersAreRejectedNamingThemAndTheAcceptedOnes() {
    assertThatThrownBy(() -> of(Map.of("servce_name", "x")))
        .isInstanceOf(InvalidQueryException.class)
        .hasMessage("unknown parameter 'servce_name'")
        .satisfies(e -> assertThat(((InvalidQueryException) e).hint()).contains("service_name"));
  }

  @Test
  void hugeOrManyUnknownNamesAreNotEchoedWhole() {
    Map<String, Object> values = new java.util.LinkedHashMap<>();
    values.put("k".repeat(50_000), 1);
    for (int i = 0; i < 20; i++) {
      values.put("extra" + i, i);
    }
    assertThatThrownBy(() -> of(values))
        .isInstanceOf(InvalidQueryException.class)
        .satisfies(e -> assertThat(e.getMessage()).hasSizeLessThan(400).contains("and 16 more"));
  }

  @Test
  void aWhitespaceOnlyStringIsAnErrorAndAnEmptyOneIsLeftOut() {
    assertThatThrownBy(() -> of(Map.of("service_name", "  \t ")).string("service_name"))
        .isInstanceOf(InvalidQueryException.class)
        .hasMessageContaining("service_name is only whitespace");
    assertThat(of(Map.of("service_name", "")).string("service_name")).isEmpty();
    assertThat(of(Map.of("service_name", " checkout ")).string("service_name")).contains("checkout");
  }

  @Test
  void limitOutsideOneToThousandIsAnErrorNeverClamped() {
    assertThatThrownBy(() -> of(Map.of("limit", 0)).integer("limit", 100, 1, 1000))
        .isInstanceOf(InvalidQueryException.class)
        .hasMessage("limit must be between 1 and 1000, got 0");
    assertThatThrownBy(() -> of(Map.of("limit", 5000)).integer("limit", 100, 1, 1000))
        .hasMessage("limit must be between 1 and 1000, got 5000");
    assertThatThrownBy(() -> of(Map.of("limit", 2.5)).integer("limit", 100, 1, 1000))
        .hasMessageContaining("limit must be a whole number");
    assertThatThrownBy(() -> of(Map.of("limit", "ten")).integer("limit", 100, 1, 1000))
        .hasMessage("limit must be a number, got \"ten\"");
  }

  @Test
  void numbersAndBooleansSentAsStringsAreAccepted() {
    Arguments arguments = of(Map.of("limit", "25", "has_error", "TRUE", "min_duration_ms", "1.5"));

    assertThat(arguments.integer("limit", 100, 1, 1000)).isEqualTo(25);
    assertThat(arguments.bool("has_error")).contains(true);
    assertThat(arguments.nonNegativeNumber("min_duration_ms")).contains(1.5);
  }

  @Test
  void defaultsApplyWhenAbsentOrNull() {
    Map<String, Object> values = new HashMap<>();
    values.put("limit", null);
    Arguments arguments = of(values);

    assertThat(arguments.integer("limit", 100, 1, 1000)).isEqualTo(100);
    assertThat(arguments.string("service_name")).isEmpty();
    assertThat(arguments.stringMap("tags")).isEmpty();
    assertThat(arguments.objectList("filters")).isEmpty();
  }

  @Test
  void wrongTypesNameTheParameter() {
    assertThatThrownBy(() -> of(Map.of("service_name", 12)).string("service_name"))
        .hasMessage("service_name must be a string, got 12");
    assertThatThrownBy(() -> of(Map.of("has_error", "maybe")).bool("has_error"))
        .hasMessage("has_error must be true or false, got \"maybe\"");
    assertThatThrownBy(() -> of(Map.of("tags", List.of("a"))).stringMap("tags"))
        .hasMessageStartingWith("tags must be an object");
    assertThatThrownBy(() -> of(Map.of("filters", Map.of())).objectList("filters"))
        .hasMessageStartingWith("filters must be a list");
    assertThatThrownBy(() -> of(Map.of("min_duration_ms", -1)).nonNegativeNumber("min_duration_ms"))
        .hasMessageStartingWith("min_duration_ms must not be negative");
  }

  @Test
  void tagValuesBecomeText() {
    assertThat(of(Map.of("tags", Map.of("http.status_code", 200, "error", true))).stringMap("tags"))
        .containsEntry("http.status_code", "200")
        .containsEntry("error", "true");
  }
}
