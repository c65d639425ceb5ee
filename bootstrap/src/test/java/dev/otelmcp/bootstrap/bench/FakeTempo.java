package dev.otelmcp.bootstrap.bench;

import dev.otelmcp.bootstrap.e2e.TempoSearchHit;
import dev.otelmcp.domain.model.Trace;
import dev.otelmcp.domain.model.Traces;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Tempo's answers for a set of generated traces: {@code /api/search} with the match-all spanset {@code {}} (the
 * traces starting in {@code [start, end]}, newest first, at most {@code limit}), {@code /api/v2/traces/{id}} and the
 * older {@code /api/traces/{id}} ({@code {"batches":[…]}}, still served by Tempo 2.x and read by autotel-mcp).
 * Any other query is refused (404), loudly: this fake does not evaluate TraceQL.
 */
final class FakeTempo implements FakeBackend.Answers {

  private final List<Trace> newestFirst;
  private final List<byte[]> hits = new ArrayList<>();
  private final Map<String, byte[]> traces = new HashMap<>();
  private final Map<String, Trace> byId = new HashMap<>();
  /** v1 bodies, made on first request: only autotel-mcp asks for them, and RemoteBenchmark need not pay for them. */
  private final Map<String, byte[]> tracesV1 = new ConcurrentHashMap<>();
  /** Searches answered once are answered from here: the replay must not cost the server less than the first time. */
  private final Map<String, byte[]> searches = new ConcurrentHashMap<>();

  FakeTempo(List<Trace> generated) {
    this.newestFirst = generated.stream().sorted(Traces.NEWEST_FIRST).toList();
    for (Trace trace : newestFirst) {
      hits.add(TempoBodies.searchHit(trace));
      traces.put(trace.traceId(), TempoBodies.traceV2(trace));
      byId.put(trace.traceId(), trace);
    }
  }

  /** The bytes of every trace body, summed. */
  long traceBytes() {
    return traces.values().stream().mapToLong(body -> body.length).sum();
  }

  @Override
  public byte[] answer(String path, Map<String, String> query) {
    if (path.equals("/api/search")) {
      return searches.computeIfAbsent(query.toString(), k -> search(query));
    }
    if (path.startsWith("/api/v2/traces/")) {
      return traces.get(path.substring("/api/v2/traces/".length()));
    }
    if (path.startsWith("/api/traces/")) {
      // Search hits carry ids without leading zeros; Tempo pads what it is given to 32 digits.
      String id = path.substring("/api/traces/".length());
      Trace trace = byId.get("0".repeat(Math.max(0, 32 - id.length())) + id);
      return trace == null ? null : tracesV1.computeIfAbsent(trace.traceId(), k -> TempoBodies.traceV1(trace));
    }
    return null;
  }

  private byte[] search(Map<String, String> query) {
    if (!"{}".equals(query.get("q")) || !query.containsKey("start") || !query.containsKey("end")) {
      System.err.println("fake Tempo: unexpected search " + query);
      return null;
    }
    long start = Long.parseLong(query.get("start")) * 1_000_000_000L;
    long end = Long.parseLong(query.get("end")) * 1_000_000_000L;
    int limit = Integer.parseInt(query.getOrDefault("limit", "20"));
    List<byte[]> answer = new ArrayList<>();
    for (int i = 0; i < newestFirst.size() && answer.size() < limit; i++) {
      long at = TempoSearchHit.nanos(newestFirst.get(i).startTime());
      if (at >= start && at <= end) {
        answer.add(hits.get(i));
      }
    }
    return TempoBodies.searchAnswer(answer, newestFirst.size());
  }
}
