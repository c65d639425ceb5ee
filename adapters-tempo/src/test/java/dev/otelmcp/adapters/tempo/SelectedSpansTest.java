package dev.otelmcp.adapters.tempo;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.otelmcp.domain.model.AttributeValue;
import dev.otelmcp.domain.model.TimeRange;
import dev.otelmcp.domain.query.Filter;
import dev.otelmcp.domain.query.SpanQuery;
import dev.otelmcp.tck.TestBackendSettings;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * LLM figures read from the search answer through {@code select(...)}, without whole traces. No recording
 * asked Tempo for a select: the answer below is in the documented shape (matched spans carrying the selected
 * attributes as OTLP KeyValues, 64-bit integers as strings), with the ids, times and values of the two
 * openai.response spans of the recorded trace 42ff….
 */
class SelectedSpansTest {

  @RegisterExtension
  static WireMockExtension tempo = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  private static final String ANSWER = """
      {"traces":[{"traceID":"42ff472d7feb6215bec0cf4e350675b2","rootServiceName":"travel-agent-demo",
       "rootTraceName":"Agent Workflow","startTimeUnixNano":"1763042187232503000","durationMs":10109,
       "spanSets":[{"spans":[
         {"spanID":"34fcf1bb3fafa39e","name":"openai.response","startTimeUnixNano":"1763042187236891000",
          "durationNanos":"2223290000","attributes":[
            {"key":"gen_ai.system","value":{"stringValue":"openai"}},
            {"key":"gen_ai.request.model","value":{"stringValue":"gpt-4o-2024-08-06"}},
            {"key":"gen_ai.usage.prompt_tokens","value":{"intValue":"313"}},
            {"key":"gen_ai.usage.completion_tokens","value":{"intValue":"81"}},
            {"key":"llm.usage.total_tokens","value":{"intValue":"394"}}]},
         {"spanID":"267fb9e41508b20f","name":"openai.response","startTimeUnixNano":"1763042192790536000",
          "durationNanos":"4551608000","attributes":[{"key":"gen_ai.system","value":{"stringValue":"openai"}}]}],
        "matched":2}],
       "serviceStats":{"travel-agent-demo":{"spanCount":10}}}],
      "metrics":{"inspectedBytes":"14143","completedJobs":1,"totalJobs":1}}""";

  @Test
  void selectedAttributesComeBackWithTheMatchedSpans() {
    tempo.getRuntimeInfo().getWireMock().register(get(urlPathEqualTo("/api/search")).willReturn(okJson(ANSWER)));
    TempoTraceStore.Selection selection;
    try (TempoTraceStore store = new TempoTraceStore(TempoConfig.from(TestBackendSettings.url(tempo.baseUrl())))) {
      selection = store.selectSpans(new SpanQuery(
          new TimeRange(Instant.parse("2025-11-13T00:00:00Z"), Instant.parse("2025-11-14T00:00:00Z")),
          List.of(Filter.equalsString("name", "openai.response")), 20),
          List.of("gen_ai.system", "gen_ai.usage.prompt_tokens"));
    }

    LoggedRequest request = tempo.findAll(getRequestedFor(urlPathEqualTo("/api/search"))).get(0);
    assertThat(request.queryParameter("q").firstValue())
        .isEqualTo("{ name = \"openai.response\" } | select(span.gen_ai.system, span.gen_ai.usage.prompt_tokens)");
    assertThat(request.queryParameter("spss").firstValue()).isEqualTo("100");
    assertThat(selection.exact()).isTrue();
    assertThat(selection.spans()).hasSize(2);
    SelectedSpans.Selected first = selection.spans().get(0);
    assertThat(first.traceId()).isEqualTo("42ff472d7feb6215bec0cf4e350675b2");
    assertThat(first.spanId()).isEqualTo("34fcf1bb3fafa39e");
    assertThat(first.startTime()).isEqualTo(Instant.parse("2025-11-13T13:56:27.236891Z"));
    assertThat(first.duration()).isEqualTo(Duration.ofNanos(2_223_290_000L));
    assertThat(first.complete()).as("matched 2, both returned").isTrue();
    assertThat(first.attributes().get("gen_ai.usage.prompt_tokens")).contains(AttributeValue.of(313L));
    assertThat(first.attributes().get("gen_ai.request.model")).contains(AttributeValue.of("gpt-4o-2024-08-06"));
    assertThat(selection.spans().get(1).attributes().get("gen_ai.usage.prompt_tokens")).isEmpty();
  }

  @Test
  void theLlmKeysCoverEveryConventionOfTheTokenAndModelFigures() {
    assertThat(SelectedSpans.query("{}", List.of("gen_ai.usage.input_tokens", "my key")))
        .isEqualTo("{} | select(span.gen_ai.usage.input_tokens, span.\"my key\")");
    assertThat(SelectedSpans.LLM_KEYS).contains("gen_ai.request.model", "gen_ai.response.model", "gen_ai.provider.name",
        "gen_ai.usage.input_tokens", "gen_ai.usage.prompt_tokens", "llm.usage.total_tokens", "llm.vendor");
  }
}
