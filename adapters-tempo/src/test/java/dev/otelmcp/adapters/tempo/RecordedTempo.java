package dev.otelmcp.adapters.tempo;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.client.WireMock;
import dev.otelmcp.otlp.codec.OtlpJsonDecoder;
import dev.otelmcp.domain.model.Span;
import dev.otelmcp.tck.Cassette;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * A Tempo 2.x made of real recorded responses (searches and v1 trace bodies of the OpenLLMetry demo traces
 * recorded in November 2025), plus the answers the recordings lack, written in Tempo's documented shapes.
 */
final class RecordedTempo {

  static final String DIR = "cassettes/tempo/";
  /** The recorder stripped start/end; limit and spss vary with the caller. Searches match on q. */
  static final Set<String> UNMATCHED = Set.of("start", "end", "limit", "spss");

  static final String BASIC = "TestTempoSearchTraces.test_search_traces_basic";
  static final String BY_SERVICE = "TestTempoSearchTraces.test_search_traces_with_service_filter";
  static final String BY_ERROR = "TestTempoSearchTraces.test_search_traces_with_error_filter";
  static final String BY_MODEL = "TestTempoLLMSpans.test_search_traces_with_llm_model_filter";
  static final String SERVICES = "TestTempoListServices.test_list_services";
  static final String BY_ID = "TestTempoGetTrace.test_get_trace_by_id";
  static final String UNKNOWN_ID = "TestTempoGetTrace.test_get_trace_invalid_id";

  static final String ALL = "{}";
  static final String DEMO = "{ resource.service.name = \"travel-agent-demo\" }";
  static final String ERRORS = "{ status = error }";

  /** The four traces of travel-agent-demo, newest first, as the service search recorded them. */
  static final List<String> DEMO_TRACES = List.of("42ff472d7feb6215bec0cf4e350675b2",
      "9a8cb895bee63fabb705329a05ced33b", "693bde2879b745ff467c20bf9cd2ea7a", "eed63641fc3ffa3ea40a166e2604edd2");

  private static final ObjectMapper JSON = new ObjectMapper();

  private RecordedTempo() {}

  static Cassette cassette(String name) {
    return Cassette.load(DIR + name + ".yaml");
  }

  /** The recorded search whose q is exactly {@code traceQl}. */
  static Cassette.Interaction recordedSearch(String cassette, String traceQl) {
    return cassette(cassette).find(i -> i.path().equals("/api/search") && traceQl.equals(i.queryParams().get("q")));
  }

  /** Serves the recorded answer to {@code traceQl}, whatever limit, spss and window are asked. */
  static void search(WireMock wireMock, String cassette, String traceQl) {
    Cassette.Interaction recorded = recordedSearch(cassette, traceQl);
    wireMock.register(Cassette.stubFor(recorded, UNMATCHED).willReturn(recorded.response()));
  }

  /**
   * Serves, for a query nobody recorded, the recorded answer to another query that the recorded traces answer
   * identically (e.g. {@code { traceDuration >= 0ms }} and {@code {}}: every trace lasts at least 0 ms).
   */
  static void searchAnsweredAs(WireMock wireMock, String traceQl, String cassette, String recordedTraceQl) {
    Cassette.Interaction recorded = recordedSearch(cassette, recordedTraceQl);
    wireMock.register(get(urlPathEqualTo("/api/search")).withQueryParam("q", equalTo(traceQl))
        .willReturn(recorded.response()));
  }

  /** Every {@code /api/traces/{id}} the cassette recorded (v1 shape, base64 ids, enum names). */
  static void tracesV1(WireMock wireMock, String cassette) {
    for (Cassette.Interaction interaction : cassette(cassette).interactions()) {
      if (interaction.path().startsWith("/api/traces/")) {
        wireMock.register(get(urlPathEqualTo(interaction.path())).willReturn(interaction.response()));
      }
    }
  }

  /**
   * The same traces from {@code /api/v2/traces/{id}}. No recording exists: the body is the recorded v1 body in
   * the documented v2 shape ({@code {"trace":{"resourceSpans":[…]}}}), i.e. the v1 conversion Tempo applies
   * (renaming {@code resourceSpans} to {@code batches}) undone.
   */
  static void tracesV2(WireMock wireMock, String cassette) {
    for (Cassette.Interaction interaction : cassette(cassette).interactions()) {
      if (interaction.path().startsWith("/api/traces/") && interaction.status() == 200) {
        wireMock.register(get(urlPathEqualTo(interaction.path().replace("/api/traces/", "/api/v2/traces/")))
            .willReturn(okJson(v2Body(interaction.responseBody()))));
      }
    }
  }

  static String v2Body(String v1Body) {
    return "{\"trace\":" + v1Body.replaceFirst("\"batches\":", "\"resourceSpans\":") + "}";
  }

  static String traceBody(String cassette, String traceId) {
    return cassette(cassette).findByPath("/api/traces/" + traceId).responseBody();
  }

  /** The recorded unknown-id answer: 404 with an empty body. */
  static void unknownTraceV1(WireMock wireMock) {
    Cassette.Interaction interaction = cassette(UNKNOWN_ID).findByPath("/api/traces/00000000000000000000000000000000");
    wireMock.register(get(urlPathEqualTo(interaction.path())).willReturn(interaction.response()));
  }

  /** The recorded answer to a search that matched nothing: {"traces":[],"metrics":{…}}. */
  static String emptySearchBody() {
    return recordedSearch(BY_ERROR, ERRORS).responseBody();
  }

  /** {@code GET /api/echo} as Tempo answers it (not recorded): 200, {@code echo}. */
  static void echo(WireMock wireMock) {
    wireMock.register(get(urlPathEqualTo("/api/echo"))
        .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "text/plain; charset=utf-8").withBody("echo\n")));
  }

  /**
   * The v2 tag values (not recorded), in the documented shape, with the values the recorded traces hold: the
   * two services, and the span names of travel-agent-demo's four recorded traces.
   */
  static void tagValues(WireMock wireMock) {
    wireMock.register(get(urlPathEqualTo("/api/v2/search/tag/resource.service.name/values"))
        .willReturn(okJson(tagValuesBody(List.of("travel-agent-demo2", "travel-agent-demo")))));
    wireMock.register(get(urlPathEqualTo("/api/v2/search/tag/name/values"))
        .withQueryParam("q", equalTo(DEMO))
        .willReturn(okJson(tagValuesBody(List.copyOf(spanNames(BY_SERVICE))))));
  }

  static String tagValuesBody(List<String> values) {
    ObjectNode body = JSON.createObjectNode();
    ArrayNode array = body.putArray("tagValues");
    values.forEach(v -> array.addObject().put("type", "string").put("value", v));
    body.putObject("metrics").put("inspectedBytes", "1024");
    return body.toString();
  }

  /** The span names of every trace a cassette recorded. */
  static TreeSet<String> spanNames(String cassette) {
    TreeSet<String> names = new TreeSet<>();
    OtlpJsonDecoder decoder = new OtlpJsonDecoder();
    for (Cassette.Interaction interaction : cassette(cassette).interactions()) {
      if (interaction.path().startsWith("/api/traces/")) {
        decoder.decode(interaction.responseBody()).spans().stream().map(Span::name).forEach(names::add);
      }
    }
    return names;
  }
}
