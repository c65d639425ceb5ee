package dev.otelmcp.bootstrap.e2e;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.otelmcp.domain.model.Span;
import dev.otelmcp.domain.model.Trace;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** One hit of Tempo's {@code /api/search} as Tempo summarises a trace (the parity fake here, the benchmark's). */
public final class TempoSearchHit {

  private TempoSearchHit() {}

  /**
   * @param matched the trace's spans the query matched
   * @param spansPerSet how many of them the hit lists ({@code spss})
   */
  public static ObjectNode of(Trace trace, List<Span> matched, int spansPerSet) {
    ObjectNode hit = JsonNodeFactory.instance.objectNode();
    // Tempo writes trace ids in hex without leading zeros.
    hit.put("traceID", trace.traceId().replaceFirst("^0+(?=.)", ""));
    Span root = trace.spans().stream().filter(Span::isRoot).findFirst().orElse(null);
    if (root == null) {
      hit.put("rootServiceName", "<root span not yet received>");
    } else {
      hit.put("rootServiceName", root.serviceName()).put("rootTraceName", root.name());
    }
    hit.put("startTimeUnixNano", Long.toString(nanos(trace.startTime())));
    long durationMs = trace.duration().toMillis();
    if (durationMs > 0) {
      hit.put("durationMs", durationMs);
    }
    ObjectNode spanSet = JsonNodeFactory.instance.objectNode();
    ArrayNode spans = spanSet.putArray("spans");
    matched.stream().limit(spansPerSet).forEach(s -> spans.addObject().put("spanID", s.spanId())
        .put("startTimeUnixNano", Long.toString(nanos(s.startTime())))
        .put("durationNanos", Long.toString(s.duration().toNanos())));
    spanSet.put("matched", matched.size());
    hit.set("spanSet", spanSet);
    hit.putArray("spanSets").add(spanSet.deepCopy());
    Map<String, int[]> stats = new TreeMap<>();
    for (Span span : trace.spans()) {
      int[] counts = stats.computeIfAbsent(span.serviceName(), k -> new int[2]);
      counts[0]++;
      counts[1] += span.isError() ? 1 : 0;
    }
    ObjectNode serviceStats = hit.putObject("serviceStats");
    stats.forEach((service, counts) -> {
      ObjectNode one = serviceStats.putObject(service).put("spanCount", counts[0]);
      if (counts[1] > 0) {
        one.put("errorCount", counts[1]);
      }
    });
    return hit;
  }

  /** Nanoseconds since the epoch, as Tempo writes times. */
  public static long nanos(Instant time) {
    return time.getEpochSecond() * 1_000_000_000L + time.getNano();
  }
}
