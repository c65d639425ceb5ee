package dev.otelmcp.bootstrap.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/** The repeated calls of one tool on one server, and what each cost: time, answer size, backend reads. */
final class PeerCalls {

  private final StdioServer server;
  private final FakeBackend fake;
  private final String tool;
  private final Map<String, Object> arguments;
  private final Function<StdioServer.Reply, String> reader;
  private final List<Double> wallMs = new ArrayList<>();
  private final List<Double> cpuMs = new ArrayList<>();
  private final Set<Integer> answerBytes = new LinkedHashSet<>();
  private final Set<Integer> requests = new LinkedHashSet<>();
  private final Set<Long> readBytes = new LinkedHashSet<>();
  /** What the answers said; one element when every run said the same. */
  private final Set<String> readings = new LinkedHashSet<>();
  private String sampleRequests = "";

  PeerCalls(StdioServer server, FakeBackend fake, String tool, Map<String, Object> arguments,
      Function<StdioServer.Reply, String> reader) {
    this.server = server;
    this.fake = fake;
    this.tool = tool;
    this.arguments = arguments;
    this.reader = reader;
  }

  /** One call; its figures are kept when {@code timed} (after the warm-up runs). */
  void callOnce(boolean timed) {
    StdioServer.Reply reply = server.call(tool, arguments);
    List<FakeBackend.Served> served = fake.drain();
    if (reply.error()) {
      throw new IllegalStateException(server.name() + " " + tool + " failed: " + reply.text());
    }
    if (served.stream().anyMatch(s -> s.bytes() < 0)) {
      throw new IllegalStateException(server.name() + " " + tool + ": the fake answered 404 to one of " + served);
    }
    String reading = reader.apply(reply);
    if (!timed) {
      return;
    }
    wallMs.add(reply.wallMs());
    cpuMs.add(reply.cpuMs());
    answerBytes.add(reply.bytes());
    requests.add(served.size());
    readBytes.add(served.stream().mapToLong(FakeBackend.Served::bytes).sum());
    readings.add(reading);
    sampleRequests = PeerRow.kinds(served);
  }

  String describe() {
    return String.format("%s %s: wall %s ms; server CPU %s ms; requests %s %s; answers: %s", server.name(), tool,
        rounded(wallMs), rounded(cpuMs), requests, sampleRequests, readings);
  }

  PeerRow row(String backend) {
    double[] wall = wallMs.stream().mapToDouble(Double::doubleValue).toArray();
    double[] cpu = cpuMs.stream().mapToDouble(Double::doubleValue).toArray();
    // The table takes the totals; the breakdowns stay in the log (describe).
    String[] reading = readings.iterator().next().split("\\|", 2);
    return new PeerRow(backend, server.name(), tool, percentile(wall, 50), percentile(wall, 95), percentile(cpu, 50),
        answerBytes.stream().mapToInt(Integer::intValue).max().orElse(0), spread(requests), spread(readBytes),
        readings.size() == 1 ? reading[0] : "VARIES", reading[1].replaceFirst("(; calls by service | [{]).*$", ""));
  }

  /** Nearest-rank percentile. */
  static double percentile(double[] values, int p) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    return sorted[Math.max(0, (int) Math.ceil(p / 100.0 * sorted.length) - 1)];
  }

  private static String spread(Set<? extends Number> values) {
    long min = values.stream().mapToLong(Number::longValue).min().orElse(0);
    long max = values.stream().mapToLong(Number::longValue).max().orElse(0);
    return min == max ? String.format("%,d", min) : String.format("%,d–%,d", min, max);
  }

  private static List<Long> rounded(List<Double> values) {
    return values.stream().map(Math::round).toList();
  }
}
