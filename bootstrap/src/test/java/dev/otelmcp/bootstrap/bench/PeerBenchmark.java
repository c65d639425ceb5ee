package dev.otelmcp.bootstrap.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.otelmcp.domain.model.Trace;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * otel-mcp side by side with another open-source MCP server for LLM traces, autotel-mcp, on the same data, run on
 * demand (never by {@code mvn verify}):
 *
 * <pre>mvn -B -q -Pbench-peer -pl bootstrap -am verify -DskipTests -DskipITs</pre>
 *
 * <p>autotel-mcp (npm, Apache-2.0) has the same LLM tool names as otel-mcp and reads plain Jaeger and Tempo. It is
 * installed with npm under {@code target/} when absent ({@link AutotelInstall}). Both servers run as stdio subprocesses
 * — otel-mcp from its shaded jar — driven by the MCP Java SDK client ({@link StdioServer}), each against its own
 * in-process fake backend ({@link FakeJaeger}, {@link FakeTempo}) serving the same copies of the sample traces, so that
 * each fake's request log is that server's reads alone. For the same 24 h window, it calls {@code get_llm_usage} and
 * {@code list_llm_models} on each, in rotating order, and reports per call the wall time the client waited (median,
 * p95), the server process's CPU time, the answer's size, the backend requests and bytes it read, and its totals next
 * to the ground truth computed from the generated data ({@link UsageFigures#truth}).
 *
 * <p>Each server gets its most favourable honest arguments: otel-mcp its defaults (every call of the window);
 * autotel-mcp the window too and its maximum {@code limit} (1,000 traces, also its default for these tools).
 *
 * <p>Arguments: traces (3000), the samples directory, timed runs (10), backends ({@code jaeger,tempo}), the otel-mcp
 * jar, the directory to install autotel-mcp into, its version, JVM options for otel-mcp (none).
 */
public final class PeerBenchmark {

  private static final int WARMUPS = 5;
  private static final ObjectMapper JSON = new ObjectMapper();

  private PeerBenchmark() {}

  /** A backend: its fake's answers and how each server is pointed at a URL of it. */
  private record Backend(String label, FakeBackend.Answers answers, Function<String, List<String>> otelMcpArgs,
      Function<String, List<String>> autotelArgs) {}

  /** A tool called on both servers, with each one's arguments and a reading of each one's answer. */
  private record Tool(String name, Map<String, Object> otelMcp, Map<String, Object> autotel,
      Function<StdioServer.Reply, String> readOtelMcp, Function<StdioServer.Reply, String> readAutotel) {}

  public static void main(String[] args) throws Exception {
    int traceCount = args.length > 0 ? Integer.parseInt(args[0].replace("_", "")) : 3_000;
    Path samples = Path.of(args.length > 1 ? args[1] : "../samples");
    int runs = args.length > 2 ? Integer.parseInt(args[2]) : 10;
    List<String> backends = List.of((args.length > 3 ? args[3] : "jaeger,tempo").split(","));
    Path jar = Path.of(args.length > 4 ? args[4] : "target/otel-mcp.jar");
    Path prefix = Path.of(args.length > 5 ? args[5] : "target/autotel-mcp");
    String version = args.length > 6 ? args[6] : "0.8.0";
    List<String> jvmOptions = args.length > 7 && !args[7].isBlank() ? List.of(args[7].trim().split("\\s+")) : List.of();
    Path autotel = AutotelInstall.ensure(prefix, version);

    Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    List<Trace> generated = new SampleReplicas(samples).traces(traceCount, now);
    UsageFigures truth = UsageFigures.truth(generated);
    // The window both are asked for: the tools' usual last 24 hours, fixed, so that every run makes the same requests.
    String start = now.minus(Duration.ofHours(24)).toString();
    String end = now.plusSeconds(1).toString();
    System.out.printf("otel-mcp vs autotel-mcp %s: %d cores, Java %s, node %s%n", version,
        Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"), nodeVersion());
    System.out.printf("data: %,d copies of the sample traces, %,d spans, over the last 23 h; window %s .. %s; %d timed "
        + "runs of each call after %d warm-up runs, servers in rotating order%n", generated.size(),
        generated.stream().mapToInt(Trace::spanCount).sum(), start, end, runs, WARMUPS);
    System.out.printf("otel-mcp: java %s-jar %s; autotel-mcp: %s%n", jvmOptions.isEmpty() ? "" : String.join(" ",
        jvmOptions) + " ", jar.getFileName(), String.join(" ", AutotelInstall.command(autotel)));
    System.out.printf("ground truth: %s; calls by service %s%n", figures(truth), truth.callsByService());

    List<Tool> tools = List.of(
        new Tool("get_llm_usage", Map.of("start_time", start, "end_time", end),
            Map.of("startTime", start, "endTime", end, "limit", 1_000),
            reply -> usage(UsageFigures.ofOtelMcp(reply.structured()), truth),
            reply -> usage(UsageFigures.ofAutotel(json(reply)), truth)),
        new Tool("list_llm_models", Map.of("start_time", start, "end_time", end),
            Map.of("startTime", start, "endTime", end, "limit", 1_000),
            reply -> models(ModelCounts.ofOtelMcp(reply.structured()), truth),
            reply -> models(ModelCounts.ofAutotel(json(reply)), truth)));

    List<PeerRow> rows = new ArrayList<>();
    for (Backend backend : backends(generated, backends)) {
      rows.addAll(compare(backend, otelMcpCommand(jar, jvmOptions), autotel, tools, runs));
    }
    System.out.println();
    PeerRow.printTable(rows, figures(truth));
    // The peer's shortfalls are the finding; otel-mcp's would be a regression, so the run fails on them.
    List<PeerRow> wrong = rows.stream().filter(r -> r.server().equals("otel-mcp") && !r.versusTruth().equals("equal"))
        .toList();
    if (!wrong.isEmpty()) {
      throw new IllegalStateException("otel-mcp's totals differ from the ground truth: " + wrong);
    }
  }

  private static List<Backend> backends(List<Trace> generated, List<String> wanted) {
    List<Backend> out = new ArrayList<>();
    if (wanted.contains("jaeger")) {
      out.add(new Backend("Jaeger", new FakeJaeger(generated), url -> List.of("--backend", "jaeger", "--url", url),
          url -> List.of("--backend", "jaeger", "--jaeger-url", url)));
    }
    if (wanted.contains("tempo")) {
      out.add(new Backend("Tempo", new FakeTempo(generated), url -> List.of("--backend", "tempo", "--url", url),
          url -> List.of("--backend", "tempo", "--tempo-url", url)));
    }
    return out;
  }

  /** {@code java [options] -jar otel-mcp.jar}: by default as a user runs the jar, with the JVM's default heap. */
  private static List<String> otelMcpCommand(Path jar, List<String> jvmOptions) {
    List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
    command.addAll(jvmOptions);
    command.addAll(List.of("-jar", jar.toString()));
    return command;
  }

  private static List<PeerRow> compare(Backend backend, List<String> otelMcpCommand, Path autotel, List<Tool> tools,
      int runs) throws IOException {
    try (FakeBackend oursFake = new FakeBackend(backend.answers());
        FakeBackend theirsFake = new FakeBackend(backend.answers())) {
      List<String> ours = new ArrayList<>(otelMcpCommand);
      ours.addAll(backend.otelMcpArgs().apply(oursFake.url().toString()));
      List<String> theirs = new ArrayList<>(AutotelInstall.command(autotel));
      theirs.addAll(backend.autotelArgs().apply(theirsFake.url().toString()));
      try (StdioServer otelMcp = StdioServer.start("otel-mcp", ours);
          StdioServer autotelMcp = StdioServer.start("autotel-mcp", theirs)) {
        System.out.printf("%n== %s: start + MCP handshake: otel-mcp %.0f ms (its requests: %s), autotel-mcp %.0f ms "
            + "(its requests: %s)%n", backend.label(), otelMcp.startMs(), targets(oursFake.drain()),
            autotelMcp.startMs(), targets(theirsFake.drain()));
        List<List<PeerCalls>> perTool = tools.stream().map(tool -> List.of(
            new PeerCalls(otelMcp, oursFake, tool.name(), tool.otelMcp(), tool.readOtelMcp()),
            new PeerCalls(autotelMcp, theirsFake, tool.name(), tool.autotel(), tool.readAutotel()))).toList();
        // Runs outermost, tools and servers within, servers in rotating order: the JIT's and the collectors' warm-up
        // falls on every tool and both servers alike, and neither server always goes first.
        for (int i = -WARMUPS; i < runs; i++) {
          for (List<PeerCalls> sides : perTool) {
            for (int k = 0; k < sides.size(); k++) {
              sides.get(Math.floorMod(i + k, sides.size())).callOnce(i >= 0);
            }
          }
        }
        List<PeerRow> rows = new ArrayList<>();
        for (List<PeerCalls> sides : perTool) {
          for (PeerCalls side : sides) {
            System.out.println(side.describe());
            rows.add(side.row(backend.label()));
          }
        }
        System.out.printf("peak RSS: otel-mcp %d MiB, autotel-mcp %d MiB%n", otelMcp.peakRssMib(),
            autotelMcp.peakRssMib());
        return rows;
      }
    }
  }

  private static String usage(UsageFigures got, UsageFigures truth) {
    return (got.countsEqual(truth) ? "equal" : "DIFFERENT") + "|" + figures(got) + "; calls by service "
        + got.callsByService();
  }

  private static String models(ModelCounts got, UsageFigures truth) {
    return (got.calls() == truth.calls() ? "equal" : "DIFFERENT") + "|" + got;
  }

  static String figures(UsageFigures f) {
    return String.format("%,d calls, %,d in / %,d out / %,d total tokens%s", f.calls(), f.inputTokens(),
        f.outputTokens(), f.totalTokens(), f.costUsd() == null ? "" : String.format(", $%.2f", f.costUsd()));
  }

  private static JsonNode json(StdioServer.Reply reply) {
    try {
      return JSON.readTree(reply.text());
    } catch (IOException e) {
      throw new UncheckedIOException("not JSON: " + reply.text(), e);
    }
  }

  private static List<String> targets(List<FakeBackend.Served> served) {
    return served.stream().map(FakeBackend.Served::target).toList();
  }

  private static String nodeVersion() {
    try {
      Process node = new ProcessBuilder("node", "--version").redirectErrorStream(true).start();
      return new String(node.getInputStream().readAllBytes()).trim();
    } catch (IOException e) {
      return "?";
    }
  }
}
