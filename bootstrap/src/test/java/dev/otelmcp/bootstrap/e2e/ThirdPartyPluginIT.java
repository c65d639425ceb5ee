package dev.otelmcp.bootstrap.e2e;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.notFound;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The sample third-party plug-in (samples/zipkin-backend, built before this module) in the packaged server, laid
 * out as its README says — a directory holding its jar and its own Jackson — against a fake Zipkin serving the
 * sample's fixtures: the tools answer through it, with its own class loader.
 */
class ThirdPartyPluginIT {

  private static final Path SAMPLE = Path.of("..", "samples", "zipkin-backend");
  private static final Map<String, Object> WINDOW =
      Map.of("start_time", "2025-11-24T15:00:00Z", "end_time", "2025-11-24T17:00:00Z");

  @RegisterExtension
  static WireMockExtension zipkin = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  @TempDir
  Path tmp;

  @Test
  void theSampleZipkinPluginAnswersToolCallsInThePackagedServer() throws IOException {
    Path plugins = zipkinPluginDirectory();
    serveFixtures();

    try (ServerProcess server = ServerProcess.start("--plugins-dir", plugins.toString(), "--backend", "zipkin",
        "--url", zipkin.baseUrl())) {
      assertThat(server.ok("list_services", Map.of()).get("services")).isEqualTo(List.of("retriever", "support-bot"));

      Map<String, Object> traces = server.ok("search_traces", WINDOW);
      assertThat(traces.get("count")).isEqualTo(2);

      Map<String, Object> usage = server.ok("get_llm_usage", WINDOW);
      assertThat((Map<String, Object>) usage.get("totals")).containsEntry("request_count", 2)
          .containsEntry("error_count", 1).containsEntry("input_tokens", 812 + 640).containsEntry("output_tokens", 164);

      Map<String, Object> errors = server.ok("search_traces", Map.of("start_time", "2025-11-24T15:00:00Z",
          "end_time", "2025-11-24T17:00:00Z", "has_error", true));
      assertThat(errors.get("count")).as("applied by otel-mcp: the plug-in evaluates service.name only").isEqualTo(1);

      assertThat(server.error("get_trace", Map.of("trace_id", "00000000000000000000000000000bad")))
          .containsEntry("code", "NOT_FOUND");
    }
  }

  /** plugins/zipkin/: the sample's jar and the libraries its build put beside it. */
  private Path zipkinPluginDirectory() throws IOException {
    Path target = SAMPLE.resolve("target");
    Path jar = target.resolve("otel-mcp-zipkin-backend-1.0.0.jar");
    assertThat(jar).as("the sample plug-in is built before bootstrap (run mvn -B verify from the repository root)")
        .exists();
    Path plugin = Files.createDirectories(tmp.resolve("plugins").resolve("zipkin"));
    Files.copy(jar, plugin.resolve(jar.getFileName()));
    try (Stream<Path> libraries = Files.list(target.resolve("plugin"))) {
      for (Path library : libraries.toList()) {
        Files.copy(library, plugin.resolve(library.getFileName()));
      }
    }
    return plugin.getParent();
  }

  private static void serveFixtures() throws IOException {
    zipkin.stubFor(get(urlPathEqualTo("/api/v2/services")).willReturn(okJson(fixture("services.json"))));
    zipkin.stubFor(get(urlPathEqualTo("/api/v2/spans")).withQueryParam("serviceName", equalTo("support-bot"))
        .willReturn(okJson(fixture("spans-support-bot.json"))));
    zipkin.stubFor(get(urlPathEqualTo("/api/v2/traces")).atPriority(9).willReturn(okJson("[]")));
    zipkin.stubFor(get(urlPathEqualTo("/api/v2/traces")).withQueryParam("serviceName", absent())
        .willReturn(okJson(fixture("traces-all.json"))));
    zipkin.stubFor(get(urlPathMatching("/api/v2/trace/.*")).willReturn(notFound().withBody("Trace not found")));
  }

  private static String fixture(String name) throws IOException {
    return Files.readString(SAMPLE.resolve("src/test/resources/zipkin").resolve(name), StandardCharsets.UTF_8);
  }
}
