package dev.otelmcp.bootstrap.e2e;

import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.client.WireMock;
import dev.otelmcp.tck.Cassette;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A Traceloop API made of the responses recorded in November 2025 (a project holding OpenLLMetry demo traffic),
 * matched as the reference's recorder matched: method, path and body (time bounds aside).
 */
final class RecordedTraceloop {

  static final String TRACE_ID = "c4c7e548e1febe34757c208205caa53e";
  private static final String DIR = "cassettes/traceloop/";
  private static final String ROOT_SPANS = "/v2/projects/default/traces/root-spans";
  private static final String SPANS = "/v2/projects/default/spans";

  private RecordedTraceloop() {}

  static void serve(WireMock wireMock) {
    // Root spans of the week (limit 1000, every filter-less search: list_services).
    replaySearch(wireMock, "TestTraceloopListServices.test_list_services.yaml", ROOT_SPANS, 5);
    // Root spans of the day: the recorded search of that window found its 3 traces (total_results 3), so it
    // answers the same search with any limit of 3 or more.
    Cassette.Interaction day = Cassette.load(DIR + "TestTraceloopSearchTraces.test_search_traces_basic.yaml")
        .findByPath(ROOT_SPANS);
    wireMock.register(post(urlPathEqualTo(ROOT_SPANS)).atPriority(1)
        .withRequestBody(equalToJson("{\"cursor\":0,\"from_timestamp_sec\":1763205000,\"to_timestamp_sec\":1763291460}",
            true, true))
        .withRequestBody(matchingJsonPath("$.filters", equalToJson("[]")))
        .willReturn(day.response()));
    replaySearch(wireMock, "TestTraceloopLLMSpans.test_search_spans_by_llm_system.yaml", SPANS, 1);
    // The span search that gives the spans of trace c4c7e548… their service and status (its seconds, no
    // filter). The recorded newest-20 page answers it: it holds all 18 spans of that trace.
    Cassette.Interaction newest = Cassette.load(DIR + "TestTraceloopSearchSpans.test_search_spans_basic.yaml")
        .findByPath(SPANS);
    wireMock.register(post(urlPathEqualTo(SPANS)).atPriority(1)
        .withRequestBody(equalToJson("{\"limit\":1000,\"from_timestamp_sec\":1763273059,\"to_timestamp_sec\":1763273121}",
            true, true))
        .withRequestBody(matchingJsonPath("$.filters", equalToJson("[]")))
        .willReturn(newest.response()));
    Cassette trace = Cassette.load(DIR + "TestTraceloopGetTrace.test_get_trace_by_id.yaml");
    Cassette.Interaction spans = trace.findByPath("/v2/projects/default/traces/" + TRACE_ID + "/spans");
    wireMock.register(Cassette.stubFor(spans, Set.of()).atPriority(1).willReturn(spans.response()));
    // Only one trace was recorded whole; for any other id the API's recorded answer to an unknown id.
    Cassette.Interaction unknown = Cassette.load(DIR + "TestTraceloopGetTrace.test_get_trace_invalid_id.yaml")
        .find(i -> i.path().endsWith("/spans"));
    wireMock.register(get(urlPathMatching("/v2/projects/default/traces/[^/]+/spans")).atPriority(20)
        .willReturn(unknown.response()));
    // The same provider search with the status checked by otel-mcp: it reads whole pages of 1000. The recorded
    // search found all 17 spans (total_results 17), so it answers the same search with any limit of 17 or more.
    Cassette.Interaction openai = Cassette.load(DIR + "TestTraceloopLLMSpans.test_search_spans_by_llm_system.yaml")
        .findByPath(SPANS);
    wireMock.register(post(urlPathEqualTo(SPANS)).atPriority(1)
        .withRequestBody(equalToJson("{\"cursor\":0,\"limit\":1000}", true, true))
        .withRequestBody(matchingJsonPath("$.filters", equalToJson(filters(openai))))
        .willReturn(openai.response()));
    serviceSpans(wireMock, "travel-agent-demo2");
    windowScan(wireMock, newest);
  }

