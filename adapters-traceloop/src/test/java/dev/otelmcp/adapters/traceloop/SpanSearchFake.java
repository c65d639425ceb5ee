package dev.otelmcp.adapters.traceloop;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * {@code POST …/spans} over rows held in memory, answering as the recorded API does: rows of the request's whole
 * seconds and environments, newest second first but in no time order within a second (as the recorded pages
 * are), at most {@code limit} rows, {@code total_results} counting every match, {@code next_cursor} the last row's
 * timestamp ({@code "-1"} for an empty page). A cursor keeps the rows that started before it: what the API does with
 * it is not documented, and this is the reading under which a cursor taken inside a second loses rows.
 * Filters: {@code service.name} and {@code span_name} with {@code equals}/{@code not_equals}; any other filter is
 * answered 400, so a test notices what it did not expect to be sent.
 */
final class SpanSearchFake implements ResponseDefinitionTransformerV2 {

  static final String NAME = "span-search-fake";

  /** Seconds descending; inside a second, an order unrelated to time (by the span id read backwards). */
  static final Comparator<JsonNode> API_ORDER = Comparator
      .comparingLong((JsonNode row) -> Math.floorDiv(row.path("timestamp").asLong(), 1000L)).reversed()
      .thenComparing(row -> new StringBuilder(row.path("span_id").asText()).reverse().toString());

  private final List<JsonNode> rows = new CopyOnWriteArrayList<>();

  void holds(List<? extends JsonNode> held) {
    List<JsonNode> sorted = new ArrayList<>(held);
    sorted.sort(API_ORDER);
    rows.clear();
    rows.addAll(sorted);
  }

  @Override
  public String getName() {
    return NAME;
  }

  @Override
  public boolean applyGlobally() {
    return false;
  }

  @Override
  public ResponseDefinition transform(ServeEvent event) {
    JsonNode request = Fixtures.json(event.getRequest().getBodyAsString());
    long from = request.path("from_timestamp_sec").asLong() * 1000;
    long to = request.path("to_timestamp_sec").asLong() * 1000;
    long cursor = request.path("cursor").asLong();
    int limit = request.path("limit").asInt();
    List<JsonNode> matches = new ArrayList<>();
    for (JsonNode row : rows) {
      long ts = row.path("timestamp").asLong();
      if (ts < from || ts >= to || !environment(request, row)) {
        continue;
      }
      Boolean kept = filtersKeep(request.path("filters"), row);
      if (kept == null) {
        return ResponseDefinitionBuilder.responseDefinition().withStatus(400)
            .withBody("{\"error\":\"unsupported filter\"}").build();
      }
      if (kept) {
        matches.add(row);
      }
    }
    List<JsonNode> page = new ArrayList<>();
    for (JsonNode row : matches) {
      if (page.size() < limit && (cursor <= 0 || row.path("timestamp").asLong() < cursor)) {
        page.add(row);
      }
    }
    ObjectNode body = Fixtures.JSON.createObjectNode();
    ObjectNode spans = body.putObject("spans");
    spans.putArray("data").addAll(page);
    spans.put("page_size", page.size());
    spans.put("total_results", matches.size());
    spans.put("next_cursor", page.isEmpty() ? "-1" : page.get(page.size() - 1).path("timestamp").asText());
    return ResponseDefinitionBuilder.responseDefinition().withStatus(200)
        .withHeader("Content-Type", "application/json").withBody(body.toString())
        .withFixedDelay(event.getResponseDefinition().getFixedDelayMilliseconds()).build();
  }

  private static boolean environment(JsonNode request, JsonNode row) {
    for (JsonNode environment : request.path("environments")) {
      if (environment.asText().equals(row.path("environment").asText())) {
        return true;
      }
    }
    return false;
  }

  /** Whether every filter keeps the row; null when a filter is not one this fake knows. */
  private static Boolean filtersKeep(JsonNode filters, JsonNode row) {
    for (JsonNode filter : filters) {
      String column = switch (filter.path("field").asText()) {
        case "service.name" -> "service_name";
        case "span_name" -> "span_name";
        default -> null;
      };
      String operator = filter.path("operator").asText();
      if (column == null || !(operator.equals("equals") || operator.equals("not_equals"))) {
        return null;
      }
      boolean same = row.path(column).asText().equals(filter.path("value").asText());
      if (same != operator.equals("equals")) {
        return false;
      }
    }
    return true;
  }
}
