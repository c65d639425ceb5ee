package dev.otelmcp.bootstrap.bench;

import dev.otelmcp.adapters.clickhouse.ChdbServer;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.concurrent.TimeUnit;

/**
 * The ClickHouse adapter's test engine for the benchmark: the npm package {@code chdb} (ClickHouse embedded in a
 * Node.js process) behind the adapter's own shim, {@code adapters-clickhouse/src/test/node/chdb-http.mjs}, copied
 * into a work directory and installed there once ({@code npm install}; Node.js and npm are needed). The engine keeps
 * its tables in a temporary directory of its own, removed when the shim stops.
 */
final class ChdbShim implements AutoCloseable {

  static final String USER = "otel_bench";
  static final String PASSWORD = "chdb-bench-p4ss";

  private final Process process;
  private final URI url;
  private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

  private ChdbShim(Process process, int port) {
    this.process = process;
    this.url = URI.create("http://127.0.0.1:" + port + "/");
  }

  /**
   * @param sources the shim's sources ({@code chdb-http.mjs}, {@code package.json})
   * @param work where it is installed and run; its {@code node_modules} is reused when present
   */
  static ChdbShim start(Path sources, Path work) throws IOException, InterruptedException {
    ChdbServer.install(sources, work);
    ProcessBuilder builder = new ProcessBuilder("node", "chdb-http.mjs").directory(work.toFile())
        .redirectError(work.resolve("chdb-http.log").toFile());
    builder.environment().put("CHDB_HTTP_USER", USER);
    builder.environment().put("CHDB_HTTP_PASSWORD", PASSWORD);
    Process process = builder.start();
    BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
    String first = out.readLine();
    if (first == null || !first.matches("\\d+")) {
      throw new IllegalStateException("the chdb shim did not start; see " + work.resolve("chdb-http.log"));
    }
    return new ChdbShim(process, Integer.parseInt(first));
  }

  URI url() {
    return url;
  }

  /** The shim's process id (its resident memory is read from /proc). */
  long pid() {
    return process.pid();
  }

  /** Runs a statement of the benchmark's own (DDL, the data's INSERT, the truth's SELECTs) and returns its answer. */
  String execute(String sql) {
    HttpRequest request = HttpRequest.newBuilder(url)
        .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
            (USER + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8)))
        .timeout(Duration.ofHours(1))
        .POST(HttpRequest.BodyPublishers.ofString(sql)).build();
    try {
      HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() != 200) {
        throw new IllegalStateException("ClickHouse answered " + response.statusCode() + ": " + response.body());
      }
      return response.body();
    } catch (IOException e) {
      throw new IllegalStateException("the chdb shim did not answer: " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** A statement answering one number. */
  long number(String sql) {
    return Long.parseLong(execute(sql).strip());
  }

  @Override
  public void close() {
    process.destroy();
    try {
      if (!process.waitFor(30, TimeUnit.SECONDS)) {
        process.destroyForcibly();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