  /**
   * The unfiltered span search over a whole window, 1000 rows a page, by which the LLM tools read a window's calls
   * (day and week of the tests). Not recorded as such: it is answered with the recorded rows of trace c4c7e548…,
   * the only trace recorded whole (all its 18 spans are in the recorded newest-20 page), as one complete page —
   * so the LLM tools' figures are those of that trace, as when they read it whole through the trace endpoint.
   */
  private static void windowScan(WireMock wireMock, Cassette.Interaction newest) {
    ObjectMapper json = new ObjectMapper();
    ObjectNode page;
    try {
      JsonNode answer = json.readTree(newest.responseBody()).path("spans");
      List<JsonNode> rows = new ArrayList<>();
      answer.path("data").forEach(row -> {
        if (TRACE_ID.equals(row.path("trace_id").asText())) {
          rows.add(row);
        }
      });
      rows.sort(Comparator.comparingLong((JsonNode row) -> row.path("timestamp").asLong()).reversed());
      page = json.createObjectNode();
      page.putArray("data").addAll(rows);
      page.put("page_size", rows.size()).put("total_results", rows.size())
          .put("next_cursor", rows.get(rows.size() - 1).path("timestamp").asText());
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    for (long from : new long[] {1763205000L, 1762686600L}) {
      wireMock.register(post(urlPathEqualTo(SPANS)).atPriority(1)
          .withRequestBody(equalToJson("{\"limit\":1000,\"from_timestamp_sec\":" + from
              + ",\"to_timestamp_sec\":1763291460}", true, true))
          .withRequestBody(matchingJsonPath("$.filters", equalToJson("[]")))
          .willReturn(WireMock.okJson(json.createObjectNode().set("spans", page).toString())));
    }
  }

  /**
   * The span search filtered on one service, as list_operations asks it. Not recorded: it is answered with every
   * recorded search row of that service (span searches and root spans, each span once, newest first) as one
   * complete page.
   */
  private static void serviceSpans(WireMock wireMock, String service) {
    ObjectMapper json = new ObjectMapper();
    Map<String, JsonNode> bySpan = new LinkedHashMap<>();
    String[][] searches = {{"TestTraceloopSearchSpans.test_search_spans_basic.yaml", SPANS, "spans"},
        {"TestTraceloopLLMSpans.test_search_spans_by_llm_system.yaml", SPANS, "spans"},
        {"TestTraceloopListServices.test_list_services.yaml", ROOT_SPANS, "root_spans"}};
    try {
      for (String[] search : searches) {
        JsonNode answer = json.readTree(Cassette.load(DIR + search[0]).findByPath(search[1]).responseBody());
        for (JsonNode row : answer.path(search[2]).path("data")) {
          if (service.equals(row.path("service_name").asText())) {
            ObjectNode copy = row.deepCopy();
            copy.remove(List.of("total_tokens", "span_count"));
            bySpan.putIfAbsent(copy.path("span_id").asText(), copy);
          }
        }
      }
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    List<JsonNode> rows = new ArrayList<>(bySpan.values());
    rows.sort(Comparator.comparingLong((JsonNode row) -> row.path("timestamp").asLong()).reversed());
    ObjectNode page = json.createObjectNode();
    page.putArray("data").addAll(rows);
    page.put("page_size", rows.size()).put("total_results", rows.size())
        .put("next_cursor", rows.get(rows.size() - 1).path("timestamp").asText());
    wireMock.register(post(urlPathEqualTo(SPANS)).atPriority(2)
        .withRequestBody(equalToJson("{\"cursor\":0}", true, true))
        .withRequestBody(matchingJsonPath("$.filters", equalToJson("[{\"field\":\"service.name\",\"operator\":"
            + "\"equals\",\"value\":\"" + service + "\",\"value_type\":\"string\"}]")))
        .willReturn(WireMock.okJson(json.createObjectNode().set("spans", page).toString())));
  }

  private static String filters(Cassette.Interaction interaction) {
    try {
      return new ObjectMapper().readTree(interaction.requestBody()).path("filters").toString();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /** A recorded search, matched on its body and exactly its filters. */
  private static void replaySearch(WireMock wireMock, String file, String path, int priority) {
    Cassette.Interaction interaction = Cassette.load(DIR + file).findByPath(path);
    wireMock.register(Cassette.stubFor(interaction, Set.of()).atPriority(priority)
        .withRequestBody(matchingJsonPath("$.filters", equalToJson(filters(interaction))))
        .willReturn(interaction.response()));
  }
}
