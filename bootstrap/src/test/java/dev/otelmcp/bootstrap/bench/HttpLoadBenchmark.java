package dev.otelmcp.bootstrap.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.HttpClientStreamableHttpTransport;
import io.modelcontextprotocol.json.jackson2.JacksonMcpJsonMapper;
import io.modelcontextprotocol.spec.McpSchema.CallToolRequest;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Load on the Streamable HTTP transport, run on demand (never by {@code mvn verify}):
 *
 * <pre>mvn -B -q -Pbench-http -pl bootstrap -am verify</pre>
 *
 * <p>Starts the real jar ({@code --transport http}, built-in store with the bundled samples loaded) and
 * has {@code clients} MCP clients (the SDK's, one session each) make {@code calls} tool calls each —
 * alternating {@code search_traces} and {@code get_llm_usage} — after one warm-up round. Prints
 * throughput, latency percentiles and failures.
 */
public final class HttpLoadBenchmark {

  private HttpLoadBenchmark() {}

  public static void main(String[] args) throws Exception {
    Path jar = Path.of(args[0]);
    Path samples = Path.of(args[1]);
    int clients = args.length > 2 ? Integer.parseInt(args[2]) : 20;
    int calls = args.length > 3 ? Integer.parseInt(args[3]) : 100;
    int port = freePort();
    Process server = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-jar", jar.toString(), "--transport", "http", "--port", String.valueOf(port), "--no-persist",
        "--otlp-port", String.valueOf(freePort()), "--load", samples.toString(), "--load-rebase", "--log-level", "warn")
        .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
    try {
      awaitHealthy(port);
      run(port, clients, Math.max(1, calls / 10));
      Result result = run(port, clients, calls);
      System.out.printf("HTTP transport: %d clients x %d calls = %d tool calls in %.2f s -> %.0f calls/s; "
              + "latency p50 %.1f ms, p95 %.1f ms, p99 %.1f ms, max %.1f ms; failures: %d%n",
          clients, calls, result.latenciesMs.length, result.seconds, result.latenciesMs.length / result.seconds,
          percentile(result.latenciesMs, 0.50), percentile(result.latenciesMs, 0.95),
          percentile(result.latenciesMs, 0.99), result.latenciesMs[result.latenciesMs.length - 1], result.failures);
    } finally {
      server.destroy();
    }
  }

  private record Result(double[] latenciesMs, double seconds, int failures) {}

  private static Result run(int port, int clients, int calls) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(clients);
    AtomicInteger failures = new AtomicInteger();
    List<Future<double[]>> futures = new ArrayList<>();
    long started = System.nanoTime();
    for (int c = 0; c < clients; c++) {
      futures.add(pool.submit(() -> {
        double[] latencies = new double[calls];
        try (McpSyncClient client = client(port)) {
          client.initialize();
          for (int i = 0; i < calls; i++) {
            CallToolRequest request = i % 2 == 0
                ? CallToolRequest.builder().name("search_traces").arguments(Map.of("start_time", "-7d", "limit", 20)).build()
                : CallToolRequest.builder().name("get_llm_usage").arguments(Map.of("start_time", "-7d")).build();
            long t0 = System.nanoTime();
            CallToolResult result = client.callTool(request);
            latencies[i] = (System.nanoTime() - t0) / 1e6;
            if (Boolean.TRUE.equals(result.isError())) {
              failures.incrementAndGet();
            }
          }
        }
        return latencies;
      }));
    }
    List<Double> all = new ArrayList<>();
    for (Future<double[]> future : futures) {
      for (double latency : future.get()) {
        all.add(latency);
      }
    }
    double seconds = (System.nanoTime() - started) / 1e9;
    pool.shutdown();
    double[] sorted = all.stream().mapToDouble(Double::doubleValue).sorted().toArray();
    return new Result(sorted, seconds, failures.get());
  }

  private static McpSyncClient client(int port) {
    HttpClientStreamableHttpTransport transport = HttpClientStreamableHttpTransport.builder("http://127.0.0.1:" + port)
        .endpoint("/mcp").jsonMapper(new JacksonMcpJsonMapper(new ObjectMapper())).build();
    return McpClient.sync(transport).requestTimeout(Duration.ofSeconds(60)).build();
  }

  private static double percentile(double[] sorted, double p) {
    double index = (sorted.length - 1) * p;
    int lower = (int) Math.floor(index);
    int upper = Math.min(lower + 1, sorted.length - 1);
    return sorted[lower] + (sorted[upper] - sorted[lower]) * (index - lower);
  }

  private static void awaitHealthy(int port) throws Exception {
    HttpClient http = HttpClient.newHttpClient();
    for (int i = 0; i < 240; i++) {
      try {
        HttpResponse<Void> health = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/health"))
            .build(), HttpResponse.BodyHandlers.discarding());
        if (health.statusCode() == 200) {
          return;
        }
      } catch (IOException notYet) {
        // not listening yet
      }
      Thread.sleep(250);
    }
    throw new IllegalStateException("otel-mcp did not start within 60 s");
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
