package dev.otelmcp.bootstrap.bench;

import dev.otelmcp.bootstrap.startup.StdioProcess;
import dev.otelmcp.bootstrap.startup.UnpackedDistribution;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Time to the answer of {@code initialize}, run on demand (never by {@code mvn verify}):
 *
 * <pre>mvn -B -q -Pbench-startup -pl bootstrap verify    (-Dbench.runs=10)</pre>
 *
 * <p>Starts each way of running otel-mcp {@code runs} times — the jar with and without its class-data archive, the
 * distribution's launcher (unpacked into {@code target/bench-startup}) with its archive and with
 * {@code OTEL_MCP_CDS=off} — on the built-in store with the samples loaded and on a Jaeger URL nobody answers (never
 * contacted before a tool call), writes {@code initialize} to stdin at once and times until its answer arrives on
 * stdout. {@code java -version}, timed from start to exit, is the baseline measured in the same run. The ways are
 * taken in turn in every round, so that a change of load on the machine touches them all alike. Prints each median,
 * its range, and its ratio to the baseline's median.
 */
public final class StartupBenchmark {

  private static final String ARCHIVE_LOG = "-Xlog:disable -Xlog:all=warning,cds*=off:stderr";

  private StartupBenchmark() {}

  /** One way of starting otel-mcp: its command and environment. */
  private record Way(String name, List<String> command, Map<String, String> environment) {}

  public static void main(String[] args) throws Exception {
    Path jar = Path.of(args[0]).toAbsolutePath();
    Path zip = Path.of(args[1]).toAbsolutePath();
    Path samples = Path.of(args[2]).toAbsolutePath();
    int runs = Integer.parseInt(args[3]);
    Path work = Path.of(args[4]).toAbsolutePath();

    UnpackedDistribution dist = unpackTrained(zip, work);
    Path jarArchive = jar.resolveSibling("otel-mcp.jsa");
    List<String> builtIn = List.of("--load", samples.toString(), "--load-rebase", "--no-persist", "--otlp-port", "0");
    List<String> jaeger = List.of("--backend", "jaeger", "--url", "http://127.0.0.1:9");
    List<Way> ways = new ArrayList<>();
    for (Map.Entry<String, List<String>> backend : Map.of("built-in store + samples", builtIn, "jaeger (not contacted)",
        jaeger).entrySet().stream().sorted(Map.Entry.comparingByKey()).toList()) {
      String on = " | " + backend.getKey();
      ways.add(new Way("java -jar" + on, concat(List.of(StdioProcess.java(), "-jar", jar.toString()), backend.getValue()),
          Map.of()));
      if (Files.isRegularFile(jarArchive)) {
        List<String> java = new ArrayList<>(List.of(StdioProcess.java(), "-XX:SharedArchiveFile=" + jarArchive));
        java.addAll(Arrays.asList(ARCHIVE_LOG.split(" ")));
        java.addAll(List.of("-jar", jar.toString()));
        ways.add(new Way("java -jar + archive" + on, concat(java, backend.getValue()), Map.of()));
      }
      List<String> launcher = concat(List.of(dist.launcher().toString()), backend.getValue());
      String javaHome = System.getProperty("java.home");
      ways.add(new Way("bin/otel-mcp (archive)" + on, launcher, Map.of("JAVA_HOME", javaHome)));
      ways.add(new Way("bin/otel-mcp OTEL_MCP_CDS=off" + on, launcher, Map.of("JAVA_HOME", javaHome, "OTEL_MCP_CDS", "off")));
    }

    Map<String, List<Double>> times = new LinkedHashMap<>();
    times.put("java -version", new ArrayList<>());
    ways.forEach(way -> times.put(way.name(), new ArrayList<>()));
    for (int round = 0; round < runs; round++) {
      times.get("java -version").add(javaVersion());
      for (Way way : ways) {
        times.get(way.name()).add(toInitialize(way));
      }
    }
    report(times, runs);
  }

  /** The distribution unpacked, its launcher's archive made by a first run and sealed. */
  private static UnpackedDistribution unpackTrained(Path zip, Path work) throws Exception {
    if (Files.exists(work)) {
      try (var paths = Files.walk(work)) {
        paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
    Files.createDirectories(work);
    UnpackedDistribution dist = UnpackedDistribution.unpack(zip, work);
    try (StdioProcess first = StdioProcess.start(List.of(dist.launcher().toString(), "--no-persist", "--otlp-port", "0"),
        Map.of("JAVA_HOME", System.getProperty("java.home")), ProcessBuilder.Redirect.DISCARD)) {
      first.send(StdioProcess.INITIALIZE);
      first.answer(1, Duration.ofSeconds(60));
    }
    dist.awaitSealedArchive(Duration.ofSeconds(120));
    return dist;
  }

  private static double javaVersion() throws Exception {
    long started = System.nanoTime();
    Process process = new ProcessBuilder(StdioProcess.java(), "-version").redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
    if (!process.waitFor(60, TimeUnit.SECONDS)) {
      throw new IllegalStateException("java -version did not end");
    }
    return (System.nanoTime() - started) / 1e6;
  }

  private static double toInitialize(Way way) throws Exception {
    try (StdioProcess process = StdioProcess.start(way.command(), way.environment(), ProcessBuilder.Redirect.DISCARD)) {
      process.send(StdioProcess.INITIALIZE);
      process.answer(1, Duration.ofSeconds(60));
      return process.elapsedMillis();
    }
  }

  private static void report(Map<String, List<Double>> times, int runs) {
    double baseline = median(times.get("java -version"));
    System.out.printf("%nTime to the answer of initialize, %d runs each, %d processors, Java %s%n", runs,
        Runtime.getRuntime().availableProcessors(), System.getProperty("java.runtime.version"));
    System.out.printf("%-58s %10s %16s %8s%n", "", "median ms", "min - max ms", "ratio");
    times.forEach((name, values) -> System.out.printf("%-58s %10.0f %7.0f - %6.0f %7.1fx%n", name, median(values),
        values.stream().mapToDouble(Double::doubleValue).min().orElseThrow(),
        values.stream().mapToDouble(Double::doubleValue).max().orElseThrow(), median(values) / baseline));
  }

  private static double median(List<Double> values) {
    double[] sorted = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
    int middle = sorted.length / 2;
    return sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
  }

  private static List<String> concat(List<String> first, List<String> second) {
    List<String> all = new ArrayList<>(first);
    all.addAll(second);
    return all;
  }
}
