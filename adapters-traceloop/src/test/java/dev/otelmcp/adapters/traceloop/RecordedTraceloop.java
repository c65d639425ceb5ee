package dev.otelmcp.adapters.traceloop;

import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.WireMock;
import dev.otelmcp.tck.Cassette;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A Traceloop API made of the recorded answers (Nov 2025, a project holding OpenLLMetry demo traffic).
 *
 * <p>Searches are matched on their recorded body (extra fields such as the time bounds allowed, which the
 * recorder stripped) and on exactly the recorded filters, so that an unfiltered recording never answers a
 * filtered request.
 */
final class RecordedTraceloop {

  static final String TRACE_CASSETTE = "TestTraceloopGetTrace.test_get_trace_by_id";
  static final String SPANS_BASIC = "TestTraceloopSearchSpans.test_search_spans_basic";
  /** The seconds in which the spans of trace c4c7e548… started: its span search window. */
  static final long TRACE_FROM_SEC = 1763273059L;
  static final long TRACE_TO_SEC = 1763273121L;

  private static final Set<String> TIME_BOUNDS = Set.of("start_time", "end_time");

  private RecordedTraceloop() {}

  /** Every recording the store tests use. */
  static void serve(WireMock wireMock) {
    search(wireMock, "TestTraceloopSearchTraces.test_search_traces_basic", Fixtures.ROOT_SPANS);
    search(wireMock, "TestTraceloopSearchTraces.test_search_traces_with_limit", Fixtures.ROOT_SPANS);
    search(wireMock, TRACE_CASSETTE, Fixtures.ROOT_SPANS);
    search(wireMock, "TestTraceloopListServices.test_list_services", Fixtures.ROOT_SPANS);
    search(wireMock, SPANS_BASIC, Fixtures.SPANS);
    search(wireMock, "TestTraceloopSearchSpans.test_search_spans_with_limit", Fixtures.SPANS);
    search(wireMock, "TestTraceloopLLMSpans.test_search_spans_by_llm_system", Fixtures.SPANS);
    search(wireMock, "TestTraceloopSearchTraces.test_search_spans_with_llm_model_filter", Fixtures.SPANS);
    search(wireMock, "TestTraceloopSearchSpans.test_search_spans_with_service_filter", Fixtures.SPANS);
    replay(wireMock, Fixtures.interaction(TRACE_CASSETTE, Fixtures.TRACE_SPANS));
    serviceSpans(wireMock, "travel-agent-demo2");
    serviceSpans(wireMock, "joke_generator");
    replay(wireMock, Fixtures.interaction("TestTraceloopBackendHealth.test_health_check_healthy", Fixtures.WAREHOUSE));
    traceDetails(wireMock);
    unknownTraces(wireMock);
  }

  /**
   * The span search that completes trace c4c7e548… with service and status (its window, limit 1000, no
   * filter). Not recorded as such; the recorded newest-20 page answers it: it holds all 18 spans of the trace,
   * and the 2 rows of an older trace in it are ignored by the store.
   */
  static void traceDetails(WireMock wireMock) {
    Cassette.Interaction newest = Fixtures.interaction(SPANS_BASIC, Fixtures.SPANS);
    wireMock.register(post(urlPathEqualTo(Fixtures.SPANS)).atPriority(1)
        .withRequestBody(equalToJson("{\"filters\":[],\"environments\":[\"prd\"],\"cursor\":0,\"limit\":1000,"
            + "\"from_timestamp_sec\":" + TRACE_FROM_SEC + ",\"to_timestamp_sec\":" + TRACE_TO_SEC + "}", true, true))
        .withRequestBody(matchingJsonPath("$.filters", equalToJson("[]")))
        .willReturn(newest.response()));
  }

  /**
   * The span search filtered on one service (as {@code list_operations} asks it, from the first page). Not
   * recorded as such: the answer holds every recorded search row of that service, from the recorded span searches
   * and the recorded root spans (without the two fields only root-span rows have), newest first, with the paging
   * fields of a complete answer.
   */
  static void serviceSpans(WireMock wireMock, String service) {
    wireMock.register(post(urlPathEqualTo(Fixtures.SPANS)).atPriority(2)
        .withRequestBody(equalToJson("{\"cursor\":0}", true, true))
        .withRequestBody(matchingJsonPath("$.filters", equalToJson("[{\"field\":\"service.name\",\"operator\":"
            + "\"equals\",\"value\":\"" + service + "\",\"value_type\":\"string\"}]")))
        .willReturn(okJson(page("spans", recordedRows(service)))));
  }

  /** Every recorded search row of a service, each span once, newest first. */
  static List<ObjectNode> recordedRows(String service) {
    return recordedRows(row -> service.equals(row.path("service_name").asText()));
  }

