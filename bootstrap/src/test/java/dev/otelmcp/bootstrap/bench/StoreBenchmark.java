package dev.otelmcp.bootstrap.bench;

import dev.otelmcp.adapters.mcp.McpTool;
import dev.otelmcp.adapters.mcp.args.Arguments;
import dev.otelmcp.adapters.pricing.PriceBooks;
import dev.otelmcp.application.ApplicationSettings;
import dev.otelmcp.application.llm.CallFilter;
import dev.otelmcp.application.llm.CallPricing;
import dev.otelmcp.application.llm.LlmRequest;
import dev.otelmcp.application.llm.LlmScan;
import dev.otelmcp.application.search.TraceHydrator;
import dev.otelmcp.application.search.TraceSearcher;
import dev.otelmcp.application.usecase.GetLlmUsageUseCase;
import dev.otelmcp.bootstrap.config.MapBackendSettings;
import dev.otelmcp.bootstrap.wiring.CoreComponent;
import dev.otelmcp.bootstrap.wiring.DaggerCoreComponent;
import dev.otelmcp.domain.model.TimeRange;
import dev.otelmcp.domain.model.Trace;
import dev.otelmcp.domain.port.TraceSearchResult;
import dev.otelmcp.domain.port.TraceStore;
import dev.otelmcp.domain.port.TraceStoreProvider;
import dev.otelmcp.domain.pricing.PriceBook;
import dev.otelmcp.domain.query.Filter;
import dev.otelmcp.domain.query.TraceQuery;
import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The built-in store's benchmark, run on demand (never by {@code mvn verify}):
 *
 * <pre>mvn -B -q -Pbench -pl bootstrap -am verify -DskipTests</pre>
 *
 * <p>For each size it writes copies of the sample traces as OTLP protobuf export requests, starts the store
 * as otel-mcp does (ServiceLoader, receiver on a free port, span log on), sends the requests over HTTP from two
 * client threads, then times {@code get_llm_usage} (the real tool, and its use case over every trace of the
 * window), a whole-window trace search with every trace hydrated, a filtered search, and a restart (log replay).
 */
public final class StoreBenchmark {

  private static final int CLIENTS = 2;
  private static final int RUNS = 15;

  private StoreBenchmark() {}

  public static void main(String[] args) throws Exception {
    int[] sizes = Arrays.stream((args.length > 0 ? args[0] : "100000,1000000").split(","))
        .mapToInt(s -> Integer.parseInt(s.strip().replace("_", ""))).toArray();
    Path samples = Path.of(args.length > 1 ? args[1] : "../samples");
    SampleReplicas replicas = new SampleReplicas(samples);
    System.out.printf("otel-mcp store benchmark: %d cores, max heap %d MiB, Java %s; data: copies of %d sample spans%n",
        Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20,
        System.getProperty("java.version"), replicas.sampleSpans());
    List<String> rows = new ArrayList<>();
    for (int size : sizes) {
      rows.add(run(replicas, size));
    }
    System.out.println();
    System.out.println("| spans | ingest over OTLP/HTTP protobuf (spans/s) | heap after ingest | log size | "
        + "get_llm_usage tool, p50 / p95 (ms) | get_llm_usage use case, the store's own scan (ms) | "
        + "the same, read page by page (ms) | whole-window search, all traces returned (ms) | filtered search p50 (ms) "
        + "| restart: log replayed |");
    System.out.println("|---|---|---|---|---|---|---|---|---|---|");
    rows.forEach(System.out::println);
  }

