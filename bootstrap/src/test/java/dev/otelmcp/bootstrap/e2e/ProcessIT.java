package dev.otelmcp.bootstrap.e2e;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import dev.otelmcp.bootstrap.plugin.PluginJars;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** The process as a user meets it: flags, exit codes, a clean stdout, failing backends, plug-ins. */
class ProcessIT {

  @RegisterExtension
  static WireMockExtension jaeger = WireMockExtension.newInstance()
      .options(WireMockConfiguration.wireMockConfig().dynamicPort()).build();

  @TempDir
  Path tmp;

  /** Result of running the jar to completion. */
  record Run(int status, String stdout, String stderr) {}

  private static Run run(String stdin, String... args) throws Exception {
    List<String> command = new ArrayList<>(List.of(ServerProcess.java(), "-jar", ServerProcess.jar().toString()));
    command.addAll(List.of(args));
    Process process = new ProcessBuilder(command).start();
    process.getOutputStream().write(stdin.getBytes(StandardCharsets.UTF_8));
    process.getOutputStream().close();
    if (!process.waitFor(60, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new AssertionError("otel-mcp did not exit after stdin closed");
    }
    return new Run(process.exitValue(),
        new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8),
        new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8));
  }

  @Test
  void helpPrintsUsageAndExitsZero() throws Exception {
    Run run = run("", "--help");

    assertThat(run.status()).isZero();
    assertThat(run.stdout()).contains("Usage: java -jar otel-mcp.jar").contains("--backend").contains("BACKEND_URL")
        .contains("jaeger");
  }

  @Test
  void versionPrintsTheVersion() throws Exception {
    Run run = run("", "--version");

    assertThat(run.status()).isZero();
    assertThat(run.stdout().strip()).matches("otel-mcp \\d+\\.\\d+\\.\\d+.*");
  }

  @Test
  void anUnknownBackendExitsWithStatusTwoListingTheBackends() throws Exception {
    Run run = run("", "--backend", "zipkin");

    assertThat(run.status()).isEqualTo(2);
    assertThat(run.stderr()).contains("unknown backend 'zipkin'; available backends: ").contains("jaeger");
    assertThat(run.stdout()).isEmpty();
  }

  @Test
  void aToolNameThatIsNoToolExitsWithStatusTwoListingTheTools() throws Exception {
    Run run = run("", "--tools", "get_llm_usage,get_usage");

    assertThat(run.status()).isEqualTo(2);
    assertThat(run.stderr()).contains("--tools: 'get_usage' is no tool; the tools are: ").contains("list_services");
    assertThat(run.stdout()).isEmpty();
  }

  @Test
  void onlyTheSelectedToolsAreListedAndCallable() {
    Path samples = Path.of(System.getProperty("otelmcp.samples", "../samples"));
    try (ServerProcess server = ServerProcess.start("--load", samples.toString(), "--load-rebase", "--no-persist",
        "--otlp-port", "0", "--tools", "list_services,get_llm_usage,search_traces", "--disable-tools",
        "search_traces")) {
      assertThat(server.client().listTools().tools()).extracting(tool -> tool.name())
          .containsExactly("list_services", "get_llm_usage");
      assertThat(server.ok("get_llm_usage", Map.of())).containsKey("totals");
      assertThat(server.error("search_traces", Map.of()).get("message").toString()).contains("search_traces");
    }
  }

  @Test
  void stdoutCarriesOnlyJsonRpcAndTheProcessEndsWithItsInput() throws Exception {
    RecordedJaeger.serve(jaeger.getRuntimeInfo().getWireMock());
    String session = String.join("\n",
        "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{\"protocolVersion\":\"2025-06-18\","
            + "\"capabilities\":{},\"clientInfo\":{\"name\":\"probe\",\"version\":\"1\"}}}",
        "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}",
        "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"tools/list\"}",
        "{\"jsonrpc\":\"2.0\",\"id\":3,\"method\":\"tools/call\",\"params\":{\"name\":\"list_services\",\"arguments\":{}}}",
        "") ;
    Process process = new ProcessBuilder(ServerProcess.java(), "-jar", ServerProcess.jar().toString(),
        "--backend", "jaeger", "--url", jaeger.baseUrl(), "--log-level", "debug").start();
    process.getOutputStream().write(session.getBytes(StandardCharsets.UTF_8));
    process.getOutputStream().flush();
    ObjectMapper json = new ObjectMapper();
    List<JsonNode> messages = new ArrayList<>();
    var reader = new java.io.BufferedReader(new java.io.InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
    while (messages.size() < 3) {
      String line = reader.readLine();
      assertThat(line).as("stdout ended early").isNotNull();
      messages.add(json.readTree(line));
    }
    process.getOutputStream().close();
    assertThat(process.waitFor(30, TimeUnit.SECONDS)).as("exits when stdin closes").isTrue();
    String rest = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    String stderr = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);

    assertThat(messages).allSatisfy(m -> assertThat(m.path("jsonrpc").asText()).isEqualTo("2.0"));
    assertThat(messages).extracting(m -> m.path("id").asInt()).containsExactly(1, 2, 3);
    assertThat(messages.get(2).at("/result/structuredContent/count").asInt()).isEqualTo(4);
    assertThat(rest.strip()).isEmpty();
    assertThat(stderr).contains("serving MCP on stdio");
  }

  /**
   * What tools/list costs an assistant's context, held to a ceiling: the whole answer at most 40 KB, and what a
   * model is shown of it (names, descriptions, input schemas) at most 16 KB. A change that grows past it fails here.
   */
  @Test
  void toolDefinitionsStayLean() throws Exception {
    String session = String.join("\n",
        "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{\"protocolVersion\":\"2025-11-25\","
            + "\"capabilities\":{},\"clientInfo\":{\"name\":\"probe\",\"version\":\"1\"}}}",
        "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}",
        "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"tools/list\"}", "");
    Process process = new ProcessBuilder(ServerProcess.java(), "-jar", ServerProcess.jar().toString(),
        "--no-persist", "--otlp-port", "0").start();
    process.getOutputStream().write(session.getBytes(StandardCharsets.UTF_8));
    process.getOutputStream().flush();
    ObjectMapper json = new ObjectMapper();
    var reader = new java.io.BufferedReader(new java.io.InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
    JsonNode list = null;
    while (list == null) {
      JsonNode message = json.readTree(reader.readLine());
      if (message.path("id").asInt() == 2) {
        list = message.get("result");
      }
    }
    process.getOutputStream().close();
    process.waitFor(30, TimeUnit.SECONDS);

    int total = json.writeValueAsBytes(list).length;
    var shown = json.createArrayNode();
    for (JsonNode tool : list.get("tools")) {
      shown.addObject().put("name", tool.get("name").asText()).put("description", tool.get("description").asText())
          .set("inputSchema", tool.get("inputSchema"));
      tool.at("/inputSchema/properties").fields().forEachRemaining(p -> assertThat(p.getValue().path("description").asText())
          .as("%s.%s is described", tool.get("name").asText(), p.getKey()).isNotBlank());
    }
    int modelVisible = json.writeValueAsBytes(shown).length;
    assertThat(total).as("tools/list bytes").isLessThanOrEqualTo(40 * 1024);
    assertThat(modelVisible).as("names, descriptions and input schemas").isLessThanOrEqualTo(16 * 1024);
  }

  @Test
  @SuppressWarnings("unchecked")
  void anOperatorPriceFileOverridesTheTableAndABadOneStopsTheStart() throws Exception {
    java.nio.file.Path prices = java.nio.file.Files.writeString(tmp.resolve("prices.yaml"),
        "source: self-hosted mini\nprices:\n  - model: gpt-4o-mini*\n    input_mtok: 0\n    output_mtok: 0\n");
    java.nio.file.Path broken = java.nio.file.Files.writeString(tmp.resolve("broken.yaml"),
        "prices:\n  - model: gpt-4o-mini*\n    input_mtokk: 1\n");
    String samples = java.nio.file.Path.of(System.getProperty("otelmcp.samples", "../samples")).toString();

    try (ServerProcess server = ServerProcess.start("--load", samples, "--load-rebase", "--no-persist", "--otlp-port", "0",
        "--prices", prices.toString())) {
      Map<String, Object> usage = server.ok("get_llm_usage", Map.of());
      List<Map<String, Object>> models = (List<Map<String, Object>>) usage.get("by_model");
      assertThat(models).filteredOn(m -> ((String) m.get("name")).startsWith("gpt-4o-mini")).isNotEmpty()
          .allSatisfy(m -> assertThat(((Number) m.get("cost_usd")).doubleValue()).isZero());
      assertThat(models).filteredOn(m -> ((String) m.get("name")).startsWith("gpt-4o-2024"))
          .allSatisfy(m -> assertThat(((Number) m.get("cost_usd")).doubleValue()).isPositive());
      List<Map<String, Object>> sources = (List<Map<String, Object>>) ((Map<String, Object>) usage.get("scope"))
          .get("price_sources");
      assertThat(sources).extracting(source -> source.get("name")).containsExactly("self-hosted mini", "genai-prices");
    }
    Run refused = run("", "--prices", broken.toString(), "--no-persist", "--otlp-port", "0");
    assertThat(refused.status()).isEqualTo(2);
    assertThat(refused.stderr()).contains("--prices").contains("prices[0].input_mtokk is not a known field");
  }

  @Test
  void garbageLinesAndUnknownToolsAreAnsweredAndTheSessionGoesOn() throws Exception {
    String session = String.join("\n",
        "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{\"protocolVersion\":\"2025-11-25\","
            + "\"capabilities\":{},\"clientInfo\":{\"name\":\"probe\",\"version\":\"1\"}}}",
        "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}",
        "this is not json",
        "   ",
        "\uFEFF{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"ping\"}",
        "[{\"jsonrpc\":\"2.0\",\"id\":3,\"method\":\"ping\"}]",
        "{\"jsonrpc\":\"2.0\",\"id\":null,\"method\":\"ping\"}",
        "{\"jsonrpc\":\"2.0\",\"id\":4,\"method\":\"ping\",\"params\":" + "[".repeat(1000) + "]".repeat(1000) + "}",
        "{\"jsonrpc\":\"2.0\",\"id\":5,\"method\":\"tools/call\",\"params\":{\"name\":\"get_traces\",\"arguments\":{}}}",
        "{\"jsonrpc\":\"2.0\",\"id\":6,\"method\":\"tools/call\",\"params\":{\"name\":\"list_services\",\"arguments\":{}}}",
        "");
    Process process = new ProcessBuilder(ServerProcess.java(), "-jar", ServerProcess.jar().toString(),
        "--no-persist", "--otlp-port", "0").start();
    process.getOutputStream().write(session.getBytes(StandardCharsets.UTF_8));
    process.getOutputStream().flush();
    ObjectMapper json = new ObjectMapper();
    Map<String, JsonNode> byId = new java.util.HashMap<>();
    List<JsonNode> withoutId = new ArrayList<>();
    var reader = new java.io.BufferedReader(new java.io.InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
    while (!byId.containsKey("6")) {
      String line = reader.readLine();
      assertThat(line).as("stdout ended early").isNotNull();
      JsonNode message = json.readTree(line);
      if (message.path("id").isNull()) {
        withoutId.add(message);
      } else {
        byId.put(message.path("id").asText(), message);
      }
    }
    process.getOutputStream().close();
    assertThat(process.waitFor(30, TimeUnit.SECONDS)).as("exits when stdin closes").isTrue();

    assertThat(byId.get("2").has("result")).as("a BOM-prefixed ping is answered").isTrue();
    assertThat(withoutId).as("not JSON, a batch, a null id, 1000-deep nesting").hasSize(4)
        .allSatisfy(m -> assertThat(m.at("/error/code").asInt()).isIn(-32700, -32600));
    assertThat(byId.get("5").at("/result/isError").asBoolean()).isTrue();
    assertThat(byId.get("5").at("/result/content/0/text").asText()).contains("'get_traces'").contains("get_trace,");
    assertThat(byId.get("6").at("/result/structuredContent/services").isArray()).isTrue();
    assertThat(process.exitValue()).isZero();
  }

  @Test
  void aDeadBackendIsBackendUnavailableAndTheServerKeepsServing() throws IOException {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0)) {
      closedPort = socket.getLocalPort();
    }
    try (ServerProcess server = ServerProcess.start("--backend", "jaeger", "--url", "http://127.0.0.1:" + closedPort,
        "--timeout", "2s")) {
      long started = System.nanoTime();
      Map<String, Object> first = server.error("list_services", Map.of());
      long elapsedMs = (System.nanoTime() - started) / 1_000_000;
      Map<String, Object> second = server.error("search_traces", Map.of("service_name", "x"));

      assertThat(first).containsEntry("code", "BACKEND_UNAVAILABLE");
      assertThat((String) first.get("message")).contains("127.0.0.1:" + closedPort);
      assertThat(first.get("hint")).isNotNull();
      assertThat(elapsedMs).as("fails within the configured timeout, not after a long hang").isLessThan(10_000);
      assertThat(second).containsEntry("code", "BACKEND_UNAVAILABLE");
    }
  }

  @Test
  void aBackendSlowerThanTheTimeoutFailsAndTheNextCallSucceeds() {
    RecordedJaeger.serve(jaeger.getRuntimeInfo().getWireMock());
    // The first /api/services answer takes longer than the timeout; later ones are prompt.
    jaeger.stubFor(get(urlPathEqualTo("/api/services")).inScenario("slow-then-fast")
        .whenScenarioStateIs(Scenario.STARTED).atPriority(1)
        .willReturn(aResponse().withFixedDelay(8_000).withStatus(200).withBody("{\"data\":[]}"))
        .willSetStateTo("fast"));
    try (ServerProcess server = ServerProcess.start("--backend", "jaeger", "--url", jaeger.baseUrl(),
        "--timeout", "1s")) {
      Map<String, Object> slow = server.error("list_services", Map.of());
      Map<String, Object> fast = server.ok("list_services", Map.of());

      assertThat(slow).containsEntry("code", "BACKEND_UNAVAILABLE");
      assertThat(fast).containsEntry("count", 4);
    }
  }

  @Test
  void aThirdPartyBackendInThePluginDirectoryAnswersToolCalls() throws IOException {
    Path plugins = tmp.resolve("plugins");
    PluginJars.acmeBackend(plugins);

    try (ServerProcess server = ServerProcess.start("--plugins-dir", plugins.toString(), "--backend", "acme")) {
      assertThat(server.ok("list_services", Map.of()).get("services")).isEqualTo(List.of("acme-checkout", "acme-payments"));
      Map<String, Object> traces = server.ok("search_traces", Map.of("start_time", "2026-11-22T00:00:00Z",
          "end_time", "2026-11-23T00:00:00Z"));
      assertThat(traces.get("count")).isEqualTo(1);
    }
  }

  @Test
  void aPluginJarWithoutARegistrationIsReportedAtStart() throws Exception {
    Path plugins = tmp.resolve("plugins");
    PluginJars.unregisteredBackend(plugins);

    Run run = run("", "--plugins-dir", plugins.toString(), "--backend", "acme");

    assertThat(run.status()).isEqualTo(2);
    assertThat(run.stderr()).contains("forgot-the-services-file.jar registers no backend")
        .contains("unknown backend 'acme'");
  }
}
