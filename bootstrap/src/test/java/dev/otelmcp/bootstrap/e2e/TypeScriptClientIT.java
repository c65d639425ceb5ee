package dev.otelmcp.bootstrap.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The real jar driven by the official TypeScript MCP client ({@code @modelcontextprotocol/sdk} 1.x from the npm
 * registry, run with the machine's Node.js): errors reach the model as readable tool errors, every answer fits the
 * budget, and a trace is paged through span by span. The client is installed into {@code target/ts-client} once.
 */
class TypeScriptClientIT {

  private static final Path SOURCES = Path.of("src/test/node");
  private static final Path WORK = Path.of("target/ts-client");

  static void install() throws Exception {
    Files.createDirectories(WORK);
    for (String file : List.of("package.json", "ts-client-check.mjs", "ts-surface-check.mjs", "ts-modern-check.mjs")) {
      Files.copy(SOURCES.resolve(file), WORK.resolve(file), StandardCopyOption.REPLACE_EXISTING);
    }
    if (Files.isDirectory(WORK.resolve("node_modules/@modelcontextprotocol/sdk"))) {
      return;
    }
    Process npm = new ProcessBuilder("npm", "install", "--no-audit", "--no-fund", "--loglevel=error")
        .directory(WORK.toFile()).redirectErrorStream(true).start();
    String output = new String(npm.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(npm.waitFor(300, TimeUnit.SECONDS)).as("npm install finished").isTrue();
    assertThat(npm.exitValue()).as("npm install (Node.js and npm are needed for this test): " + output).isZero();
  }

  @Test
  void theTypeScriptClientReadsEveryErrorAndPagesThroughATrace() throws Exception {
    install();
    Path samples = Path.of(System.getProperty("otelmcp.samples", "../samples")).toAbsolutePath();
    // A small budget, so that the sample traces really are paged.
    Process node = new ProcessBuilder("node", "ts-client-check.mjs", ServerProcess.java(),
        ServerProcess.jar().toAbsolutePath().toString(), "--load", samples.toString(), "--load-rebase", "--no-persist",
        "--otlp-port", "0", "--max-answer-tokens", "2000")
        .directory(WORK.toFile()).redirectError(ProcessBuilder.Redirect.INHERIT).start();
    String output = readAll(node);
    assertThat(node.waitFor(300, TimeUnit.SECONDS)).as("the check finished").isTrue();
    JsonNode report = new ObjectMapper().readTree(output.lines().reduce((a, b) -> b).orElse("{}"));

    assertThat(node.exitValue()).as(output).isZero();
    assertThat(report.path("ok").asBoolean()).as(output).isTrue();
    assertThat(report.at("/trace/pages").asInt()).as("the trace needed several pages").isGreaterThan(1);
    assertThat(report.at("/trace/total_tokens").asLong()).isPositive();
  }

  @Test
  void theTypeScriptClientReadsResourcesGetsPromptsAndCompletesArguments() throws Exception {
    install();
    Path samples = Path.of(System.getProperty("otelmcp.samples", "../samples")).toAbsolutePath();
    Process node = new ProcessBuilder("node", "ts-surface-check.mjs", ServerProcess.java(),
        ServerProcess.jar().toAbsolutePath().toString(), "--load", samples.toString(), "--load-rebase", "--no-persist",
        "--otlp-port", "0")
        .directory(WORK.toFile()).redirectError(ProcessBuilder.Redirect.INHERIT).start();
    String output = readAll(node);
    assertThat(node.waitFor(300, TimeUnit.SECONDS)).as("the check finished").isTrue();
    JsonNode report = new ObjectMapper().readTree(output.lines().reduce((a, b) -> b).orElse("{}"));

    assertThat(node.exitValue()).as(output).isZero();
    assertThat(report.path("ok").asBoolean()).as(output).isTrue();
    assertThat(report.path("resources").size()).isEqualTo(5);
  }

  private static String readAll(Process process) throws IOException {
    return new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
  }
}