  /**
   * Every recorded search row the predicate keeps (the recorded searches ran without time bounds and some with a
   * filter, but every row is a real row of the unfiltered span search), each span once, newest first.
   */
  static List<ObjectNode> recordedRows(java.util.function.Predicate<JsonNode> kept) {
    Map<String, ObjectNode> bySpan = new LinkedHashMap<>();
    List<String[]> searches = List.of(new String[] {SPANS_BASIC, Fixtures.SPANS, "spans"},
        new String[] {"TestTraceloopLLMSpans.test_search_spans_by_llm_system", Fixtures.SPANS, "spans"},
        new String[] {"TestTraceloopSearchTraces.test_search_spans_with_llm_model_filter", Fixtures.SPANS, "spans"},
        new String[] {"TestTraceloopListServices.test_list_services", Fixtures.ROOT_SPANS, "root_spans"});
    for (String[] search : searches) {
      for (JsonNode row : Fixtures.body(search[0], search[1]).path(search[2]).path("data")) {
        if (kept.test(row)) {
          ObjectNode copy = row.deepCopy();
          copy.remove(List.of("total_tokens", "span_count"));
          bySpan.putIfAbsent(copy.path("span_id").asText(), copy);
        }
      }
    }
    List<ObjectNode> rows = new ArrayList<>(bySpan.values());
    rows.sort(Comparator.comparingLong((ObjectNode row) -> row.path("timestamp").asLong()).reversed());
    return rows;
  }

  /** An answer holding exactly these rows, complete: its total is its size, its cursor the last row's timestamp. */
  static String page(String envelope, List<? extends JsonNode> rows) {
    ObjectNode page = Fixtures.JSON.createObjectNode();
    page.putArray("data").addAll(rows);
    page.put("page_size", rows.size());
    page.put("total_results", rows.size());
    page.put("next_cursor", rows.isEmpty() ? "-1" : rows.get(rows.size() - 1).path("timestamp").asText());
    ObjectNode body = Fixtures.JSON.createObjectNode();
    body.set(envelope, page);
    return body.toString();
  }

  /** Any other trace id: the API's recorded answer for an id it does not hold, {@code {"spans":null}}. */
  static void unknownTraces(WireMock wireMock) {
    Cassette.Interaction unknown = Fixtures.interaction("TestTraceloopGetTrace.test_get_trace_invalid_id",
        i -> i.path().endsWith("/spans"));
    wireMock.register(get(urlPathMatching("/v2/projects/default/traces/[^/]+/spans")).atPriority(20)
        .willReturn(unknown.response()));
  }

  /** One recorded search, matched on its body and exactly its filters. */
  static void search(WireMock wireMock, String cassette, String path) {
    for (Cassette.Interaction interaction : Fixtures.cassette(cassette).interactions()) {
      if (interaction.path().equals(path) && interaction.method().equals("POST")) {
        wireMock.register(exactFilters(Cassette.stubFor(interaction, Set.of()), interaction).atPriority(3)
            .willReturn(interaction.response()));
      }
    }
  }

  private static void replay(WireMock wireMock, Cassette.Interaction interaction) {
    wireMock.register(Cassette.stubFor(interaction, TIME_BOUNDS).willReturn(interaction.response()));
  }

  static MappingBuilder exactFilters(MappingBuilder mapping, Cassette.Interaction interaction) {
    JsonNode filters = Fixtures.json(interaction.requestBody()).path("filters");
    return mapping.withRequestBody(matchingJsonPath("$.filters", equalToJson(filters.toString())));
  }

  /**
   * A page the API would answer but which was not recorded, made of recorded rows: rows {@code from} (inclusive)
   * to {@code to} (exclusive) of a recorded page, with the API's paging fields for them (next cursor: the last
   * row's timestamp). {@code total_results} is kept only where the recorded search is the same search.
   *
   * @param envelope {@code root_spans} or {@code spans}
   */
  static String rows(String cassette, String path, String envelope, int from, int to, boolean sameSearch) {
    JsonNode recorded = Fixtures.body(cassette, path).path(envelope);
    ObjectNode page = Fixtures.JSON.createObjectNode();
    var data = page.putArray("data");
    for (int i = from; i < to; i++) {
      data.add(recorded.path("data").path(i));
    }
    page.put("page_size", to - from);
    if (sameSearch) {
      page.put("total_results", recorded.path("total_results").asLong());
    }
    page.put("next_cursor", recorded.path("data").path(to - 1).path("timestamp").asText());
    ObjectNode body = Fixtures.JSON.createObjectNode();
    body.set(envelope, page);
    return body.toString();
  }
}
