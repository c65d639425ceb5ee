package dev.otelmcp.adapters.traceloop;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.otelmcp.backend.toolkit.feign.FeignClients;
import dev.otelmcp.domain.port.BackendSettings;
import dev.otelmcp.tck.Cassette;
import dev.otelmcp.tck.TestBackendSettings;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.function.Predicate;

/** The recorded Traceloop traffic, read from the test classpath only. */
final class Fixtures {

  static final ObjectMapper JSON = FeignClients.mapper();

  static final String ROOT_SPANS = "/v2/projects/default/traces/root-spans";
  static final String SPANS = "/v2/projects/default/spans";
  static final String TRACE_ID = "c4c7e548e1febe34757c208205caa53e";
  static final String TRACE_SPANS = "/v2/projects/default/traces/" + TRACE_ID + "/spans";
  static final String WAREHOUSE = "/v2/warehouse/spans";

  /** A made-up key: tests check it is sent and never shown. */
  static final String KEY = "tl-Key-7c1e9d0b5a";

  private Fixtures() {}

  /** Settings with the URL and the API key (the Traceloop backend needs both). */
  static TestBackendSettings settings(String url) {
    return TestBackendSettings.url(url).with(BackendSettings.API_KEY, KEY);
  }

  static Cassette cassette(String name) {
    return Cassette.load("cassettes/traceloop/" + name + ".yaml");
  }

  /** The first interaction of a cassette whose request satisfies the predicate. */
  static Cassette.Interaction interaction(String cassette, Predicate<Cassette.Interaction> which) {
    return cassette(cassette).find(which);
  }

  static Cassette.Interaction interaction(String cassette, String path) {
    return cassette(cassette).findByPath(path);
  }

  /** A recorded response body as JSON. */
  static JsonNode body(String cassette, String path) {
    return json(interaction(cassette, path).responseBody());
  }

  static JsonNode json(String text) {
    try {
      return JSON.readTree(text);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static <T> T read(JsonNode node, Class<T> type) {
    try {
      return JSON.treeToValue(node, type);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The recorded row of a span, from a search or trace answer ({@code data} arrays or {@code spans} arrays). */
  static Wire.WireSpan row(String cassette, String path, String spanId) {
    JsonNode body = body(cassette, path);
    for (JsonNode rows : new JsonNode[] {body.path("spans"), body.path("spans").path("data"),
        body.path("root_spans").path("data")}) {
      for (JsonNode row : rows) {
        if (spanId.equals(row.path("span_id").asText())) {
          return read(row, Wire.WireSpan.class);
        }
      }
    }
    throw new IllegalArgumentException("no span " + spanId + " in " + cassette);
  }
}
