package dev.otelmcp.tck;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.request;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.client.WireMock;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * A VCR (vcrpy) cassette: real HTTP traffic recorded against a backend, replayed through WireMock so
 * adapter tests run against what the backend really sends, not against invented JSON.
 */
public record Cassette(String name, List<Interaction> interactions) {

  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
  private static final Set<String> HOP_BY_HOP_HEADERS =
      Set.of("content-length", "transfer-encoding", "content-encoding", "connection", "date");

  /** One recorded request and its response. */
  public record Interaction(
      String method,
      URI uri,
      String requestBody,
      int status,
      Map<String, String> responseHeaders,
      String responseBody) {

    public String path() {
      return uri.getRawPath();
    }

    /** Decoded query parameters (first value of each). */
    public Map<String, String> queryParams() {
      Map<String, String> params = new LinkedHashMap<>();
      String query = uri.getRawQuery();
      if (query == null || query.isEmpty()) {
        return params;
      }
      for (String pair : query.split("&")) {
        int eq = pair.indexOf('=');
        String key = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
        String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
        params.putIfAbsent(key, value);
      }
      return params;
    }

    /** A WireMock response replaying this interaction, headers included. */
    public ResponseDefinitionBuilder response() {
      ResponseDefinitionBuilder response = aResponse().withStatus(status).withBody(responseBody);
      responseHeaders.forEach((k, v) -> {
        if (!HOP_BY_HOP_HEADERS.contains(k.toLowerCase(java.util.Locale.ROOT))) {
          response.withHeader(k, v);
        }
      });
      return response;
    }
  }

  /** Loads a cassette from the test classpath, e.g. {@code cassettes/jaeger/TestX.test_y.yaml}. */
  public static Cassette load(String resource) {
    try (InputStream in = Cassette.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalArgumentException("no cassette on the classpath: " + resource);
      }
      JsonNode root = YAML.readTree(in);
      List<Interaction> interactions = new ArrayList<>();
      for (JsonNode node : root.path("interactions")) {
        JsonNode request = node.path("request");
        JsonNode response = node.path("response");
        Map<String, String> headers = new LinkedHashMap<>();
        response.path("headers").properties().forEach(e -> headers.put(e.getKey(),
            e.getValue().isArray() ? e.getValue().path(0).asText() : e.getValue().asText()));
        JsonNode requestBody = request.path("body");
        interactions.add(new Interaction(
            request.path("method").asText(),
            URI.create(request.path("uri").asText()),
            requestBody.isNull() || requestBody.isMissingNode() ? "" : requestBody.asText(),
            response.path("status").path("code").asInt(),
            headers,
            response.path("body").path("string").asText()));
      }
      return new Cassette(resource, List.copyOf(interactions));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The first interaction whose request satisfies the predicate. */
  public Interaction find(Predicate<Interaction> predicate) {
    return interactions.stream().filter(predicate).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("no such interaction in " + name));
  }

  /** The first interaction for a request path. */
  public Interaction findByPath(String path) {
    return find(i -> i.path().equals(path));
  }

  /**
   * Registers every interaction as a stub matching method, path and the recorded query parameters
   * (except {@code ignoredParams}, which the recorder stripped or which vary by call, such as time
   * bounds) and, for requests with a JSON body, the recorded body with extra fields allowed.
   */
  public void replay(WireMock wireMock, Set<String> ignoredParams) {
    for (Interaction interaction : interactions) {
      wireMock.register(stubFor(interaction, ignoredParams).willReturn(interaction.response()));
    }
  }

  /** The request-matching half of a stub for one interaction. */
  public static MappingBuilder stubFor(Interaction interaction, Set<String> ignoredParams) {
    MappingBuilder mapping = request(interaction.method(), urlPathEqualTo(interaction.path()));
    int matched = 0;
    for (Map.Entry<String, String> param : interaction.queryParams().entrySet()) {
      if (!ignoredParams.contains(param.getKey())) {
        mapping.withQueryParam(param.getKey(), equalTo(param.getValue()));
        matched++;
      }
    }
    // When several recordings match a request, the one with the most matching parameters wins.
    mapping.atPriority(Math.max(1, 10 - matched));
    if (!interaction.requestBody().isBlank() && interaction.requestBody().trim().startsWith("{")) {
      mapping.withRequestBody(equalToJson(interaction.requestBody(), true, true));
    }
    return mapping;
  }
}
