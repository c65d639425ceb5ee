package dev.otelmcp.domain.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AttributesTest {

  @Test
  void ofPairsTypesEachValue() {
    Attributes attributes = Attributes.ofPairs(
        "s", "text", "i", 3, "l", 4L, "d", 0.5, "b", true, "raw", AttributeValue.of(9L));

    assertThat(attributes.get("s")).contains(AttributeValue.of("text"));
    assertThat(attributes.get("i")).contains(AttributeValue.of(3L));
    assertThat(attributes.get("l")).contains(AttributeValue.of(4L));
    assertThat(attributes.get("d")).contains(AttributeValue.of(0.5));
    assertThat(attributes.get("b")).contains(AttributeValue.of(true));
    assertThat(attributes.get("raw")).contains(AttributeValue.of(9L));
    assertThat(attributes.keys()).containsExactly("s", "i", "l", "d", "b", "raw");
    assertThatThrownBy(() -> Attributes.ofPairs("odd")).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void readers() {
    Attributes attributes = Attributes.ofPairs("tokens", "953", "model", "gpt-4", "n", 2L);

    assertThat(attributes.getText("n")).contains("2");
    assertThat(attributes.getText("missing")).isEmpty();
    assertThat(attributes.getNumber("tokens")).hasValue(953.0);
    assertThat(attributes.getNumber("model")).isEmpty();
    assertThat(attributes.getNumber("missing")).isEmpty();
    assertThat(attributes.containsKey("model")).isTrue();
    assertThat(attributes.containsKey("Model")).isFalse();
    assertThat(attributes.size()).isEqualTo(3);
    assertThat(attributes.toJava()).containsExactly(Map.entry("tokens", "953"), Map.entry("model", "gpt-4"),
        Map.entry("n", 2L));
  }

  @Test
  void emptyAndImmutable() {
    Map<String, AttributeValue> source = new LinkedHashMap<>();
    assertThat(Attributes.of(source)).isSameAs(Attributes.empty());
    assertThat(Attributes.empty().isEmpty()).isTrue();

    source.put("k", AttributeValue.of("v"));
    Attributes copy = Attributes.of(source);
    source.put("k2", AttributeValue.of("v2"));
    assertThat(copy.keys()).containsExactly("k");
    assertThatThrownBy(() -> copy.asMap().put("x", AttributeValue.of("y")))
        .isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void builderLastPutWinsAndSupportsRemoval() {
    Attributes base = Attributes.ofPairs("a", "1");
    Attributes.Builder builder = Attributes.builder().putAll(base).put("a", "2").put("b", AttributeValue.of(true));
    assertThat(builder.containsKey("b")).isTrue();
    Attributes built = builder.remove("b").build();

    assertThat(built).isEqualTo(Attributes.ofPairs("a", "2"));
    assertThat(built.hashCode()).isEqualTo(Attributes.ofPairs("a", "2").hashCode());
    assertThat(built).isNotEqualTo(base);
    assertThat(built.toString()).contains("a");
    assertThat(Attributes.ofPairs("l", AttributeValue.ofList(List.of())).get("l").orElseThrow())
        .isInstanceOf(AttributeValue.ArrayValue.class);
  }

  @Test
  void aBuilderChangedAfterBuildingLeavesWhatItBuiltAlone() {
    Attributes.Builder builder = Attributes.builder().put("a", "1").put("b", "2");
    Attributes first = builder.build();

    Attributes second = builder.remove("a").put("c", "3").put("b", "4").build();
    builder.putAll(Attributes.ofPairs("d", 5L));

    assertThat(first.asMap()).containsExactly(Map.entry("a", AttributeValue.of("1")), Map.entry("b", AttributeValue.of("2")));
    assertThat(second.asMap()).containsExactly(Map.entry("b", AttributeValue.of("4")), Map.entry("c", AttributeValue.of("3")));
    assertThat(builder.get("d")).contains(AttributeValue.of(5L));
    assertThat(builder.get("a")).isEmpty();
    assertThat(builder.remove("absent").build().keys()).containsExactly("b", "c", "d");
  }
}
