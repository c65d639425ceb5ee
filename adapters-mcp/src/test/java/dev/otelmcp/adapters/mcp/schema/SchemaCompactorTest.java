package dev.otelmcp.adapters.mcp.schema;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SchemaCompactorTest {

  /** An object schema long enough (over 120 characters of JSON) to be shared when it occurs twice. */
  private static Map<String, Object> tokens(String unit) {
    Map<String, Object> properties = new LinkedHashMap<>();
    for (String name : List.of("input_tokens", "output_tokens", "total_tokens", "cache_read_tokens")) {
      properties.put(name, Map.of("type", "integer", "description", "Counted in " + unit + "."));
    }
    properties.put("unit", Map.of("type", "string", "enum", List.of(unit)));
    return Map.of("type", "object", "properties", properties, "required", List.of("total_tokens"));
  }

  private static Map<String, Object> answer(Map<String, Object> first, Map<String, Object> second) {
    Map<String, Object> properties = new LinkedHashMap<>();
    properties.put("usage", first);
    properties.put("previous", second);
    properties.put("note", Map.of("type", "string"));
    return Map.of("type", "object", "properties", properties, "required", List.of("usage"));
  }

  @Test
  void aStructureThatOccursTwiceIsDefinedOnceWithoutDescriptionsOrNestedRequiredLists() {
    Map<String, Object> compact = SchemaCompactor.output(answer(tokens("tokens"), tokens("tokens")));

    Map<?, ?> properties = (Map<?, ?>) compact.get("properties");
    assertThat(properties.get("usage")).isEqualTo(Map.of("$ref", "#/$defs/usage"));
    assertThat(properties.get("previous")).isEqualTo(Map.of("$ref", "#/$defs/usage"));
    assertThat(properties.get("note")).isEqualTo(Map.of("type", "string"));
    Map<?, ?> usage = (Map<?, ?>) ((Map<?, ?>) compact.get("$defs")).get("usage");
    assertThat(usage.containsKey("required")).isFalse();
    assertThat(((Map<?, ?>) ((Map<?, ?>) usage.get("properties")).get("input_tokens"))).isEqualTo(
        Map.of("type", "integer"));
    assertThat(compact.get("required")).isEqualTo(List.of("usage"));
  }

  @Test
  void structuresThatDifferOnlyInAQuotedCharacterStaySeparate() {
    Map<String, Object> compact = SchemaCompactor.output(answer(tokens("a\"b"), tokens("a\\b")));

    assertThat(compact).doesNotContainKey("$defs");
    Map<?, ?> properties = (Map<?, ?>) compact.get("properties");
    assertThat(properties.get("usage").toString()).contains("a\"b");
    assertThat(properties.get("previous").toString()).contains("a\\b");
  }

  @Test
  void aSmallStructureIsRepeatedRatherThanReferredTo() {
    Map<String, Object> small = Map.of("type", "integer");
    Map<String, Object> compact = SchemaCompactor.output(answer(small, small));

    assertThat(compact).doesNotContainKey("$defs");
    assertThat(((Map<?, ?>) compact.get("properties")).get("previous")).isEqualTo(small);
  }
}
