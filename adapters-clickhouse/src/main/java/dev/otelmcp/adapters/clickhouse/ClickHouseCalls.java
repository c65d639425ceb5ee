package dev.otelmcp.adapters.clickhouse;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.otelmcp.backend.toolkit.feign.FeignCalls;
import dev.otelmcp.backend.toolkit.feign.StatusErrorDecoder;
import feign.Response;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs statements ({@link FeignCalls}, with ClickHouse's hints) and reads their JSONEachRow answers: one JSON
 * object per line. An answer that is not such lines (a proxy's page, an error ClickHouse wrote after it had begun
 * answering) is an unavailable backend, not an empty result.
 */
final class ClickHouseCalls {

  static final String UNREACHABLE_HINT = "Check that ClickHouse is running and that BACKEND_URL (or --url) points at"
      + " its HTTP interface (default " + ClickHouseConfig.DEFAULT_URL + "); raise BACKEND_TIMEOUT if it is just slow.";

  private final ClickHouseApi api;
  private final FeignCalls calls;
  private final ObjectMapper mapper;
  private final StatusErrorDecoder statusErrors;

  /** Takes the rows of a streamed answer one by one. */
  @FunctionalInterface
  interface RowReader {
    /** Reads a row; {@code false} to stop reading (the rest of the answer is not fetched). */
    boolean read(JsonNode row);
  }

  ClickHouseCalls(ClickHouseApi api, ClickHouseConfig config, ObjectMapper mapper) {
    this.api = api;
    this.statusErrors = ClickHouseHttp.statusErrors(config);
    this.calls = new FeignCalls(config.failures(), UNREACHABLE_HINT,
        "Check that BACKEND_URL points at ClickHouse's HTTP interface, not at a UI page or a proxy's login page.");
    this.mapper = mapper;
  }

  FeignCalls feignCalls() {
    return calls;
  }

  /** The rows of a statement ending in {@code FORMAT JSONEachRow}. */
  List<JsonNode> rows(String what, Sql sql) {
    byte[] body = calls.call(what, () -> api.query(encoded(sql.params()), sql.text()));
    return calls.parse(what, body, this::lines);
  }

  /**
   * The rows of a statement ending in {@code FORMAT JSONCompactEachRowWithNames}, handed to the reader as they arrive,
   * each as an object of its columns: an answer of millions of rows is never held whole. The compact format writes
   * the column names once (the first line) and each row as an array, which ClickHouse writes in half the time of one
   * object per row, and a third fewer bytes. Stopping early closes the answer. A status error is the domain's
   * exception, as for {@link #rows}; an answer that breaks off, or in which ClickHouse wrote an error after it had
   * begun answering, is an unavailable backend.
   */
  void stream(String what, Sql sql, RowReader reader) {
    calls.call(what, () -> {
      try (Response response = api.queryStreamed(encoded(sql.params()), sql.text())) {
        if (response.status() < 200 || response.status() > 299) {
          Exception failure = statusErrors.decode(what, response);
          throw failure instanceof RuntimeException runtime ? runtime : new IllegalStateException(failure);
        }
        if (response.body() != null) {
          read(what, response.body(), reader);
        }
      }
      return null;
    });
  }

  private void read(String what, Response.Body answer, RowReader reader) {
    try (InputStream body = answer.asInputStream(); JsonParser p = mapper.createParser(body)) {
      List<String> names = new ArrayList<>();
      for (JsonToken token = p.nextToken(); token != null; token = p.nextToken()) {
        if (token != JsonToken.START_ARRAY) {
          throw new JsonParseException(p, "a JSONCompactEachRow line is not a JSON array");
        }
        JsonNode line = mapper.readTree(p);
        if (names.isEmpty()) {
          line.forEach(name -> names.add(name.asText()));
          continue;
        }
        if (line.size() != names.size()) {
          throw new JsonParseException(p, "a row has " + line.size() + " values for " + names.size() + " columns");
        }
        ObjectNode row = mapper.createObjectNode();
        for (int i = 0; i < names.size(); i++) {
          row.set(names.get(i), line.get(i));
        }
        if (!reader.read(row)) {
          return;
        }
      }
    } catch (JsonProcessingException e) {
      throw calls.unreadable(what, true, e.getOriginalMessage(), e);
    } catch (IOException e) {
      throw calls.failures().unreachable(what, e, UNREACHABLE_HINT);
    }
  }

  /** {@code GET /ping}. */
  void ping() {
    calls.call("GET /ping", api::ping);
  }

  /** One JSON object per line, read off the body by the parser (no copy of the body as text). */
  private List<JsonNode> lines(byte[] body) throws IOException {
    List<JsonNode> rows = new ArrayList<>();
    try (JsonParser p = mapper.createParser(body)) {
      for (JsonToken token = p.nextToken(); token != null; token = p.nextToken()) {
        if (token != JsonToken.START_OBJECT) {
          throw new JsonParseException(p, "a JSONEachRow line is not a JSON object");
        }
        rows.add(mapper.readTree(p));
      }
    }
    return rows;
  }

  /**
   * {@code param_<name>} to the pct-encoded value (braces and all: Feign must not read them as templates). Every
   * character but letters, digits and {@code . - _} is encoded: {@code URLEncoder} leaves {@code *} as it is, and
   * Feign takes a value holding one for not yet encoded and encodes it again ({@code %} as {@code %25}).
   */
  private static Map<String, String> encoded(Map<String, String> params) {
    Map<String, String> query = new LinkedHashMap<>();
    params.forEach((name, value) -> query.put("param_" + name,
        URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20").replace("*", "%2A")));
    return query;
  }
}
