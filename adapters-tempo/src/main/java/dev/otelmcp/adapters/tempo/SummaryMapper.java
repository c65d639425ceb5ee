package dev.otelmcp.adapters.tempo;

import dev.otelmcp.adapters.tempo.TempoJson.ServiceStats;
import dev.otelmcp.adapters.tempo.TempoJson.TraceMetadata;
import dev.otelmcp.domain.model.Ids;
import dev.otelmcp.domain.model.TraceSummary;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * A search hit as a domain {@link TraceSummary}: hex trace id (Tempo drops leading zeros; they are put
 * back), root service and name, start, duration, and span and error counts from {@code serviceStats}.
 *
 * <p>Tempo's {@code durationMs} is whole milliseconds, so a summary's duration is exact to the millisecond
 * only; the whole trace ({@code get_trace}) has nanoseconds.
 */
final class SummaryMapper {

  /** What Tempo reports as the root service while the root span has not arrived. */
  static final String ROOT_NOT_YET_RECEIVED = "<root span not yet received>";

  private SummaryMapper() {}

  /** The summary, or empty when the hit has no usable trace id or start time. */
  static Optional<TraceSummary> summary(TraceMetadata hit) {
    Optional<String> id = Ids.normalizeTraceId(hit.traceID());
    Optional<Instant> start = nanos(hit.startTimeUnixNano()).map(SummaryMapper::instant);
    if (id.isEmpty() || start.isEmpty()) {
      return Optional.empty();
    }
    Map<String, ServiceStats> stats = hit.serviceStats();
    Integer spanCount = null;
    Integer errorCount = null;
    List<String> services = List.of();
    if (stats != null && !stats.isEmpty()) {
      int spans = 0;
      int errors = 0;
      for (ServiceStats one : stats.values()) {
        spans += one == null || one.spanCount() == null ? 0 : one.spanCount();
        // jsonpb omits zero counts: a missing errorCount is 0, not unknown.
        errors += one == null || one.errorCount() == null ? 0 : one.errorCount();
      }
      spanCount = spans;
      errorCount = errors;
      services = List.copyOf(new TreeSet<>(stats.keySet()));
    }
    String root = ROOT_NOT_YET_RECEIVED.equals(hit.rootServiceName()) ? "" : hit.rootServiceName();
    long millis = hit.durationMs() == null ? 0 : Math.max(0, hit.durationMs());
    return Optional.of(new TraceSummary(id.get(), root, hit.rootTraceName(), start.get(), Duration.ofMillis(millis),
        spanCount, errorCount, services));
  }

  static Optional<Long> nanos(String raw) {
    if (raw == null || raw.isBlank()) {
      return Optional.empty();
    }
    try {
      return Optional.of(Long.parseUnsignedLong(raw.trim()));
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }

  private static Instant instant(long nanos) {
    return Instant.ofEpochSecond(Long.divideUnsigned(nanos, 1_000_000_000L), Long.remainderUnsigned(nanos, 1_000_000_000L));
  }
}
