package dev.otelmcp.bootstrap.e2e;

import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static org.assertj.core.api.Assertions.assertThat;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.extension.Extension;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * One dataset through every backend: the repository's 47 sample traces (real instrumentation output) served as the
 * built-in store, a Jaeger, a Tempo and a Traceloop API, each fake answering from the same span list, and a real
 * ClickHouse engine holding the same spans in both variants of the Collector exporter's schema; the same tool calls
 * go to six server processes and every answer must equal the built-in store's, field by field, once what
 * legitimately differs is taken out ({@link ParityDiff}). A difference a backend cannot avoid is documented in the
 * README's section of that backend and asserted here as such ({@link ParityDiff#KNOWN}). Traceloop's trace search
 * lists root spans, so for the tools that search traces, traces whose root span was never exported (the samples
 * have some: OpenLLMetry JS does not end a failed workflow's span) are compared with a built-in store holding only
 * the traces that have a root; its LLM aggregates read the window's spans through the span search and see those
 * traces too.
 */
@SuppressWarnings("unchecked")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class BackendParityIT {

  private static ParityDataset data;
  private static final List<WireMockServer> FAKES = new ArrayList<>();
  private static final Map<String, ServerProcess> SERVERS = new LinkedHashMap<>();
  /**
   * Tools answered from span search on Traceloop, which sees every span (the LLM aggregates through its own LLM
   * call scan); the others search root spans.
   */
  private static final Set<String> SPAN_SEARCH_TOOLS = Set.of("search_spans", "list_operations", "get_llm_usage",
      "list_llm_models", "get_llm_model_stats", "compare_llm_models", "list_llm_tools", "get_llm_expensive_traces",
      "get_llm_slow_traces");
  private static ServerProcess rootedStore;
  private static WireMockServer traceloopApi;

  @BeforeAll
  static void start() throws Exception {
    data = ParityDataset.load(Path.of("..", "samples"), Instant.now());
    Path dir = data.writeOtlpJson(Files.createTempDirectory("parity"));
    SERVERS.put("otlp", ServerProcess.start("--load", dir.toString(), "--otlp-port", "0", "--no-persist"));
    // What Traceloop's trace search can see: it lists root spans, so a trace whose root was never exported is not found.
    Path rooted = data.rootedOnly().writeOtlpJson(Files.createTempDirectory("parity-rooted"));
    rootedStore = ServerProcess.start("--load", rooted.toString(), "--otlp-port", "0", "--no-persist");
    SERVERS.put("jaeger", ServerProcess.start("--backend", "jaeger", "--url", fake(new JaegerFake(data.traces()))));
    SERVERS.put("tempo", ServerProcess.start("--backend", "tempo", "--url", fake(new TempoFake(data.traces()))));
    String traceloop = fake(new TraceloopFake(data.traces()));
    traceloopApi = FAKES.get(FAKES.size() - 1);
    SERVERS.put("traceloop", ServerProcess.start("--backend", "traceloop", "--url", traceloop,
        "--api-key", "tl-parity-key-0123456789"));
    // A real ClickHouse engine holding the spans as the Collector's clickhouse exporter writes them, both variants.
    var clickhouse = ClickHouseParity.load(data);
    SERVERS.put("clickhouse", ServerProcess.start(ClickHouseParity.arguments(clickhouse, ClickHouseParity.MAP_DATABASE)));
    SERVERS.put("clickhouse-json",
        ServerProcess.start(ClickHouseParity.arguments(clickhouse, ClickHouseParity.JSON_DATABASE)));
  }

  private static String fake(Extension answers) {
    WireMockServer server = new WireMockServer(WireMockConfiguration.wireMockConfig().dynamicPort()
        .containerThreads(20).extensions(answers));
    server.start();
    server.stubFor(any(anyUrl()).willReturn(com.github.tomakehurst.wiremock.client.WireMock.ok()));
    FAKES.add(server);
    return server.baseUrl();
  }

  @AfterAll
  static void stop() {
    SERVERS.values().forEach(ServerProcess::close);
    rootedStore.close();
    FAKES.forEach(WireMockServer::stop);
  }

  private static Map<String, Object> with(Object... more) {
    Map<String, Object> arguments = new LinkedHashMap<>(data.window());
    for (int i = 0; i < more.length; i += 2) {
      arguments.put((String) more[i], more[i + 1]);
    }
    return arguments;
  }

  /** The calls, in order; the model arguments are read from the built-in store's own model list. */
  static Stream<String> tools() {
    return Stream.of("get_llm_usage", "list_llm_models", "get_llm_model_stats", "compare_llm_models", "list_llm_tools",
        "get_llm_expensive_traces", "get_llm_slow_traces", "list_services", "list_operations", "find_errors",
        "search_spans", "search_traces");
  }

  private static Map<String, Object> arguments(String tool) {
    return switch (tool) {
      case "get_llm_model_stats" -> with("model_name", "gpt-4o-mini");
      case "compare_llm_models" -> with("models", List.of("gpt-4o-mini", "gpt-4.1"));
      case "list_operations" -> with("service_name", "support-bot");
      case "search_spans" -> with("has_error", true, "limit", 100);
      case "search_traces" -> with("service_name", "travel-agent", "limit", 100);
      case "get_llm_expensive_traces", "get_llm_slow_traces" -> with("limit", 50);
      default -> with();
    };
  }

  @ParameterizedTest
  @Order(1)
  @MethodSource("tools")
  void everyBackendAnswersAsTheBuiltInStore(String tool) {
    Map<String, Object> arguments = arguments(tool);
    Map<String, Object> expected = SERVERS.get("otlp").ok(tool, arguments);
    List<String> problems = new ArrayList<>();
    for (Map.Entry<String, ServerProcess> backend : SERVERS.entrySet()) {
      if (backend.getKey().equals("otlp")) {
        continue;
      }
      boolean traceloop = backend.getKey().equals("traceloop");
      if (traceloop) {
        traceloopApi.resetRequests();
      }
      Map<String, Object> actual = backend.getValue().ok(tool, arguments);
      if (traceloop) {
        // What each answer costs on the API (the README's Traceloop table says it per tool).
        System.out.println("TRACELOOP REQUESTS " + tool + ": " + traceloopApi.getAllServeEvents().size());
      }
      Map<String, Object> reference = expected;
      if (backend.getKey().equals("traceloop") && !SPAN_SEARCH_TOOLS.contains(tool)) {
        reference = rootedStore.ok(tool, arguments);
      }
      List<String> found = ParityDiff.compare(backend.getKey(), tool, reference, actual);
      if (!found.isEmpty()) {
        System.out.println("PARITY " + backend.getKey() + " " + tool + ": " + actual);
        found.forEach(d -> System.out.println("PARITYDIFF " + d));
      }
      problems.addAll(found);
    }
    assertThat(problems).as(tool + ": differences from the built-in store").isEmpty();
  }

  /**
   * ClickHouse returns every trace as the built-in store does, summary and every span in full: the JSON variant
   * exactly; the Map variant holds every attribute value as the text the exporter wrote, which it gives back as
   * such (documented, {@link ParityDiff#KNOWN}).
   */
  @Test
  @Order(2)
  void clickHouseReturnsEveryTraceAsTheBuiltInStore() {
    List<String> problems = new ArrayList<>();
    for (var trace : data.traces()) {
      for (Map<String, Object> arguments : List.of(Map.<String, Object>of("trace_id", trace.traceId()),
          Map.<String, Object>of("trace_id", trace.traceId(), "view", "spans"))) {
        Map<String, Object> expected = SERVERS.get("otlp").ok("get_trace", arguments);
        for (String backend : List.of("clickhouse", "clickhouse-json")) {
          problems.addAll(ParityDiff.compare(backend, "get_trace", expected, SERVERS.get(backend).ok("get_trace", arguments)));
        }
      }
    }
    assertThat(problems).as("get_trace: differences from the built-in store").isEmpty();
  }

  /**
   * The documented differences are real: each was seen, and the samples do hold traces without a root span, which
   * Traceloop's trace search cannot find (so the comparison with the rooted store above means something) but its
   * LLM aggregates count.
   */
  @Test
  @Order(3)
  void theDocumentedDifferencesAreTheOnlyOnesAndStillExist() {
    assertThat(ParityDiff.unseen()).as("documented differences no backend showed (update the README)").isEmpty();
    int all = requests(SERVERS.get("otlp"));
    assertThat(requests(rootedStore)).as("LLM calls in traces without a root span").isLessThan(all);
    assertThat(requests(SERVERS.get("traceloop"))).as("Traceloop's LLM calls, rootless traces included").isEqualTo(all);
    Map<String, Object> traces = SERVERS.get("traceloop").ok("search_traces", with("limit", 100));
    Map<String, Object> rootedTraces = rootedStore.ok("search_traces", with("limit", 100));
    assertThat((List<?>) traces.get("traces")).as("Traceloop's trace search lists only traces with a root")
        .hasSameSizeAs((List<?>) rootedTraces.get("traces"));
  }

  private static int requests(ServerProcess server) {
    Map<String, Object> totals = (Map<String, Object>) server.ok("get_llm_usage", with()).get("totals");
    return ((Number) totals.get("request_count")).intValue();
  }
}