  private static String run(SampleReplicas replicas, int spans) throws Exception {
    Path dir = Files.createTempDirectory("otel-mcp-bench");
    Path requests = dir.resolve("requests.bin");
    Instant now = Instant.now();
    int count = replicas.write(requests, spans, now);
    System.out.printf("%n== %,d spans in %,d export requests (%d MiB of protobuf)%n", spans, count,
        Files.size(requests) >> 20);
    TraceStoreProvider provider = ServiceLoader.load(TraceStoreProvider.class).stream().map(ServiceLoader.Provider::get)
        .filter(p -> p.name().equals("otlp")).findFirst().orElseThrow();
    MapBackendSettings settings = new MapBackendSettings(Map.of("otlp_port", "0", "data_dir", dir.resolve("data").toString(),
        "retention", "off", "max_spans", "0"), Map.of());

    TraceStore store = provider.create(settings);
    TimeRange window = new TimeRange(now.minus(Duration.ofHours(25)), now.plusSeconds(1));
    store.listServices(window); // waits until the store has started
    URI endpoint = endpoint(store);
    long started = System.nanoTime();
    send(requests, endpoint);
    double ingestSeconds = (System.nanoTime() - started) / 1e9;
    double rate = spans / ingestSeconds;
    System.gc();
    long heap = Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory();
    long logBytes = Files.size(dir.resolve("data").resolve("spans.log"));
    System.out.printf("ingest: %.1f s, %,.0f spans/s; heap in use %d MiB; log %d MiB; %s%n", ingestSeconds, rate,
        heap >> 20, logBytes >> 20, store.health().detail());

    CoreComponent core = DaggerCoreComponent.factory().create(store, ApplicationSettings.DEFAULTS, Clock.systemUTC(),
        PriceBooks.load(null));
    McpTool tool = core.tools().stream().filter(t -> t.name().equals("get_llm_usage")).findFirst().orElseThrow();
    Arguments none = new Arguments(Map.of(), tool.input().propertyNames());
    double[] usage = time(() -> tool.call(none));
    System.out.printf("get_llm_usage (tool, the whole 24 h window): p50 %.1f ms, p95 %.1f ms%n", usage[0], usage[1]);

    ApplicationSettings unlimited = new ApplicationSettings(Duration.ofHours(24), 10_000_000, 8, 2000);
    try (TraceHydrator hydrator = new TraceHydrator(store, unlimited)) {
      TraceSearcher searcher = new TraceSearcher(store, hydrator, unlimited);
      GetLlmUsageUseCase everything = new GetLlmUsageUseCase(
          new LlmScan(store, searcher, new CallPricing(PriceBooks.load(null)), unlimited));
      // The same aggregate with no price table: every call is looked up in an empty book (one map read), so the
      // difference is what pricing adds.
      GetLlmUsageUseCase unpriced = new GetLlmUsageUseCase(new LlmScan(store, searcher, new CallPricing(PriceBook.NONE), unlimited));
      LlmRequest all = new LlmRequest(window, new CallFilter(null, null, null, null), 10_000_000);
      long[] calls = new long[1];
      double[] whole = new double[1];
      double[] withoutPrices = new double[1];
      interleaved(5, () -> calls[0] = everything.execute(all).totals().requestCount(),
          () -> unpriced.execute(all).totals().requestCount(), whole, withoutPrices);
      System.out.printf("get_llm_usage over every trace of the window (%,d LLM calls): p50 %.0f ms priced, %.0f ms "
          + "without prices (pricing adds %.1f%%)%n", calls[0], whole[0], withoutPrices[0],
          (whole[0] - withoutPrices[0]) * 100 / withoutPrices[0]);

      // Baseline: the same aggregate read as from a remote backend — page by page, each trace's calls read from its
      // spans on every call — instead of through the store's own scan of the calls it keeps.
      TraceStore pagesOnly = ReducedStore.pagesOnly(store);
      GetLlmUsageUseCase paged = new GetLlmUsageUseCase(new LlmScan(pagesOnly, new TraceSearcher(pagesOnly, hydrator, unlimited),
          new CallPricing(PriceBooks.load(null)), unlimited));
      double[] nativeRead = new double[1];
      double[] pagedRead = new double[1];
      long[] pagedCalls = new long[1];
      interleaved(3, () -> everything.execute(all).totals().requestCount(),
          () -> pagedCalls[0] = paged.execute(all).totals().requestCount(), nativeRead, pagedRead);
      if (pagedCalls[0] != calls[0]) {
        throw new IllegalStateException("paged read counted " + pagedCalls[0] + " calls, the store's scan " + calls[0]);
      }
      System.out.printf("get_llm_usage, the store's own scan vs page by page: p50 %.0f ms vs %.0f ms (%.1fx)%n",
          nativeRead[0], pagedRead[0], pagedRead[0] / nativeRead[0]);

      long[] scanned = new long[2];
      double[] search = time(3, () -> {
        scanned[0] = 0;
        scanned[1] = 0;
        String cursor = null;
        do {
          TraceSearchResult page = store.searchTraces(new TraceQuery(window, List.of(), 10_000, cursor));
          for (var hit : page.hits()) {
            scanned[0]++;
            scanned[1] += ((Trace) hit).spanCount();
          }
          cursor = page.nextCursor();
        } while (cursor != null);
        return null;
      });
      System.out.printf("whole-window search: %,d traces, %,d spans hydrated: p50 %.0f ms%n", scanned[0], scanned[1],
          search[0]);

      Filter model = Filter.equalsString("gen_ai.request.model", "o3-mini");
      Filter service = Filter.equalsString("service.name", "support-bot");
      double[] filtered = time(() -> store.searchTraces(new TraceQuery(window, List.of(model, service), 100)));
      System.out.printf("filtered search (model + service, limit 100): p50 %.2f ms%n", filtered[0]);
      core.hydrator().close();
      store.close();

      long restart = System.nanoTime();
      TraceStore reopened = provider.create(settings);
      double createSeconds = (System.nanoTime() - restart) / 1e9;
      reopened.listServices(window); // the first tool call waits for the replay
      double restartSeconds = (System.nanoTime() - restart) / 1e9;
      System.out.printf("restart: store created in %.2f s (the MCP session starts then), log replayed after %.1f s (%s)%n",
          createSeconds, restartSeconds, reopened.health().detail());
      reopened.close();
      deleteRecursively(dir);
      return String.format("| %,d | %,.0f | %,d MiB | %,d MiB | %.0f / %.0f | %,.0f (%,d LLM calls) | %,.0f | %,.0f | %.2f "
          + "| %.1f s |", spans, rate, heap >> 20, logBytes >> 20, usage[0], usage[1], whole[0], calls[0], pagedRead[0],
          search[0], filtered[0], restartSeconds);
    }
  }

