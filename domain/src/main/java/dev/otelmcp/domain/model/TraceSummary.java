package dev.otelmcp.domain.model;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * What a backend knows about a trace without sending its spans. Counts are {@code null} when the backend
 * does not report them.
 */
public record TraceSummary(
    String traceId,
    String rootServiceName,
    String rootOperationName,
    Instant startTime,
    Duration duration,
    Integer spanCount,
    Integer errorSpanCount,
    List<String> services) implements TraceHit {

  public TraceSummary {
    traceId = Ids.traceId(traceId);
    rootServiceName = rootServiceName == null ? "" : rootServiceName;
    rootOperationName = rootOperationName == null ? "" : rootOperationName;
    Objects.requireNonNull(startTime, "startTime");
    duration = duration == null ? Duration.ZERO : duration;
    services = services == null ? List.of() : List.copyOf(services);
  }
}
