package dev.otelmcp.adapters.jaeger;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.otelmcp.domain.error.BackendUnavailableException;
import dev.otelmcp.domain.model.Operation;
import dev.otelmcp.domain.model.Span;
import dev.otelmcp.domain.model.SpanKind;
import dev.otelmcp.domain.model.StatusCode;
import dev.otelmcp.domain.model.TimeRange;
import dev.otelmcp.domain.model.Trace;
import dev.otelmcp.domain.model.TraceHit;
import dev.otelmcp.domain.model.TraceId;
import dev.otelmcp.domain.port.TraceSearchResult;
import dev.otelmcp.domain.query.Filter;
import dev.otelmcp.domain.query.FilterOperator;
import dev.otelmcp.domain.query.TraceQuery;
import dev.otelmcp.tck.TestBackendSettings;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** api_v3 against Jaeger's own snapshot responses and real OTLP fixtures in the api_v3 envelope. */
class V3FlavourTest {

  @RegisterExtension
  static WireMockExtension jaeger = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  static final String TELEMETRYGEN_TRACE = "83a9efd15c1c98a977e0711cc93ee28b";
  static final TimeRange JAN_31_2024 =
      new TimeRange(Instant.parse("2024-01-31T00:00:00Z"), Instant.parse("2024-02-01T00:00:00Z"));

  /** Wide enough for every fixture (the storage example is from 2017). */
  static final TimeRange ALL_TIME = new TimeRange(Instant.EPOCH, Instant.parse("2030-01-01T00:00:00Z"));

  private final List<JaegerTraceStore> stores = new ArrayList<>();

  private JaegerTraceStore store(String apiVersion) {
    JaegerTraceStore store = new JaegerTraceStore(JaegerConfig.from(TestBackendSettings.url(jaeger.baseUrl())
        .with("api_version", apiVersion)));
    stores.add(store);
    return store;
  }

  @AfterEach
  void close() {
    stores.forEach(JaegerTraceStore::close);
  }

  /** The documented api_v3 envelope around a real OTLP/JSON TracesData fixture. */
  static String resultOf(String otlpFixture) {
    return "{\"result\":" + Fixtures.text(otlpFixture) + "}";
  }

  static String snapshot(String name) {
    return Fixtures.text("fixtures/jaeger/api_v3_snapshots/" + name);
  }

  /** Jaeger's api_v3 error (GRPCGatewayError), sent as text/plain like every Go http.Error. */
  static ResponseDefinitionBuilder noTracesFound() {
    return aResponse().withStatus(404).withHeader("Content-Type", "text/plain; charset=utf-8")
        .withBody("{\"error\":{\"httpCode\":404,\"message\":\"No traces found\"}}\n");
  }

  @Test
  void servicesAndOperationsFromTheSnapshots() {
    jaeger.stubFor(get(urlPathEqualTo("/api/v3/services")).willReturn(okJson(snapshot("GetServices.json"))));
    jaeger.stubFor(get(urlPathEqualTo("/api/v3/operations")).withQueryParam("service", equalTo("foo"))
        .willReturn(okJson(snapshot("GetOperations.json"))));
    JaegerTraceStore store = store("v3");

    assertThat(store.listServices(JAN_31_2024)).containsExactly("foo");
    assertThat(store.listOperations("foo", JAN_31_2024)).containsExactly(new Operation("get_users", SpanKind.SERVER));
  }

  @Test
  void traceByIdFromTheSnapshot() {
    jaeger.stubFor(get(urlPathEqualTo("/api/v3/traces/00000000000000000000000000000001"))
        .willReturn(okJson(snapshot("GetTrace.json"))));

    Trace trace = store("v3").getTrace(TraceId.parse("1")).orElseThrow();

    assertThat(trace.traceId()).isEqualTo("00000000000000000000000000000001");
    assertThat(trace.spans()).singleElement().satisfies(span -> {
      assertThat(span.spanId()).isEqualTo("0000000000000002");
      assertThat(span.name()).isEqualTo("foobar");
      assertThat(span.kind()).isEqualTo(SpanKind.SERVER);
      assertThat(span.status().code()).isEqualTo(StatusCode.ERROR);
    });
  }

  @Test
  void unknownTraceAndSearchWithoutHitsAreEmpty() {
    jaeger.stubFor(get(urlPathEqualTo("/api/v3/traces/0000000000000000000000000000beef")).willReturn(noTracesFound()));
    jaeger.stubFor(get(urlPathEqualTo("/api/v3/traces")).willReturn(noTracesFound()));
    JaegerTraceStore store = store("v3");

    assertThat(store.getTrace(new TraceId("0000000000000000000000000000beef"))).isEmpty();
    TraceSearchResult result = store.searchTraces(
        new TraceQuery(JAN_31_2024, List.of(Filter.equalsString("service.name", "foo")), 5));
    assertThat(result.hits()).isEmpty();
    assertThat(result.mayHaveMore()).isFalse();
  }

