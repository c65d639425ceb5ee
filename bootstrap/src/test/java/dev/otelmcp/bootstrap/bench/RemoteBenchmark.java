package dev.otelmcp.bootstrap.bench;

import com.fasterxml.jackson.databind.JsonNode;
import dev.otelmcp.adapters.mcp.McpTool;
import dev.otelmcp.adapters.mcp.args.Arguments;
import dev.otelmcp.adapters.pricing.PriceBooks;
import dev.otelmcp.application.ApplicationSettings;
import dev.otelmcp.application.search.TraceSearcher;
import dev.otelmcp.application.usecase.GetLlmUsageUseCase;
import dev.otelmcp.application.view.Scope;
import dev.otelmcp.bootstrap.config.MapBackendSettings;
import dev.otelmcp.bootstrap.wiring.CoreComponent;
import dev.otelmcp.bootstrap.wiring.DaggerCoreComponent;
import dev.otelmcp.domain.llm.LlmCalls;
import dev.otelmcp.domain.model.TimeRange;
import dev.otelmcp.domain.model.Trace;
import dev.otelmcp.domain.port.BackendSettings;
import dev.otelmcp.domain.port.Shortfall;
import dev.otelmcp.domain.port.TraceStore;
import dev.otelmcp.domain.port.TraceStoreProvider;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * What a remote LLM aggregate costs next to the bytes it reads, run on demand (never by {@code mvn verify}):
 *
 * <pre>mvn -B -q -Pbench-remote -pl bootstrap -am verify -DskipTests -DskipITs</pre>
 *
 * <p>In-process fakes of Tempo ({@link FakeTempo}) and of Jaeger's classic API ({@link FakeJaeger}), both over
 * {@link FakeBackend}, serve copies of the sample traces spread over the last 23 hours. For each, side by side in
 * rotating order, it times (a) {@code get_llm_usage} over the whole 24 h window through the real tool, wired as
 * otel-mcp wires it (the plug-in found by ServiceLoader, the Dagger graph); the same reads alone (search and hydration
 * into domain traces, no aggregate); and (b) the baseline: the very requests (a) made, recorded by the fake, fetched
 * again with the same parallelism by a plain JDK HttpClient and parsed into Jackson trees ({@link RawFetch}). Both
 * sides must read the same requests, bytes, traces and spans, and (a) must count every LLM call of the generated
 * data, or the benchmark fails.
 *
 * <p>Arguments: traces (3000), the samples directory, timed runs (15), backends ({@code tempo,jaeger}).
 */
public final class RemoteBenchmark {

  private static final int PARALLELISM = ApplicationSettings.DEFAULTS.hydrationConcurrency();
  private static final int WARMUPS = 10;

  private RemoteBenchmark() {}

  /** What the generated data holds: the answer (a) must give. */
  record Expected(int traces, int spans, int llmCalls) {
    static Expected of(List<Trace> traces) {
      return new Expected(traces.size(), traces.stream().mapToInt(Trace::spanCount).sum(),
          traces.stream().mapToInt(t -> LlmCalls.of(t).size()).sum());
    }
  }

  /** One timed run: wall and process CPU milliseconds (the server's share included, as on both sides). */
  record Timing(double wallMs, double cpuMs) {}

  /**
   * A backend as the benchmark drives it: its plug-in's name, the fake's answers, the requests the next ones depend
   * on (replayed alone), and what its bodies carry.
   */
  private record Backend(String label, String provider, FakeBackend.Answers answers, Predicate<String> isBarrier,
      RawFetch.Counter counter) {}

