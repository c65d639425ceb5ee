package dev.otelmcp.bootstrap.bench;

import dev.otelmcp.domain.model.Span;
import dev.otelmcp.domain.model.Trace;
import dev.otelmcp.domain.model.Traces;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * Jaeger's classic query API for a set of generated traces: {@code /api/services}, {@code /api/traces} by service
 * (whole traces with a span of the service, starting in {@code [start, end]} microseconds, newest first, at most
 * {@code limit}) and {@code /api/traces/{id}}. Other searches (operation, tags, durations) are refused: this fake does
 * not evaluate them. As Jaeger's {@code query_parser.go} does, it takes a missing {@code start} as now − 2 days, a
 * missing {@code end} as now, a missing {@code limit} as 100, and ignores {@code lookback} (a UI parameter the server
 * never reads; clients such as autotel-mcp send it instead of a window).
 */
final class FakeJaeger implements FakeBackend.Answers {

  /** Jaeger's {@code defaultTraceQueryLookbackDuration}. */
  private static final Duration DEFAULT_LOOKBACK = Duration.ofDays(2);

  private final List<Trace> newestFirst;
  private final List<Set<String>> servicesOf = new ArrayList<>();
  private final List<byte[]> bodies = new ArrayList<>();
  private final Map<String, Integer> byId = new HashMap<>();
  private final byte[] services;
  /** Searches answered once are answered from here: the replay must not cost the server less than the first time. */
  private final Map<String, byte[]> searches = new ConcurrentHashMap<>();

  FakeJaeger(List<Trace> generated) {
    this.newestFirst = generated.stream().sorted(Traces.NEWEST_FIRST).toList();
    Set<String> all = new TreeSet<>();
    for (Trace trace : newestFirst) {
      Set<String> names = trace.spans().stream().map(Span::serviceName).collect(Collectors.toSet());
      all.addAll(names);
      servicesOf.add(names);
      byId.put(trace.traceId(), bodies.size());
      bodies.add(JaegerBodies.trace(trace));
    }
    this.services = JaegerBodies.services(List.copyOf(all));
  }

  @Override
  public byte[] answer(String path, Map<String, String> query) {
    if (path.equals("/api/services")) {
      return services;
    }
    if (path.equals("/api/traces")) {
      return searches.computeIfAbsent(query.toString(), k -> search(query));
    }
    if (path.startsWith("/api/traces/")) {
      Integer at = byId.get(path.substring("/api/traces/".length()));
      return at == null ? null : JaegerBodies.envelope(List.of(bodies.get(at)));
    }
    return null;
  }

  private byte[] search(Map<String, String> query) {
    Set<String> understood = Set.of("service", "start", "end", "limit", "lookback");
    if (!query.containsKey("service") || !understood.containsAll(query.keySet())) {
      System.err.println("fake Jaeger: unexpected search " + query);
      return null;
    }
    Instant now = Instant.now();
    Instant end = query.containsKey("end") ? micros(Long.parseLong(query.get("end"))) : now;
    Instant start = query.containsKey("start") ? micros(Long.parseLong(query.get("start")))
        : now.minus(DEFAULT_LOOKBACK);
    int limit = Integer.parseInt(query.getOrDefault("limit", "100"));
    List<byte[]> answer = new ArrayList<>();
    for (int i = 0; i < newestFirst.size() && answer.size() < limit; i++) {
      Instant at = newestFirst.get(i).startTime();
      if (servicesOf.get(i).contains(query.get("service")) && !at.isBefore(start) && !at.isAfter(end)) {
        answer.add(bodies.get(i));
      }
    }
    return JaegerBodies.envelope(answer);
  }

  private static Instant micros(long micros) {
    return Instant.ofEpochSecond(Math.floorDiv(micros, 1_000_000L), Math.floorMod(micros, 1_000_000L) * 1_000L);
  }
}
