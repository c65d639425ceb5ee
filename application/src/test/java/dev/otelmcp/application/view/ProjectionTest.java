package dev.otelmcp.application.view;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.otelmcp.domain.error.InvalidQueryException;
import dev.otelmcp.domain.model.Attributes;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ProjectionTest {

  private static final Attributes ATTRIBUTES = Attributes.ofPairs("gen_ai.request.model", "gpt-4o",
      "gen_ai.usage.input_tokens", 12, "http.route", "/chat", "gen_ai.prompt.0.content", "p".repeat(1_000));

  @Test
  void attributesAreChosenByKeyOrPatternAndCut() {
    Projection projection = Projection.parse(List.of("attributes.gen_ai.*", "attributes.http.route", "events"),
        Set.of("events", "links"));

    assertThat(projection.attributes(ATTRIBUTES, 20)).containsOnlyKeys("gen_ai.request.model",
        "gen_ai.usage.input_tokens", "http.route");
    assertThat(projection.content(ATTRIBUTES, 20)).as("the prompt, apart as untrusted")
        .containsOnlyKeys("gen_ai.prompt.0.content");
    assertThat((String) projection.content(ATTRIBUTES, 20).get("gen_ai.prompt.0.content")).endsWith("[980 more chars]");
    assertThat(projection.includes("events")).isTrue();
    assertThat(projection.includes("links")).isFalse();
    assertThat(Projection.parse(List.of("attributes.*tokens"), Set.of()).attributes(ATTRIBUTES, 20))
        .containsOnlyKeys("gen_ai.usage.input_tokens");
    assertThat(Projection.parse(List.of("attributes.*tokens"), Set.of()).content(ATTRIBUTES, 20)).isNull();
    assertThat(Projection.parse(List.of(), Set.of()).attributes(ATTRIBUTES, 20)).isNull();
    assertThat(Projection.parse(List.of(), Set.of()).content(ATTRIBUTES, 20)).isNull();
    assertThat(Projection.parse(List.of("attributes"), Set.of()).attributes(ATTRIBUTES, 20)).hasSize(3);
  }

  @Test
  void anUnknownFieldIsRefusedListingTheOffered() {
    assertThatThrownBy(() -> Projection.parse(List.of("atributes.x"), Set.of("events")))
        .isInstanceOf(InvalidQueryException.class)
        .hasMessageContaining("'atributes.x'")
        .satisfies(e -> assertThat(((InvalidQueryException) e).hint()).contains("events"));
  }
}
