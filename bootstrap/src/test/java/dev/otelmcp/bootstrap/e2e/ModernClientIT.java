package dev.otelmcp.bootstrap.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The real jar driven by the official TypeScript MCP client 2.x ({@code @modelcontextprotocol/client}) pinned to
 * protocol 2026-07-28, the stateless era (server/discover, cacheable lists): over stdio, over Streamable HTTP, and
 * both eras (2026-07-28 and the 2025-11-25 initialize handshake) against one HTTP server process. The checks are in
 * {@code src/test/node/ts-modern-check.mjs}; the client is installed beside the 1.x one by
 * {@link TypeScriptClientIT#install()}.
 */
class ModernClientIT {

  private static final Path WORK = Path.of("target/ts-client");

  private static void install() throws Exception {
    TypeScriptClientIT.install();
    // install() skips npm when the 1.x client is there; a directory installed before the 2.x client was added
    // to package.json needs one more run.
    if (!Files.isDirectory(WORK.resolve("node_modules/@modelcontextprotocol/client"))) {
      Process npm = new ProcessBuilder("npm", "install", "--no-audit", "--no-fund", "--loglevel=error")
          .directory(WORK.toFile()).redirectErrorStream(true).start();
      String output = new String(npm.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertThat(npm.waitFor(300, TimeUnit.SECONDS)).as("npm install finished").isTrue();
      assertThat(npm.exitValue()).as("npm install: " + output).isZero();
    }
  }

  /** Runs {@code node ts-modern-check.mjs <args>} and returns its report, after checking it passed. */
  private static JsonNode runCheck(String... args) throws Exception {
    return TypeScriptClientIT.runCheck("ts-modern-check.mjs", List.of(args));
  }

  private static void assertModernReport(JsonNode report) {
    assertThat(report.path("supportedVersions").toString()).contains("2026-07-28");
    assertThat(report.path("tools").size()).isEqualTo(14);
    assertThat(report.path("resources").size()).isEqualTo(5);
    assertThat(report.at("/discover/serverInfo/name").asText()).isEqualTo("otel-mcp");
    assertThat(report.at("/trace/trace_id").asText()).matches("[0-9a-f]{32}");
  }

  private static int freePort() throws Exception {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  /** The jar serving Streamable HTTP on a free loopback port, with the samples loaded; its log goes to a file. */
  private record HttpServer(Process process, Path log, String url) implements AutoCloseable {

    static HttpServer start() throws Exception {
      int port = freePort();
      Path log = Files.createTempFile(Path.of("target"), "modern-client-http", ".log");
      List<String> command = new ArrayList<>(List.of(ServerProcess.java(), "-jar",
          ServerProcess.jar().toAbsolutePath().toString(), "--transport", "http", "--port", String.valueOf(port)));
      command.addAll(TypeScriptClientIT.sampleArgs());
      Process process = new ProcessBuilder(command).redirectErrorStream(true)
          .redirectOutput(log.toFile()).start();
      HttpServer server = new HttpServer(process, log, "http://127.0.0.1:" + port + "/mcp");
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
      while (!Files.readString(log).contains("serving MCP over Streamable HTTP")) {
        if (!process.isAlive() || System.nanoTime() > deadline) {
          server.close();
          throw new AssertionError("the HTTP server did not start:\n" + Files.readString(log));
        }
        Thread.sleep(200);
      }
      return server;
    }

    @Override
    public void close() throws Exception {
      process.destroy();
      assertThat(process.waitFor(20, TimeUnit.SECONDS)).as("stops on SIGTERM").isTrue();
      System.err.println("[otel-mcp http log]\n" + Files.readString(log));
      Files.deleteIfExists(log);
    }
  }

  @Test
  void theModernClientUsesEverythingOverStdio() throws Exception {
    install();
    List<String> args = new ArrayList<>(List.of("stdio"));
    args.addAll(TypeScriptClientIT.serverCommand());

    assertModernReport(runCheck(args.toArray(String[]::new)));
  }

  @Test
  void theModernClientUsesEverythingOverHttp() throws Exception {
    install();
    try (HttpServer server = HttpServer.start()) {
      JsonNode report = runCheck("http", server.url());

      assertModernReport(report);
      assertThat(report.path("http").toString()).doesNotContain(" 5");
    }
  }

  @Test
  void bothEraClientsShareOneHttpServer() throws Exception {
    install();
    try (HttpServer server = HttpServer.start()) {
      JsonNode legacyBefore = runCheck("legacy-http", server.url());
      JsonNode modern = runCheck("http", server.url());
      JsonNode legacyAfter = runCheck("legacy-http", server.url());

      assertThat(legacyBefore.path("protocolVersion").asText()).isEqualTo("2025-11-25");
      assertThat(legacyBefore.path("sessionId").isTextual()).as("the legacy era keeps its session").isTrue();
      assertThat(modern.path("tools")).as("both eras list the same tools in the same order")
          .isEqualTo(legacyBefore.path("tools")).isEqualTo(legacyAfter.path("tools"));
      assertThat(modern.path("services")).isEqualTo(legacyBefore.path("services"));
    }
  }
}
