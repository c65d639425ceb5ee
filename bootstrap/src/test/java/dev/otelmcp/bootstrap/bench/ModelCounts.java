package dev.otelmcp.bootstrap.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A {@code list_llm_models} answer reduced to what both servers state: the calls per model row. Rows need not match
 * one to one — otel-mcp counts a failed call (which names no answering model) in the row of the model that answered
 * calls asking for the same name, autotel-mcp in a row of the requested name — but every call is in exactly one row.
 */
record ModelCounts(Map<String, Long> callsByModel) {

  long calls() {
    return callsByModel.values().stream().mapToLong(Long::longValue).sum();
  }

  @SuppressWarnings("unchecked")
  static ModelCounts ofOtelMcp(Map<String, Object> structured) {
    Map<String, Long> counts = new TreeMap<>();
    for (Map<String, Object> row : (List<Map<String, Object>>) structured.get("models")) {
      counts.put((String) row.get("model"), ((Number) row.get("request_count")).longValue());
    }
    return new ModelCounts(counts);
  }

  static ModelCounts ofAutotel(JsonNode answer) {
    Map<String, Long> counts = new TreeMap<>();
    JsonNode models = answer.path("data").path("models");
    if (!models.isArray()) {
      throw new IllegalStateException("autotel-mcp answered without models: " + answer);
    }
    for (JsonNode row : models) {
      counts.put(row.path("model").asText(), row.path("requestCount").asLong());
    }
    return new ModelCounts(counts);
  }

  @Override
  public String toString() {
    return String.format("%d models, %,d calls %s", callsByModel.size(), calls(), callsByModel);
  }
}