  public static void main(String[] args) throws Exception {
    int traceCount = args.length > 0 ? Integer.parseInt(args[0].replace("_", "")) : 3_000;
    Path samples = Path.of(args.length > 1 ? args[1] : "../samples");
    int runs = args.length > 2 ? Integer.parseInt(args[2]) : 15;
    SampleReplicas replicas = new SampleReplicas(samples);
    Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    List<Trace> generated = replicas.traces(traceCount, now);
    Expected expected = Expected.of(generated);
    System.out.printf("otel-mcp remote aggregate benchmark: %d cores, max heap %d MiB, Java %s%n",
        Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20,
        System.getProperty("java.version"));
    System.out.printf("data: %,d copies of the sample traces, %,d spans, %,d LLM calls, over the last 23 h; %d timed "
        + "runs of each side after %d warm-up runs, in rotating order%n", expected.traces(), expected.spans(),
        expected.llmCalls(), runs, WARMUPS);
    List<String> backends = List.of((args.length > 3 ? args[3] : "tempo,jaeger").split(","));
    List<String> rows = new ArrayList<>();
    if (backends.contains("tempo")) {
      rows.add(compare(new Backend("Tempo", "tempo", new FakeTempo(generated),
          target -> target.startsWith("/api/search"), RemoteBenchmark::tempoCarries), now, expected, runs));
    }
    if (backends.contains("jaeger")) {
      rows.add(compare(new Backend("Jaeger (classic /api)", "jaeger", new FakeJaeger(generated),
          target -> target.startsWith("/api/services"), RemoteBenchmark::jaegerCarries), now, expected, runs));
    }
    System.out.println();
    System.out.println("| backend | requests | bytes | get_llm_usage (a), p50 wall / CPU | its reads alone (the store's "
        + "scan, or search and hydration), p50 wall / CPU | raw fetch + parse (b), p50 wall / CPU | (a)/(b) wall | (a)/(b) CPU "
        + "| p50 of (a)/(b) wall per round |");
    System.out.println("|---|---|---|---|---|---|---|---|---|");
    rows.forEach(System.out::println);
  }

  private static String compare(Backend backend, Instant now, Expected expected, int runs) throws Exception {
    try (FakeBackend fake = new FakeBackend(backend.answers())) {
      return compare(backend, fake, now, expected, runs);
    }
  }

