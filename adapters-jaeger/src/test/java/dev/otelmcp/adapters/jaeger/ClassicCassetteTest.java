package dev.otelmcp.adapters.jaeger;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.otelmcp.domain.model.AttributeValue;
import dev.otelmcp.domain.model.Operation;
import dev.otelmcp.domain.model.Span;
import dev.otelmcp.domain.model.SpanKind;
import dev.otelmcp.domain.model.StatusCode;
import dev.otelmcp.domain.model.TimeRange;
import dev.otelmcp.domain.model.Trace;
import dev.otelmcp.domain.model.TraceHit;
import dev.otelmcp.domain.model.TraceId;
import dev.otelmcp.domain.model.Traces;
import dev.otelmcp.domain.port.TraceSearchResult;
import dev.otelmcp.domain.query.Filter;
import dev.otelmcp.domain.query.FilterOperator;
import dev.otelmcp.domain.query.TraceQuery;
import dev.otelmcp.tck.TestBackendSettings;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The classic /api against real Jaeger v2 traffic recorded by the reference implementation's tests. */
class ClassicCassetteTest {

  @RegisterExtension
  static WireMockExtension jaeger = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  private static final TimeRange NOV_11_TO_14 =
      new TimeRange(Instant.parse("2025-11-11T00:00:00Z"), Instant.parse("2025-11-14T00:00:00Z"));

  private JaegerTraceStore store;

  private JaegerTraceStore replay(String cassette, String... settings) {
    Fixtures.cassette(cassette).replay(jaeger.getRuntimeInfo().getWireMock(), Set.of("start", "end", "tags"));
    TestBackendSettings config = TestBackendSettings.url(jaeger.baseUrl());
    for (int i = 0; i < settings.length; i += 2) {
      config.with(settings[i], settings[i + 1]);
    }
    store = new JaegerTraceStore(JaegerConfig.from(config));
    return store;
  }

  @AfterEach
  void close() {
    if (store != null) {
      store.close();
    }
  }

  @Test
  void servicesAreSortedAndUnique() {
    List<String> services = replay("TestJaegerListServices.test_list_services").listServices(NOV_11_TO_14);

    assertThat(services).containsExactly("jaeger", "model-comparison", "trace-analyzer-agent", "travel-agent-demo");
  }

  @Test
  void operationsOfAService() {
    List<Operation> operations = replay("TestJaegerServiceOperations.test_get_service_operations")
        .listOperations("trace-analyzer-agent", NOV_11_TO_14);

    assertThat(operations).extracting(Operation::name)
        .containsExactly("openai.chat", "tools/list.mcp", "initialize.mcp", "search_traces.tool");
    assertThat(operations).allSatisfy(op -> assertThat(op.spanKind()).isEmpty());
  }

  @Test
  void traceByIdMapsTheUiModelToDomainSpans() {
    Trace trace = replay("TestJaegerGetTrace.test_get_trace_by_id")
        .getTrace(TraceId.parse("0A133B2FFA5D05FAF89FE1F489CB020E")).orElseThrow();

    assertThat(trace.traceId()).isEqualTo("0a133b2ffa5d05faf89fe1f489cb020e");
    Span span = trace.spans().get(0);
    assertThat(trace.spans()).hasSize(1);
    assertThat(span.spanId()).isEqualTo("8a526433ee1e70cb");
    assertThat(span.isRoot()).isTrue();
    assertThat(span.name()).isEqualTo("/api/services");
    assertThat(span.serviceName()).isEqualTo("jaeger");
    assertThat(span.kind()).isEqualTo(SpanKind.SERVER);
    assertThat(span.status().code()).isEqualTo(StatusCode.UNSET);
    assertThat(span.startTime()).isEqualTo(Instant.parse("2025-11-13T13:01:48.559873Z"));
    assertThat(span.duration()).isEqualTo(Duration.ofNanos(1_576_000));
    assertThat(span.scopeName()).isEqualTo("go.opentelemetry.io/contrib/instrumentation/net/http/otelhttp");
    assertThat(span.attributes().get("http.response.status_code")).contains(AttributeValue.of(200L));
    assertThat(span.attributes().get("http.route")).contains(AttributeValue.of("/api/services"));
    assertThat(span.attributes().get("otel.scope.version")).contains(AttributeValue.of("0.62.0"));
    assertThat(span.attributes().keys()).doesNotContain("span.kind", "otel.scope.name").hasSize(14);
    assertThat(span.resource().asMap()).containsEntry("service.name", AttributeValue.of("jaeger"))
        .containsEntry("host.name", AttributeValue.of("9e02ac46f7f5"))
        .containsEntry("telemetry.sdk.version", AttributeValue.of("1.37.0"))
        .hasSize(6);
    assertThat(span.events()).isEmpty();
    assertThat(span.links()).isEmpty();
    jaeger.verify(getRequestedFor(urlPathEqualTo("/api/traces/0a133b2ffa5d05faf89fe1f489cb020e")));
  }

  @Test
  void unknownTraceIsEmpty() {
    // The recorded 404: {"data":null,…,"errors":[{"code":404,"msg":"trace not found"}]} as text/plain.
    assertThat(replay("TestJaegerGetTrace.test_get_trace_invalid_id", "api_version", "classic")
        .getTrace(new TraceId("00000000000000000000000000000000"))).isEmpty();
  }

