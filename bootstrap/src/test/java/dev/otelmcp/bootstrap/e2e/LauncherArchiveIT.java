package dev.otelmcp.bootstrap.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.otelmcp.bootstrap.startup.StdioProcess;
import dev.otelmcp.bootstrap.startup.UnpackedDistribution;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The distribution's launcher with its class-data archive (lib/otel-mcp.jsa): the first run of an unpacked zip has
 * none and makes one in the background; the next runs use it; an archive damaged in place, or one the JVM refuses,
 * never stops a start. Every run must answer {@code initialize} and write nothing but JSON-RPC to stdout.
 * Behaviour only: how fast is for the {@code -Pbench-startup} benchmark.
 */
class LauncherArchiveIT {

  private static final Duration ANSWER = Duration.ofSeconds(60);
  private static final Duration TRAINING = Duration.ofSeconds(120);
  private static final String SHARED = "dev.otelmcp.bootstrap.Main source: shared objects file";

  @TempDir
  Path tmp;

  /** One run of the launcher: initialize answered, stdin closed; what it wrote to stderr. */
  private record Run(JsonNode answer, List<String> stdout, int status, String stderr) {

    boolean mainFromArchive() {
      return stderr.contains(SHARED);
    }
  }

  private Run run(UnpackedDistribution dist, Map<String, String> extraEnvironment) throws Exception {
    Path stderr = Files.createTempFile(tmp, "stderr", ".txt");
    Map<String, String> environment = new HashMap<>(Map.of("JAVA_HOME", System.getProperty("java.home"),
        // Which source each class came from, on stderr: the archive's classes say "shared objects file".
        "JAVA_OPTS", "-Xlog:class+load=info:stderr"));
    environment.putAll(extraEnvironment);
    try (StdioProcess process = StdioProcess.start(List.of(dist.launcher().toString(), "--no-persist", "--otlp-port", "0"),
        environment, ProcessBuilder.Redirect.to(stderr.toFile()))) {
      process.send(StdioProcess.INITIALIZE);
      JsonNode answer = process.answer(1, ANSWER);
      int status = process.finish(ANSWER);
      return new Run(answer, process.stdout(), status, Files.readString(stderr, StandardCharsets.UTF_8));
    }
  }

  private static void assertServed(Run run) {
    assertThat(run.answer().at("/result/serverInfo/name").asText()).isEqualTo("otel-mcp");
    assertThat(run.stdout()).as("stdout carries JSON-RPC only").isNotEmpty()
        .allSatisfy(line -> assertThat(line).startsWith("{\"jsonrpc\":\"2.0\""));
    assertThat(run.status()).isZero();
  }

  private UnpackedDistribution unpacked() throws IOException {
    return UnpackedDistribution.unpack(Path.of(System.getProperty("otelmcp.dist")), tmp);
  }

  @Test
  void aFreshInstallationServesAtOnceMakesItsArchiveAndUsesItFromTheNextRun() throws Exception {
    UnpackedDistribution dist = unpacked();
    assertThat(dist.archive()).as("the zip carries no archive: one fits only the directory it was made in")
        .doesNotExist();

    Run first = run(dist, Map.of());
    assertServed(first);
    assertThat(first.mainFromArchive()).isFalse();
    dist.awaitSealedArchive(TRAINING);

    Run second = run(dist, Map.of());
    assertServed(second);
    assertThat(second.mainFromArchive()).as("the second run starts from the archive").isTrue();
    assertThat(second.stderr()).doesNotContain("[warning]");

    Run off = run(dist, Map.of("OTEL_MCP_CDS", "off"));
    assertServed(off);
    assertThat(off.mainFromArchive()).isFalse();
  }

  @Test
  void anArchiveDamagedInPlaceIsNotUsedAndIsMadeAgain() throws Exception {
    UnpackedDistribution dist = unpacked();
    assertServed(run(dist, Map.of()));
    dist.awaitSealedArchive(TRAINING);
    long size = Files.size(dist.archive());
    // Garbage over the middle of the archive, its header and size intact: a JVM that mapped it could crash.
    byte[] garbage = new byte[64 * 1024];
    new Random(7).nextBytes(garbage);
    dist.archive().toFile().setWritable(true);
    try (RandomAccessFile file = new RandomAccessFile(dist.archive().toFile(), "rw")) {
      file.seek(size / 2);
      file.write(garbage);
    }
    assertThat(dist.archiveSealed()).isFalse();

    Run damaged = run(dist, Map.of());
    assertServed(damaged);
    assertThat(damaged.mainFromArchive()).isFalse();

    dist.awaitSealedArchive(TRAINING);
    Run remade = run(dist, Map.of());
    assertServed(remade);
    assertThat(remade.mainFromArchive()).isTrue();
  }

  @Test
  void aTruncatedArchiveOrOneTheJvmRefusesNeverStopsTheStart() throws Exception {
    UnpackedDistribution dist = unpacked();
    assertServed(run(dist, Map.of()));
    dist.awaitSealedArchive(TRAINING);

    // A sealed archive the JVM cannot use with these options (made with compressed oops): it runs without, silently.
    Run refused = run(dist, Map.of("JAVA_OPTS", "-XX:-UseCompressedOops -Xlog:class+load=info:stderr"));
    assertServed(refused);
    assertThat(refused.mainFromArchive()).isFalse();
    assertThat(refused.stderr()).doesNotContain("[warning]").doesNotContain("[error]");

    dist.archive().toFile().setWritable(true);
    try (RandomAccessFile file = new RandomAccessFile(dist.archive().toFile(), "rw")) {
      file.setLength(file.length() / 3);
    }
    Run truncated = run(dist, Map.of());
    assertServed(truncated);
    assertThat(truncated.mainFromArchive()).isFalse();
    // the training run it started in the background ends before the temporary directory goes
    dist.awaitSealedArchive(TRAINING);
  }

  @Test
  void runsStartedTogetherOnAFreshInstallationStartOneTrainingRun() throws Exception {
    UnpackedDistribution dist = unpacked();
    List<StdioProcess> runs = new java.util.ArrayList<>();
    try {
      for (int i = 0; i < 4; i++) {
        runs.add(StdioProcess.start(List.of(dist.launcher().toString(), "--no-persist", "--otlp-port", "0"),
            Map.of("JAVA_HOME", System.getProperty("java.home")), ProcessBuilder.Redirect.DISCARD));
      }
      int mostAtOnce = 0;
      for (int sample = 0; sample < 50; sample++) {
        mostAtOnce = Math.max(mostAtOnce, (int) ProcessHandle.allProcesses()
            .filter(p -> p.info().commandLine().orElse("").contains(dist.home().toString()))
            .filter(p -> p.info().commandLine().orElse("").contains("ArchiveTraining")).count());
        Thread.sleep(100);
      }
      for (StdioProcess run : runs) {
        run.send(StdioProcess.INITIALIZE);
        assertThat(run.answer(1, ANSWER).at("/result/serverInfo/name").asText()).isEqualTo("otel-mcp");
      }

      assertThat(mostAtOnce).as("training runs at once").isEqualTo(1);
    } finally {
      for (StdioProcess run : runs) {
        run.close();
      }
    }
    dist.awaitSealedArchive(TRAINING);
  }
}
