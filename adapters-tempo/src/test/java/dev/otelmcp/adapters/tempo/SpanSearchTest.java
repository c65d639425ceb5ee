package dev.otelmcp.adapters.tempo;

import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.otelmcp.domain.model.AttributeValue;
import dev.otelmcp.domain.model.Span;
import dev.otelmcp.domain.model.SpanKind;
import dev.otelmcp.domain.model.StatusCode;
import dev.otelmcp.domain.model.TimeRange;
import dev.otelmcp.domain.port.SpanSearchResult;
import dev.otelmcp.domain.query.Filter;
import dev.otelmcp.domain.query.FilterOperator;
import dev.otelmcp.domain.query.FilterValueType;
import dev.otelmcp.domain.query.SpanQuery;
import dev.otelmcp.tck.TestBackendSettings;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Span search: whole domain spans from the traces Tempo matched, no more traces fetched than the limit needs. */
class SpanSearchTest {

  @RegisterExtension
  static WireMockExtension tempo = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  private static final TimeRange NOV_13 =
      new TimeRange(Instant.parse("2025-11-13T00:00:00Z"), Instant.parse("2025-11-14T00:00:00Z"));
  private static final Filter DEMO = Filter.equalsString("service.name", "travel-agent-demo");

  private TempoTraceStore store;

  @BeforeEach
  void recordedTempo() {
    RecordedTempo.tracesV1(tempo.getRuntimeInfo().getWireMock(), RecordedTempo.BY_SERVICE);
    store = new TempoTraceStore(TempoConfig.from(TestBackendSettings.url(tempo.baseUrl()).with("api_version", "v1")));
  }

  @AfterEach
  void close() {
    store.close();
  }

  private static WireMock wireMock() {
    return tempo.getRuntimeInfo().getWireMock();
  }

  private static int traceFetches() {
    return tempo.findAll(getRequestedFor(urlPathMatching("/api/traces/.*"))).size();
  }

  @Test
  void spansAreWholeDomainSpansAndOnlyTheTracesTheLimitNeedsAreFetched() {
    RecordedTempo.search(wireMock(), RecordedTempo.BY_SERVICE, RecordedTempo.DEMO);

    SpanSearchResult result = store.searchSpans(new SpanQuery(NOV_13, List.of(DEMO), 5));

    // The newest trace, 42ff…, matched 10 spans: enough for 5, so it is the only one fetched.
    assertThat(traceFetches()).isEqualTo(1);
    assertThat(result.spans()).hasSize(5).allSatisfy(span -> assertThat(span.traceId())
        .isEqualTo("42ff472d7feb6215bec0cf4e350675b2"));
    assertThat(result.spans()).extracting(Span::spanId).containsExactly("267fb9e41508b20f", "40eed9226b1b0758",
        "55dec9e96788908d", "82f8ce5fd5ca9c84", "940be5f1c48609d4");
    Span llmCall = result.spans().get(0);
    assertThat(llmCall.name()).isEqualTo("openai.response");
    assertThat(llmCall.serviceName()).isEqualTo("travel-agent-demo");
    assertThat(llmCall.kind()).isEqualTo(SpanKind.CLIENT);
    assertThat(llmCall.status().code()).isEqualTo(StatusCode.OK);
    assertThat(llmCall.parentSpanId()).isEqualTo("a94b4056fdcc5ab8");
    assertThat(llmCall.attributes().get("gen_ai.system")).contains(AttributeValue.of("openai"));
    assertThat(llmCall.attributes().get("llm.request.type")).contains(AttributeValue.of("response"));
    assertThat(result.mayHaveMore()).isTrue();
    LoggedRequest search = tempo.findAll(getRequestedFor(urlPathEqualTo("/api/search"))).get(0);
    assertThat(search.queryParameter("limit").firstValue()).isEqualTo("5");
    assertThat(search.queryParameter("spss").firstValue()).isEqualTo("1");
  }

  @Test
  void spanConditionsApplyToTheSpanItselfIncludingItsOwnDurationAndNegations() {
    List<Filter> filters = List.of(DEMO,
        Filter.number("duration", FilterOperator.GTE, 3000),
        Filter.of("name", FilterOperator.NOT_EQUALS, FilterValueType.STRING, List.of("openai.response")));
    String traceQl = FilterTranslator.spanset(filters, FilterTranslator.Context.SPAN).traceQl();
    assertThat(traceQl).isEqualTo(
        "{ resource.service.name = \"travel-agent-demo\" && duration >= 3000ms && name != \"openai.response\" }");
    // Not recorded: every recorded travel-agent-demo trace holds such a span, so Tempo's answer names the same
    // four traces as the recorded service search (the store re-checks every span anyway).
    RecordedTempo.searchAnsweredAs(wireMock(), traceQl, RecordedTempo.BY_SERVICE, RecordedTempo.DEMO);

    SpanSearchResult result = store.searchSpans(new SpanQuery(NOV_13, filters, 3));

    assertThat(result.spans()).extracting(Span::name).containsExactly("get_weather_forecast.tool",
        "get_destination_info.tool", "get_location_coordinates.tool");
    assertThat(result.spans()).allSatisfy(span -> assertThat(span.durationMs()).isGreaterThanOrEqualTo(3000));
  }
}
