package dev.otelmcp.bootstrap.bench;

import dev.otelmcp.adapters.mcp.McpTool;
import dev.otelmcp.adapters.mcp.args.Arguments;
import dev.otelmcp.adapters.pricing.PriceBooks;
import dev.otelmcp.application.ApplicationSettings;
import dev.otelmcp.application.llm.TraceRanking;
import dev.otelmcp.application.llm.UsageGroup;
import dev.otelmcp.application.usecase.GetLlmModelStatsUseCase;
import dev.otelmcp.application.usecase.ListLlmToolsUseCase;
import dev.otelmcp.application.usecase.GetLlmUsageUseCase;
import dev.otelmcp.application.view.Scope;
import dev.otelmcp.bootstrap.config.MapBackendSettings;
import dev.otelmcp.bootstrap.wiring.CoreComponent;
import dev.otelmcp.bootstrap.wiring.DaggerCoreComponent;
import dev.otelmcp.domain.call.CallContext;
import dev.otelmcp.domain.call.ProgressSink;
import dev.otelmcp.domain.model.TimeRange;
import dev.otelmcp.domain.port.BackendSettings;
import dev.otelmcp.domain.port.TraceStore;
import dev.otelmcp.domain.port.TraceStoreProvider;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;

/**
 * The ClickHouse backend on many LLM-app spans, run on demand (never by {@code mvn verify}):
 *
 * <pre>mvn -B -q -Pbench-clickhouse -pl bootstrap -am verify</pre>
 *
 * <p>It starts the adapter's test engine ({@link ChdbShim}: chdb behind {@code chdb-http.mjs}), creates the
 * Collector exporter's tables and generates the spans inside the engine ({@link LlmAppSpans}), counts in SQL what
 * they hold, then times {@code get_llm_usage}, {@code get_llm_model_stats} (the most used model) and
 * {@code get_llm_expensive_traces} over the whole 24 h window through the real tools, wired as otel-mcp wires them
 * (the {@code clickhouse} plug-in found by ServiceLoader, the Dagger graph, the server's per-call deadline). Each
 * tool's first call goes through a {@link CountingProxy} (requests and bytes each way); the timed calls after it go
 * to the engine directly. A complete answer must have read every trace and span and counted every LLM call, or the
 * benchmark fails; an answer cut by the deadline is reported as partial, with how far it read. Then, for comparison,
 * the built-in store ({@link BuiltInComparison}) on copies of the samples.
 *
 * <p>Arguments: spans (10,000,000), timed runs (5), per-call timeout (60s), the samples directory, the shim's
 * sources, its work directory, the built-in store's spans (1,000,000; 0 for none).
 */
public final class ClickHouseBenchmark {

  /** A row of the table: one tool on one backend. */
  record Row(String backend, long spans, String tool, String answer, String latency, String traffic) {
    String markdown() {
      return String.format("| %s | %,d | %s | %s | %s | %s |", backend, spans, tool, answer, latency, traffic);
    }
  }

  /** What one tool call answered: whether it was whole, what it read and counted. */
  record Answer(Scope scope, long count, Object result) {
    boolean whole() {
      return scope != null && !Boolean.TRUE.equals(scope.partial()) && !scope.limitReached();
    }

    String describe() {
      if (scope == null) {
        return "NO ANSWER: " + ((Exception) result).getMessage();
      }
      return whole() ? String.format("whole: %,d traces, %,d spans", scope.tracesScanned(), scope.spansScanned())
          : String.format("PARTIAL (%s): %,d traces, %,d spans read", scope.coverage() == null ? "limit"
              : scope.coverage().stoppedBy(), scope.tracesScanned(), scope.spansScanned());
    }
  }

  private ClickHouseBenchmark() {}

