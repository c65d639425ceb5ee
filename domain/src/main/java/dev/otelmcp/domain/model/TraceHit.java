package dev.otelmcp.domain.model;

import java.time.Duration;
import java.time.Instant;

/**
 * One trace found by a search: either the whole {@link Trace} (Jaeger returns full traces) or only a
 * {@link TraceSummary} (Tempo, Jaeger's trace-summaries, Traceloop root spans), which the application
 * hydrates when it needs the spans.
 */
public sealed interface TraceHit permits Trace, TraceSummary {

  String traceId();

  Instant startTime();

  Duration duration();
}
