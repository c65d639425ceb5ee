package dev.otelmcp.bootstrap.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import io.modelcontextprotocol.spec.McpSchema.TextContent;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Every tool against every remote backend while the backend misbehaves — the recorded answers spoiled by
 * {@link Chaos}: 30% transient failures (503, 429 with Retry-After, resets), broken bodies, a second of latency on
 * everything. Each call is checked against the same call on the unspoiled recordings: under transient faults it must
 * still answer, and a complete answer must be the same answer; broken bodies give coded errors; nothing takes longer
 * than the call deadline plus a second. The figures go to the README.
 */
@SuppressWarnings("unchecked")
class FaultInjectionIT {

  private static final int ROUNDS = 10;
  private static final int SLOW_DEADLINE_SECONDS = 5;
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Chaos chaos = new Chaos();
  private final WireMockServer backend = new WireMockServer(WireMockConfiguration.wireMockConfig().dynamicPort()
      .containerThreads(40).extensions(chaos));

  /** One backend as the tests see it: how to serve its recordings, how to start otel-mcp on it, what to call. */
  private record Scenario(String name, Consumer<WireMock> serve, Function<String, List<String>> args,
      Map<String, Map<String, Object>> calls) {}

  /** What one call answered. */
  private record Outcome(boolean error, String code, boolean partial, Map<String, Object> content, long millis) {}

  @AfterEach
  void stop() {
    backend.stop();
  }

  private static Map<String, Object> with(Map<String, Object> base, Object... more) {
    Map<String, Object> arguments = new LinkedHashMap<>(base);
    for (int i = 0; i < more.length; i += 2) {
      arguments.put((String) more[i], more[i + 1]);
    }
    return arguments;
  }

  /** The thirteen tools, each with arguments the backend's recordings answer. */
  private static Map<String, Map<String, Object>> everyTool(Map<String, Object> window, Map<String, Object> operations,
      Map<String, Object> scoped, Map<String, Object> spans, String traceId, String model, String otherModel) {
    Map<String, Map<String, Object>> calls = new LinkedHashMap<>();
    calls.put("list_services", window);
    calls.put("list_operations", operations);
    calls.put("search_traces", with(scoped, "limit", 10));
    calls.put("search_spans", spans);
    calls.put("get_trace", Map.of("trace_id", traceId));
    calls.put("find_errors", window);
    calls.put("get_llm_usage", scoped);
    calls.put("list_llm_models", scoped);
    calls.put("get_llm_model_stats", with(scoped, "model_name", model));
    calls.put("get_llm_expensive_traces", scoped);
    calls.put("get_llm_slow_traces", scoped);
    calls.put("list_llm_tools", scoped);
    calls.put("compare_llm_models", with(scoped, "models", List.of(model, otherModel)));
    return calls;
  }

