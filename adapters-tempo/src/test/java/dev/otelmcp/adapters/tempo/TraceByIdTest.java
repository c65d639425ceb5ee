package dev.otelmcp.adapters.tempo;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.otelmcp.domain.model.AttributeValue;
import dev.otelmcp.domain.model.Span;
import dev.otelmcp.domain.model.SpanKind;
import dev.otelmcp.domain.model.StatusCode;
import dev.otelmcp.domain.model.Trace;
import dev.otelmcp.domain.model.TraceId;
import dev.otelmcp.tck.TestBackendSettings;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Trace by id: Tempo's gogo-jsonpb bodies (base64 ids, enum names) to canonical domain spans, and the choice
 * between {@code /api/v2/traces} and {@code /api/traces}, made once.
 */
class TraceByIdTest {

  @RegisterExtension
  static WireMockExtension tempo = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  private static final String ID = "42ff472d7feb6215bec0cf4e350675b2";
  private static final String V1 = "/api/traces/" + ID;
  private static final String V2 = "/api/v2/traces/" + ID;

  private TempoTraceStore store;

  private TempoTraceStore store(String apiVersion) {
    store = new TempoTraceStore(TempoConfig.from(TestBackendSettings.url(tempo.baseUrl()).with("api_version", apiVersion)));
    return store;
  }

  @AfterEach
  void close() {
    if (store != null) {
      store.close();
    }
  }

  private static WireMock wireMock() {
    return tempo.getRuntimeInfo().getWireMock();
  }

  private static String v1Body() {
    return RecordedTempo.traceBody(RecordedTempo.BY_ID, ID);
  }

  private static int calls(String path) {
    return tempo.findAll(getRequestedFor(urlPathEqualTo(path))).size();
  }

  @Test
  void theRecordedV1BodyBecomesCanonicalSpans() {
    wireMock().register(get(urlPathEqualTo(V1)).willReturn(okJson(v1Body())));

    Trace trace = store("v1").getTrace(new TraceId(ID)).orElseThrow();

    assertThat(trace.traceId()).isEqualTo(ID);
    assertThat(trace.spanCount()).isEqualTo(10);
    assertThat(trace.root().spanId()).isEqualTo("8bd834d89ba9563a");
    assertThat(trace.root().name()).isEqualTo("Agent Workflow");
    assertThat(trace.durationMs()).isEqualTo(10109.71);
    Span response = trace.spans().stream().filter(s -> s.spanId().equals("34fcf1bb3fafa39e")).findFirst().orElseThrow();
    assertThat(response.traceId()).isEqualTo(ID);
    assertThat(response.parentSpanId()).as("base64 qUtAVv3MWrg=").isEqualTo("a94b4056fdcc5ab8");
    assertThat(response.name()).isEqualTo("openai.response");
    assertThat(response.serviceName()).isEqualTo("travel-agent-demo");
    assertThat(response.kind()).isEqualTo(SpanKind.CLIENT);
    assertThat(response.status().code()).isEqualTo(StatusCode.OK);
    assertThat(response.startTime()).isEqualTo(Instant.parse("2025-11-13T13:56:27.236891Z"));
    assertThat(response.duration()).isEqualTo(Duration.ofNanos(2_223_290_000L));
    assertThat(response.attributes().get("gen_ai.usage.prompt_tokens")).contains(AttributeValue.of(313L));
    assertThat(response.resource().get("telemetry.sdk.language")).contains(AttributeValue.of("python"));
    assertThat(response.scopeName()).isEqualTo("opentelemetry.instrumentation.openai_agents");
    Span get = trace.spans().stream().filter(s -> s.spanId().equals("82f8ce5fd5ca9c84")).findFirst().orElseThrow();
    assertThat(get.status().code()).as("\"status\":{} is UNSET").isEqualTo(StatusCode.UNSET);
  }

  @Test
  void idsParsedFromAnyCaseOrBase64AreAskedForInLowerCaseHex() {
    wireMock().register(get(urlPathEqualTo(V1)).willReturn(okJson(v1Body())));
    TempoTraceStore store = store("v1");

    assertThat(store.getTrace(TraceId.parse("42FF472D7FEB6215BEC0CF4E350675B2"))).map(Trace::traceId).contains(ID);
    assertThat(store.getTrace(TraceId.parse("Qv9HLX/rYhW+wM9ONQZ1sg=="))).map(Trace::traceId).contains(ID);
    assertThat(calls(V1)).isEqualTo(2);
  }

  @Test
  void aTempoWithTheV2RouteIsAskedThereOnly() {
    wireMock().register(get(urlPathEqualTo(V2)).willReturn(okJson(RecordedTempo.v2Body(v1Body()))));
    RecordedTempo.echo(wireMock());
    TempoTraceStore store = store("auto");

    assertThat(store.getTrace(new TraceId(ID))).map(Trace::spanCount).contains(10);
    assertThat(store.getTrace(new TraceId(ID))).map(Trace::spanCount).contains(10);

    assertThat(calls(V2)).isEqualTo(2);
    assertThat(calls(V1)).isZero();
    assertThat(store.health().detail()).contains("/api/v2/traces");
  }

  @Test
  void aTempoWithoutTheV2RouteIsDetectedOnceAndAskedOnV1FromThenOn() {
    // Tempo before 2.6: the router, not the handler, answers the unknown path.
    wireMock().register(get(urlPathMatching("/api/v2/traces/.*")).willReturn(aResponse().withStatus(404)
        .withHeader("Content-Type", "text/plain; charset=utf-8").withBody("404 page not found\n")));
    wireMock().register(get(urlPathEqualTo(V1)).willReturn(okJson(v1Body())));
    RecordedTempo.unknownTraceV1(wireMock());
    RecordedTempo.echo(wireMock());
    TempoTraceStore store = store("auto");

    assertThat(store.getTrace(new TraceId(ID))).map(Trace::spanCount).contains(10);
    assertThat(store.getTrace(new TraceId(ID))).isPresent();
    assertThat(store.getTrace(new TraceId("00000000000000000000000000000000"))).isEmpty();

    assertThat(calls(V2)).as("one probe").isEqualTo(1);
    assertThat(calls(V1)).isEqualTo(2);
    assertThat(store.health().detail()).contains("/api/traces (v1)");
  }

  @Test
  void anEmptyV2TraceIsNotFound() {
    wireMock().register(get(urlPathEqualTo(V2)).willReturn(okJson("{\"trace\":{},\"metrics\":{}}")));

    assertThat(store("v2").getTrace(new TraceId(ID))).isEmpty();
  }

  @Test
  void aPartialV2TraceIsReturnedWithTheSpansTempoKept() {
    String partial = RecordedTempo.v2Body(v1Body()).replaceFirst("}$",
        ",\"status\":\"PARTIAL\",\"message\":\"Trace exceeds maximum size of 5000000 bytes, a partial trace is returned\"}");
    wireMock().register(get(urlPathEqualTo(V2)).willReturn(okJson(partial)));

    Optional<Trace> trace = store("v2").getTrace(new TraceId(ID));

    assertThat(trace).map(Trace::spanCount).contains(10);
  }

  @Test
  void anUnknownIdIsEmptyOnBothRoutes() {
    RecordedTempo.unknownTraceV1(wireMock());

    assertThat(store("v1").getTrace(new TraceId("00000000000000000000000000000000"))).isEmpty();
    store.close();
    // Not recorded on v2; WireMock's own 404 stands for Tempo's "every shard answered 404".
    assertThat(store("auto").getTrace(new TraceId("00000000000000000000000000000000"))).isEmpty();
  }
}