  private static String compare(Backend backend, FakeBackend fake, Instant now, Expected expected, int runs)
      throws Exception {
    String label = backend.label();
    TraceStoreProvider provider = ServiceLoader.load(TraceStoreProvider.class).stream()
        .map(ServiceLoader.Provider::get).filter(p -> p.name().equals(backend.provider())).findFirst().orElseThrow();
    TraceStore store = provider.create(new MapBackendSettings(Map.of(BackendSettings.URL, fake.url().toString()),
        Map.of()));
    // A fixed clock: every run reads the same 24 h window, so every run makes the same requests.
    Clock clock = Clock.fixed(now.plusSeconds(1), ZoneOffset.UTC);
    CoreComponent core = DaggerCoreComponent.factory().create(store, ApplicationSettings.DEFAULTS, clock,
        PriceBooks.load(null));
    McpTool tool = core.tools().stream().filter(t -> t.name().equals("get_llm_usage")).findFirst().orElseThrow();
    Arguments none = new Arguments(Map.of(), tool.input().propertyNames());

    // Once before recording: a plug-in may settle things on its first call (Jaeger's API flavour, Tempo's route).
    checkAnswer((GetLlmUsageUseCase.Result) tool.call(none), expected);
    fake.drain();
    GetLlmUsageUseCase.Result first = (GetLlmUsageUseCase.Result) tool.call(none);
    List<FakeBackend.Served> recorded = fake.drain();
    checkAnswer(first, expected);
    List<String> targets = recorded.stream().map(FakeBackend.Served::target).toList();
    long bytes = recorded.stream().mapToLong(FakeBackend.Served::bytes).sum();
    if (recorded.stream().anyMatch(s -> s.bytes() < 0)) {
      throw new IllegalStateException(label + ": a request of the tool was answered 404: " + recorded);
    }
    Map<String, Long> kinds = targets.stream().collect(Collectors.groupingBy(
        t -> t.replaceFirst("[?].*", "").replaceFirst("/[0-9a-f]{32}$", "/{id}"), TreeMap::new, Collectors.counting()));
    System.out.printf("%n== %s: get_llm_usage made %,d requests %s, %.1f MB%n", label, targets.size(), kinds,
        bytes / 1e6);
    TimeRange window = new TimeRange(first.scope().startTime(), first.scope().endTime());
    TraceSearcher searcher = new TraceSearcher(store, core.hydrator(), ApplicationSettings.DEFAULTS);
    try (RawFetch raw = new RawFetch(fake.url(), PARALLELISM, backend.isBarrier(), backend.counter())) {
      List<Side> sides = List.of(
          new Side("get_llm_usage (a)", () -> checkAnswer((GetLlmUsageUseCase.Result) tool.call(none), expected)),
          new Side("its reads alone, into domain traces", () -> checkReads(store, searcher, window, expected)),
          new Side("raw fetch + parse (b)", () -> checkRead(raw.replay(targets), targets.size(), bytes, expected)));
      double[][][] ms = new double[sides.size()][2][runs];
      int[] repeats = new int[sides.size()];
      for (int i = -WARMUPS; i < runs; i++) {
        // Rotate which side goes first, so that none always inherits another's garbage.
        for (int k = 0; k < sides.size(); k++) {
          int s = Math.floorMod(i + k, sides.size());
          Timing timing = timed(sides.get(s).work());
          repeats[s] += checkSame(label + ", " + sides.get(s).name(), recorded, fake.drain());
          if (i >= 0) {
            ms[s][0][i] = timing.wallMs();
            ms[s][1][i] = timing.cpuMs();
          }
        }
      }
      for (int s = 0; s < sides.size(); s++) {
        System.out.printf("%s: p50 %.0f ms wall, %.0f ms CPU; runs %s; requests sent again by the HTTP client: %d%n",
            sides.get(s).name(), median(ms[s][0]), median(ms[s][1]), rounded(ms[s][0]), repeats[s]);
      }
      int a = 0;
      int b = sides.size() - 1;
      // Each round times every side back to back: the ratio within a round is not moved by the machine's slower
      // and faster minutes, which move the sides' medians apart when they fall on one side's runs more than another's.
      double[] paired = new double[runs];
      for (int i = 0; i < runs; i++) {
        paired[i] = ms[a][0][i] / ms[b][0][i];
      }
      return String.format("| %s | %,d | %.1f MB | %.0f / %.0f ms | %.0f / %.0f ms | %.0f / %.0f ms | %.2f | %.2f | %.2f |",
          label, targets.size(), bytes / 1e6, median(ms[a][0]), median(ms[a][1]), median(ms[1][0]), median(ms[1][1]),
          median(ms[b][0]), median(ms[b][1]), median(ms[a][0]) / median(ms[b][0]), median(ms[a][1]) / median(ms[b][1]),
          median(paired));
    } finally {
      core.hydrator().close();
      store.close();
    }
  }

  /** One side of the comparison. */
  private record Side(String name, Work work) {}

  /**
   * The window read as the aggregate reads it, with nothing done to the traces but counting them: by the store's own
   * LLM call scan when it has one (Jaeger's: searches and calls, not priced), else by the application's search and
   * hydration (Tempo's).
   */
  private static void checkReads(TraceStore store, TraceSearcher searcher, TimeRange window, Expected expected) {
    int[] read = new int[2];
    Shortfall lacks;
    if (store.llmCallScan().isPresent()) {
      lacks = store.llmCallScan().get().scan(window, List.of(), Integer.MAX_VALUE, (trace, calls) -> {
        read[0]++;
        read[1] += trace.spanCount();
      }).shortfall();
    } else {
      lacks = searcher.visit(window, List.of(), ApplicationSettings.DEFAULTS.maxTracesPerQuery(), trace -> {
        read[0]++;
        read[1] += trace.spanCount();
      }).shortfall();
    }
    if (read[0] != expected.traces() || read[1] != expected.spans() || lacks != null) {
      throw new IllegalStateException("the searcher read " + read[0] + " traces, " + read[1] + " spans; the data holds "
          + expected);
    }
  }