  public static void main(String[] args) throws Exception {
    long spans = args.length > 0 ? Long.parseLong(args[0].replace("_", "")) : 10_000_000L;
    int runs = args.length > 1 ? Integer.parseInt(args[1]) : 5;
    Duration timeout = Stats.duration(args.length > 2 ? args[2] : "60s");
    Path samples = Path.of(args.length > 3 ? args[3] : "../samples");
    Path shimSources = Path.of(args.length > 4 ? args[4] : "../adapters-clickhouse/src/test/node");
    Path shimWork = Path.of(args.length > 5 ? args[5] : "target/chdb-bench");
    long builtInSpans = args.length > 6 ? Long.parseLong(args[6].replace("_", "")) : 1_000_000L;
    System.out.printf("otel-mcp ClickHouse benchmark: %d cores, max heap %d MiB, Java %s; %d timed runs after one "
        + "counted warm-up; per-call timeout %s%n", Runtime.getRuntime().availableProcessors(),
        Runtime.getRuntime().maxMemory() >> 20, System.getProperty("java.version"), runs, timeout);

    List<Row> rows = new ArrayList<>();
    Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    try (ChdbShim engine = ChdbShim.start(shimSources, shimWork)) {
      rows.addAll(clickHouse(engine, spans, now, runs, timeout));
    }
    if (builtInSpans > 0) {
      rows.addAll(BuiltInComparison.run(samples, builtInSpans, runs, timeout));
    }
    System.out.println();
    System.out.println("| backend | spans | tool (whole 24 h window) | answer | latency p50 (runs) | "
        + "requests, bytes from / to the backend (first call) |");
    System.out.println("|---|---|---|---|---|---|");
    rows.forEach(r -> System.out.println(r.markdown()));
  }

  private static List<Row> clickHouse(ChdbShim engine, long spans, Instant now, int runs, Duration timeout)
      throws Exception {
    long started = System.nanoTime();
    long traces = LlmAppSpans.generate(engine, spans, now);
    double generateSeconds = (System.nanoTime() - started) / 1e9;
    started = System.nanoTime();
    LlmAppSpans.Truth truth = LlmAppSpans.truth(engine);
    double truthSeconds = (System.nanoTime() - started) / 1e9;
    System.out.printf("%n== ClickHouse (chdb %s in Node.js, via the adapter's shim)%n",
        engine.execute("SELECT version() FORMAT TabSeparatedRaw").strip());
    System.out.printf("generated %,d traces, %,d spans in %.1f s (INSERT … SELECT FROM numbers inside the engine); %s%n",
        traces, truth.spans(), generateSeconds, LlmAppSpans.storage(engine));
    System.out.printf("the data holds (SQL, %.1f s): %,d LLM calls (%,d spans recording a call, %,d of them wrappers), "
        + "%,d traces with calls; shim resident memory %s%n", truthSeconds, truth.llmCalls(), truth.candidates(),
        truth.wrappers(), truth.tracesWithCalls(), ShimMemory.of(engine.pid()));

    TraceStoreProvider provider = ServiceLoader.load(TraceStoreProvider.class).stream()
        .map(ServiceLoader.Provider::get).filter(p -> p.name().equals("clickhouse")).findFirst().orElseThrow();
    // The same 24 h window on every run: a fixed clock just after the newest span.
    Clock clock = Clock.fixed(now.plusSeconds(1), ZoneOffset.UTC);
    try (CountingProxy proxy = new CountingProxy(engine.url())) {
      String storeTimeout = timeout.plusSeconds(5).toSeconds() + "s";
      TraceStore counted = provider.create(settings(proxy.url(), storeTimeout));
      TraceStore direct = provider.create(settings(engine.url(), storeTimeout));
      try (ToolSet viaProxy = ToolSet.of(counted, clock); ToolSet tools = ToolSet.of(direct, clock)) {
        // Schema detection (DESC TABLE, EXISTS) happens once per store, before the calls measured.
        TimeRange window = new TimeRange(now.minus(Duration.ofHours(24)), now.plusSeconds(1));
        counted.listServices(window);
        direct.listServices(window);
        proxy.take();

        List<Row> rows = new ArrayList<>();
        // Each tool beside its baseline in the same run: the same tool reading every call through the store's call
        // scan (no sums, picks, counts or rankings in SQL), which must give the same answer.
        try (ToolSet readCounted = ToolSet.of(ReducedStore.callsReadInJava(counted), clock);
            ToolSet read = ToolSet.of(ReducedStore.callsReadInJava(direct), clock)) {
          SideBySide run = new SideBySide(viaProxy, tools, readCounted, read, runs, timeout, proxy, truth, rows);
          SideBySide.Both usage = run.measure(ToolSet::usage, Map.of(), truth.llmCalls(), "", "sums in SQL",
              SideBySide::sameTotals);
          Measured whole = usage.inSql().answer().whole() ? usage.inSql() : usage.read();

          String model = topModel((GetLlmUsageUseCase.Result) whole.answer().result());
          long modelCalls = whole.answer().whole()
              ? callsOf((GetLlmUsageUseCase.Result) whole.answer().result(), model) : -1;
          run.measure(ToolSet::modelStats, Map.of("model_name", model), modelCalls, model + ", ", "calls picked in SQL",
              SideBySide::sameAnswer);
          run.measure(ToolSet::toolUsage, Map.of(), -1, "", "counted in SQL", SideBySide::sameAnswer);
          run.measure(ToolSet::expensive, Map.of(), truth.tracesWithCalls(), "", "ranked in SQL",
              SideBySide::sameAnswer);
        }
        System.out.printf("shim resident memory after the calls: %s%n", ShimMemory.of(engine.pid()));
        return rows;
      } finally {
        counted.close();
        direct.close();
      }
    }
  }