  @Test
  void searchSendsSnakeCaseParametersAndReChecksTheReturnedTraces() {
    jaeger.stubFor(get(urlPathEqualTo("/api/v3/traces")).willReturn(okJson(snapshot("FindTraces.json"))));

    TraceSearchResult result = store("v3").searchTraces(new TraceQuery(JAN_31_2024, List.of(
        Filter.equalsString("service.name", "telemetrygen"),
        Filter.equalsString("name", "okey-dokey-0"),
        Filter.number("duration", FilterOperator.GT, 0.1235),
        Filter.number("duration", FilterOperator.LTE, 2000),
        Filter.equalsString("peer.service", "telemetrygen-client"),
        Filter.equalsString("status", "error")), 20));

    // The snapshot's span ("foobar", no service) matches none of it: Jaeger before 2.19 ignores attributes.
    assertThat(result.hits()).isEmpty();
    jaeger.verify(getRequestedFor(urlPathEqualTo("/api/v3/traces"))
        .withQueryParam("query.service_name", equalTo("telemetrygen"))
        .withQueryParam("query.operation_name", equalTo("okey-dokey-0"))
        .withQueryParam("query.start_time_min", equalTo("2024-01-31T00:00:00.000000000Z"))
        .withQueryParam("query.start_time_max", equalTo("2024-02-01T00:00:00.000000000Z"))
        .withoutQueryParam("query.duration_min")
        .withQueryParam("query.duration_max", equalTo("2s"))
        .withQueryParam("query.search_depth", equalTo("20"))
        .withQueryParam("query.num_traces", equalTo("20"))
        .withQueryParam("query.attributes", equalToJson("{\"peer.service\":\"telemetrygen-client\"}")));
  }

  @Test
  void searchDecodesRealOtlpAndKeepsMatchingTraces() {
    jaeger.stubFor(get(urlPathEqualTo("/api/v3/traces"))
        .willReturn(okJson(resultOf("fixtures/jaeger/otlp2jaeger-in.json"))));

    TraceSearchResult result = store("v3").searchTraces(new TraceQuery(JAN_31_2024, List.of(
        Filter.equalsString("service.name", "telemetrygen"), Filter.equalsString("peer.service", "telemetrygen-client")), 20));

    assertThat(result.hits()).singleElement().satisfies(hit -> {
      assertThat(hit.traceId()).isEqualTo(TELEMETRYGEN_TRACE);
      assertThat(((Trace) hit).spans()).as("the fixture's duplicate span is kept once").hasSize(1);
    });
  }

  @Test
  void streamedResultChunksOfOlderJaegerAreMerged() {
    jaeger.stubFor(get(urlPathEqualTo("/api/v3/services")).willReturn(okJson(snapshot("GetServices.json"))));
    String chunks = resultOf("fixtures/jaeger/otlp2jaeger-in.json") + "\n" + resultOf("fixtures/jaeger/example_trace.json");
    jaeger.stubFor(get(urlPathEqualTo("/api/v3/traces")).withQueryParam("query.service_name", equalTo("foo"))
        .willReturn(okJson(chunks)));

    TraceSearchResult result = store("v3").searchTraces(new TraceQuery(ALL_TIME, List.of(), 20));

    assertThat(result.hits()).extracting(TraceHit::traceId)
        .containsExactly(TELEMETRYGEN_TRACE, "00000000000000000000000000000011");
  }

  @Test
  void bodyThatIsNotJsonIsBackendUnavailable() {
    jaeger.stubFor(get(urlPathEqualTo("/api/v3/traces/00000000000000000000000000000001"))
        .willReturn(aResponse().withStatus(200).withBody("<html>login</html>")));

    assertThatThrownBy(() -> store("v3").getTrace(new TraceId("00000000000000000000000000000001")))
        .isInstanceOf(BackendUnavailableException.class)
        .hasMessageContaining("sent a response that is not valid JSON for GET /api/v3/traces/{traceId}");
  }

  @Test
  void theSameTraceReadThroughClassicAndV3DecodesToEqualSpans() {
    // otlp2jaeger-out.json is Jaeger's own rendering of otlp2jaeger-in.json in the classic envelope.
    jaeger.stubFor(get(urlPathEqualTo("/api/traces/" + TELEMETRYGEN_TRACE))
        .willReturn(okJson(Fixtures.text("fixtures/jaeger/otlp2jaeger-out.json"))));
    jaeger.stubFor(get(urlPathEqualTo("/api/v3/traces/" + TELEMETRYGEN_TRACE))
        .willReturn(okJson(resultOf("fixtures/jaeger/otlp2jaeger-in.json"))));

    Trace classic = store("classic").getTrace(new TraceId(TELEMETRYGEN_TRACE)).orElseThrow();
    Trace v3 = store("v3").getTrace(new TraceId(TELEMETRYGEN_TRACE)).orElseThrow();

    Span span = classic.spans().get(0);
    assertThat(span.spanId()).isEqualTo("e127af99e3b3e074");
    assertThat(span.parentSpanId()).isEqualTo("909541b92cf05311");
    assertThat(span.name()).isEqualTo("okey-dokey-0");
    assertThat(span.serviceName()).isEqualTo("telemetrygen");
    assertThat(span.kind()).isEqualTo(SpanKind.SERVER);
    assertThat(span.scopeName()).isEqualTo("telemetrygen");
    assertThat(span.startTime()).isEqualTo(Instant.parse("2024-01-31T05:28:29.209712Z"));
    assertThat(span.durationMs()).isEqualTo(0.123);
    // Every field, attributes and resource included: the classic mapping undoes Jaeger's OTLP translation.
    assertThat(classic).isEqualTo(v3);
  }
}
