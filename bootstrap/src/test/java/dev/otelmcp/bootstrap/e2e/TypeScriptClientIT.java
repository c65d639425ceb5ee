package dev.otelmcp.bootstrap.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
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
    for (String file : List.of("package.json", "ts-client-check.mjs", "ts-surface-check.mjs", "ts-modern-check.mjs",
        "surface-checks.mjs")) {
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
    // A small budget, so that the sample traces really are paged.
    JsonNode report = runCheck("ts-client-check.mjs", serverCommand("--max-answer-tokens", "2000"));

    assertThat(report.at("/trace/pages").asInt()).as("the trace needed several pages").isGreaterThan(1);
    assertThat(report.at("/trace/total_tokens").asLong()).isPositive();
  }

  @Test
  void theTypeScriptClientReadsResourcesGetsPromptsAndCompletesArguments() throws Exception {
    install();
    JsonNode report = runCheck("ts-surface-check.mjs", serverCommand());

    assertThat(report.path("resources").size()).isEqualTo(5);
  }

  /** The jar started with java on the samples (loaded, rebased, nothing kept), plus {@code more} arguments. */
  static List<String> serverCommand(String... more) {
    List<String> command = new ArrayList<>(List.of(ServerProcess.java(), ServerProcess.jar().toAbsolutePath().toString()));
    command.addAll(sampleArgs());
    command.addAll(List.of(more));
    return command;
  }

  static List<String> sampleArgs() {
    Path samples = Path.of(System.getProperty("otelmcp.samples", "../samples")).toAbsolutePath();
    return List.of("--load", samples.toString(), "--load-rebase", "--no-persist", "--otlp-port", "0");
  }

  /** Runs {@code node <script> <args>} where the client is installed; returns its report after checking it passed. */
  static JsonNode runCheck(String script, List<String> args) throws Exception {
    List<String> command = new ArrayList<>(List.of("node", script));
    command.addAll(args);
    Process node = new ProcessBuilder(command).directory(WORK.toFile())
        .redirectError(ProcessBuilder.Redirect.INHERIT).start();
    String output = new String(node.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(node.waitFor(300, TimeUnit.SECONDS)).as("the check finished").isTrue();
    JsonNode report = new ObjectMapper().readTree(output.lines().reduce((a, b) -> b).orElse("{}"));
    assertThat(node.exitValue()).as(output).isZero();
    assertThat(report.path("ok").asBoolean()).as(output).isTrue();
    return report;
  }
}
