package dev.otelmcp.bootstrap.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import io.modelcontextprotocol.spec.McpSchema.TextContent;
import io.modelcontextprotocol.spec.McpSchema.Tool;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import net.jqwik.api.statistics.Statistics;

/**
 * Fuzzed tool arguments against the real jar on the bundled samples: every tool, its own parameter names with values
 * of every JSON type (and some unknown names). Each call must answer — a result, or a coded error that is not
 * INTERNAL — checked as the TypeScript client checks it, and the process must live on.
 */
class ToolArgumentsFuzzIT {

  private static final Set<String> CODES = Set.of("INVALID_ARGUMENT", "NOT_FOUND", "BACKEND_UNAVAILABLE",
      "BACKEND_REJECTED", "RATE_LIMITED", "UNSUPPORTED");
  private static ServerProcess server;
  private static List<Tool> tools;

  @BeforeContainer
  static void start() {
    Path samples = Path.of(System.getProperty("otelmcp.samples", "../samples")).toAbsolutePath();
    server = ServerProcess.start("--no-persist", "--otlp-port", "0", "--load", samples.toString(), "--load-rebase");
    tools = server.client().listTools().tools();
  }

  @AfterContainer
  static void stop() {
    server.close();
  }

  @Property(tries = 500, seed = "7")
  void everyCallAnswersWithAResultOrACodedError(@ForAll("calls") Map.Entry<Integer, List<Object>> call)
      throws Exception {
    Tool tool = tools.get(call.getKey() % tools.size());
    @SuppressWarnings("unchecked")
    Map<String, Object> properties = (Map<String, Object>) tool.inputSchema().get("properties");
    List<String> names = new ArrayList<>(properties.keySet());
    names.add("bogus_parameter");
    Map<String, Object> arguments = new LinkedHashMap<>();
    List<Object> values = call.getValue();
    for (int i = 0; i + 1 < values.size(); i += 2) {
      arguments.put(names.get(Math.floorMod(values.get(i).hashCode(), names.size())), values.get(i + 1));
    }

    CallToolResult result = server.call(tool.name(), arguments);

    if (Boolean.TRUE.equals(result.isError())) {
      String text = ((TextContent) result.content().get(0)).text();
      String code = new ObjectMapper().readTree(text).at("/error/code").asText();
      assertThat(code).as(tool.name() + " " + arguments + " -> " + text).isIn(CODES);
      Statistics.collect(code);
    } else {
      Statistics.collect("answered");
    }
  }

  @Provide
  Arbitrary<Map.Entry<Integer, List<Object>>> calls() {
    Arbitrary<Object> value = Arbitraries.oneOf(
        Arbitraries.strings().all().ofMaxLength(40).map(Object.class::cast),
        Arbitraries.of("-1h", "-7d", "now", "2026-01-01", "2026-13-45T99:00:00Z", "", " ", "0", "ERROR", "gpt-4o",
            "attributes", "attributes.gen_ai.*", "spans", "a".repeat(5_000), "00000000000000000000000000000001",
            "ffffffffffffffff").map(Object.class::cast),
        Arbitraries.integers().map(Object.class::cast),
        Arbitraries.longs().map(Object.class::cast),
        Arbitraries.doubles().map(Object.class::cast),
        Arbitraries.of(true, false).map(Object.class::cast),
        Arbitraries.of(List.of(), List.of("x"), List.of(1, 2), List.of(Map.of("field", "duration", "operator", "gt",
            "value", 5)), List.of(Map.of("field", "status", "operator", "between", "values", List.of(5, 1))),
            Map.of(), Map.of("k", "v"), List.of(Map.of())).map(Object.class::cast));
    Arbitrary<List<Object>> pairs = Arbitraries.oneOf(Arbitraries.integers().map(Object.class::cast), value)
        .list().ofMaxSize(10);
    return Combinators.combine(Arbitraries.integers().between(0, 1_000), pairs).as(Map::entry);
  }
}