  private static BackendSettings settings(URI url, String timeout) {
    // The store waits as long as a call may last: the call's deadline, not the HTTP timeout, bounds a statement.
    return new MapBackendSettings(Map.of(BackendSettings.URL, url.toString(), "user", ChdbShim.USER,
        "password", ChdbShim.PASSWORD, "database", LlmAppSpans.DATABASE, BackendSettings.TIMEOUT, timeout), Map.of());
  }

  /** The three tools of one store, wired as otel-mcp wires them. */
  record ToolSet(CoreComponent core, McpTool usage, McpTool modelStats, McpTool expensive, McpTool toolUsage)
      implements AutoCloseable {
    static ToolSet of(TraceStore store, Clock clock) {
      CoreComponent core = DaggerCoreComponent.factory().create(store, ApplicationSettings.DEFAULTS, clock,
          PriceBooks.load(null));
      return new ToolSet(core, tool(core, "get_llm_usage"), tool(core, "get_llm_model_stats"),
          tool(core, "get_llm_expensive_traces"), tool(core, "list_llm_tools"));
    }

    private static McpTool tool(CoreComponent core, String name) {
      return core.tools().stream().filter(t -> t.name().equals(name)).findFirst().orElseThrow();
    }

    @Override
    public void close() {
      core.hydrator().close();
    }
  }

  /**
   * One tool measured: its first (counted) answer, its timed runs (ms), what crossed the proxy, and how many timed runs
   * ran out of the call's time ({@code late}: their time is the deadline's).
   */
  record Measured(Answer answer, double[] ms, CountingProxy.Counted traffic, int late) {
    Row row(String backend, long spans, String tool) {
      String latency = ms.length == 0 ? "—" : String.format("%,.0f ms (%d%s)", Stats.median(ms), ms.length,
          late == 0 ? "" : "; " + late + " out of time");
      String bytes = traffic == null ? "— (in process)" : String.format("%,d requests, %.1f MB / %.2f MB",
          traffic.requests(), traffic.bytesReceived() / 1e6, traffic.bytesSent() / 1e6);
      return new Row(backend, spans, tool, answer.describe(), latency, bytes);
    }
  }