  /** The tool must have read the whole window, every trace and span, and counted every call. */
  private static void checkAnswer(GetLlmUsageUseCase.Result result, Expected expected) {
    Scope scope = result.scope();
    boolean whole = scope.partial() == null && !scope.limitReached();
    if (!whole || scope.tracesScanned() != expected.traces() || scope.spansScanned() != expected.spans()
        || !Integer.valueOf(expected.llmCalls()).equals(scope.requestCount()) || result.totals().requestCount() != expected.llmCalls()) {
      throw new IllegalStateException("get_llm_usage read " + scope + " with " + result.totals().requestCount()
          + " calls; the data holds " + expected);
    }
  }

  /**
   * A run must have made the recorded requests, no more, no fewer — except that the JDK's HTTP client sends a GET
   * again, once, when the pooled connection it went out on turns out to be closed ({@code ConnectionExpiredException},
   * "header parser received no bytes"); it happens on both sides, a few times in 200,000 requests here.
   *
   * @return how many requests were such repeats
   */
  private static int checkSame(String what, List<FakeBackend.Served> recorded, List<FakeBackend.Served> served) {
    List<String> want = recorded.stream().map(FakeBackend.Served::target).sorted().toList();
    List<String> got = served.stream().map(FakeBackend.Served::target).sorted().toList();
    List<String> extra = new ArrayList<>(got);
    want.forEach(extra::remove);
    List<String> lacking = new ArrayList<>(want);
    got.forEach(lacking::remove);
    if (!lacking.isEmpty() || !want.containsAll(extra) || extra.size() > Math.max(1, want.size() / 100)) {
      throw new IllegalStateException(what + " made " + got.size() + " requests, the recorded run " + want.size()
          + "; extra: " + extra.subList(0, Math.min(5, extra.size())) + ", lacking: "
          + lacking.subList(0, Math.min(5, lacking.size())));
    }
    return extra.size();
  }

  /** The replay must have read what the tool read: the same bytes, and every trace and span of the data once. */
  private static void checkRead(RawFetch.Read read, int requests, long bytes, Expected expected) {
    if (read.requests() != requests || read.bytes() != bytes || read.spans() != expected.spans()
        || read.traces() != expected.traces()) {
      throw new IllegalStateException("the replay read " + read + ", the tool " + requests + " requests, " + bytes
          + " bytes, " + expected);
    }
  }

  /** Tempo: the traces a search lists; the spans of a trace body ({@code trace.resourceSpans}, or v1's batches). */
  private static int[] tempoCarries(String target, JsonNode body) {
    if (target.startsWith("/api/search")) {
      return new int[] {body.path("traces").size(), 0};
    }
    JsonNode resourceSpans = body.has("batches") ? body.get("batches") : body.path("trace").path("resourceSpans");
    int spans = 0;
    for (JsonNode rs : resourceSpans) {
      for (JsonNode scope : rs.path("scopeSpans")) {
        spans += scope.path("spans").size();
      }
    }
    return new int[] {0, spans};
  }

  /** Jaeger: the whole traces in {@code data} and their spans (the list of services carries none). */
  private static int[] jaegerCarries(String target, JsonNode body) {
    if (!target.startsWith("/api/traces")) {
      return new int[] {0, 0};
    }
    int spans = 0;
    for (JsonNode trace : body.path("data")) {
      spans += trace.path("spans").size();
    }
    return new int[] {body.path("data").size(), spans};
  }

  @FunctionalInterface
  private interface Work {
    void run() throws Exception;
  }

  private static Timing timed(Work work) throws Exception {
    com.sun.management.OperatingSystemMXBean os =
        (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    long cpu = os.getProcessCpuTime();
    long start = System.nanoTime();
    work.run();
    return new Timing((System.nanoTime() - start) / 1e6, (os.getProcessCpuTime() - cpu) / 1e6);
  }

  private static double median(double[] values) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    int n = sorted.length;
    return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
  }

  private static List<Long> rounded(double[] values) {
    List<Long> out = new ArrayList<>();
    for (double v : values) {
      out.add(Math.round(v));
    }
    return out;
  }
}