  static URI endpoint(TraceStore store) {
    Matcher m = Pattern.compile("receiving on (\\S+/v1/traces)").matcher(store.health().detail());
    if (!m.find()) {
      throw new IllegalStateException("receiver not running: " + store.health().detail());
    }
    return URI.create(m.group(1));
  }

  /** Sends every request in the file from {@link #CLIENTS} threads; each must be answered 200. */
  static void send(Path requests, URI endpoint) throws Exception {
    HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    AtomicLong failures = new AtomicLong();
    try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(requests), 1 << 20))) {
      List<Thread> clients = new ArrayList<>();
      for (int i = 0; i < CLIENTS; i++) {
        Thread client = new Thread(() -> {
          while (true) {
            byte[] body;
            synchronized (in) {
              try {
                body = new byte[in.readInt()];
                in.readFully(body);
              } catch (EOFException e) {
                return;
              } catch (IOException e) {
                throw new IllegalStateException(e);
              }
            }
            try {
              HttpResponse<Void> response = http.send(HttpRequest.newBuilder(endpoint)
                  .header("Content-Type", "application/x-protobuf")
                  .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.discarding());
              if (response.statusCode() != 200) {
                failures.incrementAndGet();
              }
            } catch (IOException | InterruptedException e) {
              failures.incrementAndGet();
            }
          }
        });
        client.start();
        clients.add(client);
      }
      for (Thread client : clients) {
        client.join();
      }
    }
    if (failures.get() > 0) {
      throw new IllegalStateException(failures.get() + " export requests failed");
    }
  }

  private static double[] time(Supplier<?> work) {
    return time(RUNS, work);
  }

  /** Milliseconds: p50 and p95 of {@code runs} timed runs after two warm-up runs. */
  private static double[] time(int runs, Supplier<?> work) {
    for (int i = 0; i < 2; i++) {
      work.get();
    }
    double[] ms = new double[runs];
    for (int i = 0; i < runs; i++) {
      long start = System.nanoTime();
      work.get();
      ms[i] = (System.nanoTime() - start) / 1e6;
    }
    Arrays.sort(ms);
    return new double[] {ms[runs / 2], ms[Math.min(runs - 1, (int) Math.ceil(runs * 0.95) - 1)]};
  }

  /**
   * Runs two pieces of work alternately, {@code runs} times each after a warm-up of each, so that both see the same
   * machine state; writes each one's median (ms).
   */
  private static void interleaved(int runs, Supplier<?> first, Supplier<?> second, double[] firstMs, double[] secondMs) {
    first.get();
    second.get();
    double[] a = new double[runs];
    double[] b = new double[runs];
    for (int i = 0; i < runs; i++) {
      long start = System.nanoTime();
      first.get();
      a[i] = (System.nanoTime() - start) / 1e6;
      start = System.nanoTime();
      second.get();
      b[i] = (System.nanoTime() - start) / 1e6;
    }
    Arrays.sort(a);
    Arrays.sort(b);
    firstMs[0] = a[runs / 2];
    secondMs[0] = b[runs / 2];
  }

  private static void deleteRecursively(Path dir) throws IOException {
    try (var paths = Files.walk(dir)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(path);
      }
    }
  }
}