  /**
   * The first call through the counting store (it warms up too); then, when it was whole, {@code runs} timed calls
   * on the direct store. A partial first call is not repeated: every run would last the timeout.
   */
  static Measured measure(McpTool counted, McpTool tool, Map<String, Object> arguments, int runs, Duration timeout,
      CountingProxy proxy) {
    long start = System.nanoTime();
    Answer first = call(counted, arguments, timeout);
    double firstMs = (System.nanoTime() - start) / 1e6;
    CountingProxy.Counted traffic = proxy == null ? null : proxy.take();
    System.out.printf("%s %s: first call %,.0f ms, %s%s%n", tool.name(), arguments, firstMs, first.describe(),
        traffic == null ? "" : String.format(", %,d requests, %,d bytes received, %,d sent", traffic.requests(),
            traffic.bytesReceived(), traffic.bytesSent()));
    if (!first.whole()) {
      return new Measured(first, new double[] {firstMs}, traffic, 0);
    }
    double[] ms = new double[runs];
    int late = 0;
    for (int i = 0; i < runs; i++) {
      start = System.nanoTime();
      Answer again = call(tool, arguments, timeout);
      ms[i] = (System.nanoTime() - start) / 1e6;
      // A run near the deadline may run out of time (an error, counted and shown); any other answer must be the first.
      if (again.result() instanceof dev.otelmcp.domain.error.CallStoppedException) {
        late++;
      } else if (again.count() != first.count() || !again.whole()) {
        throw new IllegalStateException(tool.name() + " answered " + again.describe() + " / " + again.count()
            + " after " + first.describe() + " / " + first.count());
      }
    }
    System.out.printf("%s: runs %s ms%s%n", tool.name(), Stats.rounded(ms),
        late == 0 ? "" : ", " + late + " out of time");
    return new Measured(first, ms, traffic, late);
  }

  /** A tool call as the server makes it: on this thread, under a deadline, its loops stopping a little before. */
  static Answer call(McpTool tool, Map<String, Object> arguments, Duration timeout) {
    Duration tenth = timeout.dividedBy(10);
    CallContext context = CallContext.startingNow(timeout,
        tenth.compareTo(Duration.ofSeconds(1)) < 0 ? Duration.ofSeconds(1) : tenth, ProgressSink.NONE);
    Object result;
    try {
      result = context.call(() -> tool.call(new Arguments(arguments, tool.input().propertyNames())));
    } catch (dev.otelmcp.domain.error.OtelMcpException e) {
      // A call the store could not answer in time is a result too: the row says so.
      return new Answer(null, -1, e);
    }
    if (result instanceof GetLlmUsageUseCase.Result usage) {
      return new Answer(usage.scope(), usage.totals().requestCount(), usage);
    }
    if (result instanceof GetLlmModelStatsUseCase.Result stats) {
      return new Answer(stats.scope(), stats.requestCount(), stats);
    }
    if (result instanceof ListLlmToolsUseCase.Result toolUsage) {
      return new Answer(toolUsage.scope(), toolUsage.callCount(), toolUsage);
    }
    if (result instanceof TraceRanking.Result ranking) {
      return new Answer(ranking.scope(), ranking.count(), ranking);
    }
    throw new IllegalStateException(tool.name() + " answered " + result);
  }

  /** The model row with the most calls. */
  static String topModel(GetLlmUsageUseCase.Result usage) {
    return usage.byModel().stream().max(Comparator.comparingLong((UsageGroup g) -> g.totals().requestCount()))
        .orElseThrow(() -> new IllegalStateException("get_llm_usage found no model")).name();
  }

  static long callsOf(GetLlmUsageUseCase.Result usage, String model) {
    return usage.byModel().stream().filter(g -> g.name().equals(model)).findFirst().orElseThrow().totals()
        .requestCount();
  }

  /** The shim's resident memory now and at its peak, from /proc. */
  static final class ShimMemory {
    private ShimMemory() {}

    static String of(long pid) {
      try {
        String rss = "?";
        String peak = "?";
        for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
          if (line.startsWith("VmRSS:")) {
            rss = mib(line);
          } else if (line.startsWith("VmHWM:")) {
            peak = mib(line);
          }
        }
        return rss + " (peak " + peak + ")";
      } catch (java.io.IOException e) {
        return "unknown (" + e.getMessage() + ")";
      }
    }

    private static String mib(String line) {
      return String.format("%,d MiB", Long.parseLong(line.replaceAll("\\D", "")) >> 10);
    }
  }
}