  private static Scenario jaeger() {
    Map<String, Object> window = JaegerLlmToolsIT.WINDOW;
    return new Scenario("jaeger", wm -> {
      try {
        JaegerLlmToolsIT.serveGenaiTrace(wm);
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    }, url -> List.of("--backend", "jaeger", "--url", url),
        everyTool(window, with(window, "service_name", "coding-agent"), with(window, "service_name", "coding-agent"),
            with(window, "limit", 20),
            JaegerLlmToolsIT.TRACE_ID, "model-a", "model-b"));
  }

  private static Scenario tempo() {
    Map<String, Object> day = Map.of("start_time", "2025-11-13T00:00:00Z", "end_time", "2025-11-14T00:00:00Z");
    Map<String, Object> demo = with(day, "service_name", "travel-agent-demo");
    return new Scenario("tempo", TempoToolsIT::serveRecordedTempo,
        url -> List.of("--backend", "tempo", "--url", url, "--backend-option", "tenant=travel-team"),
        everyTool(day, demo, demo, with(demo, "operation_name", "openai.response", "limit", 3),
            "42ff472d7feb6215bec0cf4e350675b2", "gpt-4o-2024-08-06", "gpt-4o-mini-2024-07-18"));
  }

  private static Scenario traceloop() {
    Map<String, Object> day = TraceloopToolsIT.DAY;
    return new Scenario("traceloop", RecordedTraceloop::serve,
        url -> List.of("--backend", "traceloop", "--url", url + "/v2", "--api-key", TraceloopToolsIT.KEY),
        everyTool(TraceloopToolsIT.WEEK, with(TraceloopToolsIT.WEEK, "service_name", "travel-agent-demo2"), day,
            with(day, "gen_ai_system", "openai", "limit", 20), TraceloopToolsIT.TRACE_ID, "gpt-4o-mini-2024-07-18",
            "gpt-4o-2024-08-06"));
  }

  private Outcome call(ServerProcess server, String tool, Map<String, Object> arguments) throws Exception {
    long started = System.nanoTime();
    CallToolResult result = server.call(tool, arguments);
    long millis = (System.nanoTime() - started) / 1_000_000;
    if (Boolean.TRUE.equals(result.isError())) {
      String text = ((TextContent) result.content().get(0)).text();
      return new Outcome(true, JSON.readTree(text).at("/error/code").asText(), false, null, millis);
    }
    Map<String, Object> content = (Map<String, Object>) result.structuredContent();
    Object scope = content.get("scope");
    boolean partial = scope instanceof Map<?, ?> s && Boolean.TRUE.equals(s.get("partial"));
    return new Outcome(false, null, partial, content, millis);
  }

  private ServerProcess start(Scenario scenario, String... more) {
    List<String> args = new ArrayList<>(scenario.args().apply(backend.baseUrl()));
    args.addAll(List.of(more));
    return ServerProcess.start(args.toArray(String[]::new));
  }

  private void run(Scenario scenario) throws Exception {
    backend.start();
    scenario.serve().accept(new WireMock(backend.port()));
    int transientCalls = 0;
    int answered = 0;
    int partial = 0;
    int brokenCoded = 0;
    long worstSlowMillis = 0;
    try (ServerProcess server = start(scenario)) {
      Map<String, Outcome> baseline = new LinkedHashMap<>();
      for (Map.Entry<String, Map<String, Object>> call : scenario.calls().entrySet()) {
        baseline.put(call.getKey(), call(server, call.getKey(), call.getValue()));
      }
      assertThat(baseline.entrySet()).as(scenario.name() + " baseline").filteredOn(e -> e.getValue().error()).isEmpty();

      chaos.mode(Chaos.Mode.TRANSIENT);
      for (int round = 0; round < ROUNDS; round++) {
        for (Map.Entry<String, Map<String, Object>> call : scenario.calls().entrySet()) {
          Outcome outcome = call(server, call.getKey(), call.getValue());
          transientCalls++;
          if (!outcome.error()) {
            answered++;
            if (outcome.partial()) {
              partial++;
            } else {
              assertThat(outcome.content()).as(scenario.name() + " " + call.getKey() + " under faults")
                  .isEqualTo(baseline.get(call.getKey()).content());
            }
          }
        }
      }

      chaos.mode(Chaos.Mode.BROKEN_BODIES);
      for (Map.Entry<String, Map<String, Object>> call : scenario.calls().entrySet()) {
        Outcome outcome = call(server, call.getKey(), call.getValue());
        assertThat(outcome.error() ? outcome.code() : "PARTIAL").as(scenario.name() + " " + call.getKey()
            + " on broken bodies").isIn("BACKEND_UNAVAILABLE", "PARTIAL");
        brokenCoded++;
      }
      chaos.mode(Chaos.Mode.NONE);
      assertThat(call(server, "list_services", scenario.calls().get("list_services")).error())
          .as("the next call works").isFalse();
    }

    chaos.mode(Chaos.Mode.SLOW);
    try (ServerProcess server = start(scenario, "--call-timeout", SLOW_DEADLINE_SECONDS + "s")) {
      ExecutorService pool = Executors.newFixedThreadPool(scenario.calls().size());
      try {
        List<Future<Outcome>> outcomes = new ArrayList<>();
        for (Map.Entry<String, Map<String, Object>> call : scenario.calls().entrySet()) {
          outcomes.add(pool.submit(() -> call(server, call.getKey(), call.getValue())));
        }
        for (Future<Outcome> outcome : outcomes) {
          worstSlowMillis = Math.max(worstSlowMillis, outcome.get().millis());
        }
      } finally {
        pool.shutdownNow();
      }
    }
    double rate = 100.0 * answered / transientCalls;
    System.out.printf("FAULTS %s: 30%% transient faults: %d of %d calls answered (%.1f%%; %d partial); broken bodies: "
        + "%d of %d coded; 1 s latency, %d s deadline: worst answer %d ms%n", scenario.name(), answered, transientCalls,
        rate, partial, brokenCoded, scenario.calls().size(), SLOW_DEADLINE_SECONDS, worstSlowMillis);
    assertThat(rate).as(scenario.name() + " calls answered under 30% transient faults").isGreaterThanOrEqualTo(99.0);
    assertThat(worstSlowMillis).as(scenario.name() + " worst answer against a 1 s-latency backend")
        .isLessThanOrEqualTo((SLOW_DEADLINE_SECONDS + 1) * 1_000L);
  }

  @Test
  void jaegerUnderFaults() throws Exception {
    run(jaeger());
  }

  @Test
  void tempoUnderFaults() throws Exception {
    run(tempo());
  }

  @Test
  void traceloopUnderFaults() throws Exception {
    run(traceloop());
  }
}
