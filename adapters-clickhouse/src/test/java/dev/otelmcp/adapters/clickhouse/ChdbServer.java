package dev.otelmcp.adapters.clickhouse;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A real ClickHouse engine for the tests: the npm package {@code chdb} (ClickHouse embedded in a Node.js process)
 * behind {@code src/test/node/chdb-http.mjs}, which speaks the part of ClickHouse's HTTP interface the adapter uses.
 * Installed into {@code target/chdb-http} once ({@code npm install}; Node.js and npm are needed), started once per
 * JVM, stopped with it. Public, with the table loaders, for the packaged server's end-to-end tests in {@code bootstrap}
 * (this module's test-jar): there the shim's sources are found through the system property
 * {@value #SOURCES_PROPERTY}, since those tests run in another module's directory.
 */
public final class ChdbServer {

  public static final String USER = "otel_reader";
  public static final String PASSWORD = "chdb-test-p4ss";
  /** Where {@code package.json} and {@code chdb-http.mjs} are when the tests do not run in this module. */
  public static final String SOURCES_PROPERTY = "otelmcp.chdb.sources";

  private static final Path SOURCES = Path.of(System.getProperty(SOURCES_PROPERTY, "src/test/node"));
  private static final Path WORK = Path.of("target/chdb-http");
  private static ChdbServer shared;

  private final Process process;
  private final String baseUrl;
  private final HttpClient http = HttpClient.newHttpClient();

  private ChdbServer(Process process, int port) {
    this.process = process;
    this.baseUrl = "http://127.0.0.1:" + port;
  }

  /** The JVM's engine, started at the first call. */
  public static synchronized ChdbServer shared() {
    if (shared == null) {
      try {
        shared = start();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
      ChdbServer server = shared;
      Runtime.getRuntime().addShutdownHook(new Thread(server::stop));
    }
    return shared;
  }

  public String baseUrl() {
    return baseUrl;
  }

  /** Runs a statement (DDL, INSERT … FORMAT JSONEachRow with its rows); fails the test when ClickHouse refuses. */
  public String execute(String sql) {
    HttpResponse<String> response = post(sql);
    assertThat(response.statusCode()).as("ClickHouse answered %s", response.body()).isEqualTo(200);
    return response.body();
  }

  HttpResponse<String> post(String sql) {
    HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + "/"))
        .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
            (USER + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8)))
        .timeout(Duration.ofMinutes(2))
        .POST(HttpRequest.BodyPublishers.ofString(sql)).build();
    try {
      return http.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static ChdbServer start() throws IOException, InterruptedException {
    install(SOURCES, WORK);
    ProcessBuilder builder = new ProcessBuilder("node", "chdb-http.mjs").directory(WORK.toFile())
        .redirectError(WORK.resolve("chdb-http.log").toFile());
    builder.environment().put("CHDB_HTTP_USER", USER);
    builder.environment().put("CHDB_HTTP_PASSWORD", PASSWORD);
    Process process = builder.start();
    BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
    String first = out.readLine();
    assertThat(first).as("the shim's port (log in %s)", WORK.resolve("chdb-http.log")).isNotNull().matches("\\d+");
    return new ChdbServer(process, Integer.parseInt(first));
  }

  /**
   * Puts the shim from {@code sources} into {@code work} and installs its chdb there with npm (once: a later call
   * finds it). The benchmark installs its own copy this way too.
   */
  public static void install(Path sources, Path work) throws IOException, InterruptedException {
    Files.createDirectories(work);
    for (String file : List.of("package.json", "chdb-http.mjs")) {
      Files.copy(sources.resolve(file), work.resolve(file), StandardCopyOption.REPLACE_EXISTING);
    }
    if (Files.isDirectory(work.resolve("node_modules/chdb"))) {
      return;
    }
    System.out.println("installing chdb into " + work + " (npm install, once)");
    Process npm = new ProcessBuilder("npm", "install", "--no-audit", "--no-fund", "--loglevel=error")
        .directory(work.toFile()).redirectErrorStream(true).start();
    String output = new String(npm.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(npm.waitFor(600, TimeUnit.SECONDS)).as("npm install finished").isTrue();
    assertThat(npm.exitValue()).as("npm install (Node.js and npm are needed for this test): " + output).isZero();
  }

  private void stop() {
    process.destroy();
    try {
      if (!process.waitFor(10, TimeUnit.SECONDS)) {
        process.destroyForcibly();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