  @Test
  void searchByServiceReturnsWholeTracesNewestFirstAndSendsMicroseconds() {
    TraceSearchResult result = replay("TestJaegerSearchTraces.test_search_traces_basic").searchTraces(
        new TraceQuery(NOV_11_TO_14, List.of(Filter.equalsString("service.name", "jaeger")), 10));

    assertThat(result.hits()).hasSize(10).isSortedAccordingTo(Traces.NEWEST_FIRST);
    assertThat(result.hits().get(0).traceId()).isEqualTo("0a133b2ffa5d05faf89fe1f489cb020e");
    assertThat(result.hits()).allSatisfy(hit -> assertThat(hit).isInstanceOf(Trace.class));
    assertThat(result.mayHaveMore()).as("Jaeger returned as many as asked").isTrue();
    jaeger.verify(getRequestedFor(urlPathEqualTo("/api/traces"))
        .withQueryParam("service", equalTo("jaeger"))
        .withQueryParam("limit", equalTo("10"))
        .withQueryParam("start", equalTo("1762819200000000"))
        .withQueryParam("end", equalTo("1763078400000000")));
  }

  @Test
  void errorFilterIsPushedAsATagAndReCheckedOnTheReturnedTraces() {
    Filter errors = Filter.equalsString("status", "ERROR");
    TraceSearchResult result = replay("TestJaegerSearchTraces.test_search_traces_with_error_filter").searchTraces(
        new TraceQuery(NOV_11_TO_14, List.of(Filter.equalsString("service.name", "jaeger"), errors), 10));

    // The recording holds the reference's unfiltered answer (10 traces); six of them failed.
    assertThat(result.hits()).extracting(TraceHit::traceId).containsExactly(
        "27c89f0bedca520adf874fb5a2c9d7f4", "7c99e184607854405c6b7c710237cc9a", "9dad0fbd40bb6c67a5d47a0ca478c441",
        "9118c026cdd270ba42f3d1bdacee1a5f", "e7932a2c99def9ad022dbddd1a8cf9cf", "630b5de079516eadb159fa8f78b8e219");
    assertThat(result.hits()).allSatisfy(hit -> assertThat(((Trace) hit).hasErrors()).isTrue());
    jaeger.verify(getRequestedFor(urlPathEqualTo("/api/traces"))
        .withQueryParam("tags", equalToJson("{\"error\":\"true\"}")));
  }

  @Test
  void errorSpansFromJaegerTagsHaveErrorStatusWithoutTheMappingTags() {
    Trace trace = (Trace) replay("TestJaegerSearchTraces.test_search_traces_with_error_filter").searchTraces(
        new TraceQuery(NOV_11_TO_14, List.of(Filter.equalsString("service.name", "jaeger"),
            Filter.equalsString("trace_id", "7c99e184607854405c6b7c710237cc9a")), 10)).hits().get(0);

    Span span = trace.root();
    assertThat(span.status().code()).isEqualTo(StatusCode.ERROR);
    assertThat(span.attributes().keys()).doesNotContain("error", "otel.status_code", "otel.status_description");
  }

  @Test
  void minimumDurationIsSentAsAGoDuration() {
    TraceSearchResult result = replay("TestJaegerSearchTraces.test_search_traces_with_duration_filter").searchTraces(
        new TraceQuery(NOV_11_TO_14, List.of(Filter.equalsString("service.name", "jaeger"),
            Filter.number("duration", FilterOperator.GTE, 100)), 10));

    assertThat(result.hits()).singleElement().satisfies(hit -> {
      assertThat(hit.traceId()).isEqualTo("1d734c967c68f583f71156dcdfeaa552");
      assertThat(hit.duration()).isEqualTo(Duration.ofNanos(174_013_000));
    });
    assertThat(result.mayHaveMore()).isFalse();
    jaeger.verify(getRequestedFor(urlPathEqualTo("/api/traces")).withQueryParam("minDuration", equalTo("100ms")));
  }

  @Test
  void aTagValueWithAStarReachesJaegerEncodedOnce() {
    replay("TestJaegerSearchTraces.test_search_traces_basic").searchTraces(new TraceQuery(NOV_11_TO_14, List.of(
        Filter.equalsString("service.name", "jaeger"), Filter.equalsString("http.route", "/api/*/latencies")), 10));

    jaeger.verify(getRequestedFor(urlPathEqualTo("/api/traces"))
        .withQueryParam("tags", equalToJson("{\"http.route\":\"/api/*/latencies\"}")));
  }

  @Test
  void operationFilterIsSentAsOperation() {
    TraceSearchResult result = replay("TestJaegerSearchTraces.test_search_traces_with_operation").searchTraces(
        new TraceQuery(NOV_11_TO_14, List.of(Filter.equalsString("service.name", "jaeger"),
            Filter.equalsString("name", "/api/metrics/latencies")), 10));

    assertThat(result.hits()).hasSize(10)
        .allSatisfy(hit -> assertThat(((Trace) hit).rootOperation()).isEqualTo("/api/metrics/latencies"));
    jaeger.verify(getRequestedFor(urlPathEqualTo("/api/traces"))
        .withQueryParam("operation", equalTo("/api/metrics/latencies")));
  }

  @Test
  void limitIsSentAndHonoured() {
    TraceSearchResult result = replay("TestJaegerSearchTraces.test_search_traces_with_limit").searchTraces(
        new TraceQuery(NOV_11_TO_14, List.of(Filter.equalsString("service.name", "jaeger")), 5));

    assertThat(result.hits()).hasSize(5);
    assertThat(result.mayHaveMore()).isTrue();
  }

  @Test
  void healthNamesTheApiAndTheServiceCount() {
    assertThat(replay("TestJaegerListServices.test_list_services").health().detail())
        .isEqualTo("Jaeger at " + jaeger.baseUrl() + ", the classic /api, 4 services");
  }
}
