package dev.otelmcp.application;

import dev.otelmcp.domain.model.Attributes;
import dev.otelmcp.domain.model.Span;
import dev.otelmcp.domain.model.SpanKind;
import dev.otelmcp.domain.model.SpanStatus;
import dev.otelmcp.domain.model.Trace;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Builders for small, readable test traces. */
public final class TestTraces {

  public static final Instant T0 = Instant.parse("2026-11-22T10:00:00Z");

  private TestTraces() {}

  public static String traceId(int n) {
    return String.format("%032x", n);
  }

  public static String spanId(int trace, int span) {
    return String.format("%08x%08x", trace, span);
  }

  /** A trace of one root span of {@code service}, starting {@code n} seconds after T0. */
  public static Trace simple(int n, String service, String operation, long durationMs, boolean failed, Object... attributes) {
    return new Trace(traceId(n), List.of(span(n, 1, null, service, operation, n, durationMs, failed, attributes)));
  }

  /** A root span plus children: each child is {service, operation, attributes...}. */
  public static Trace withChildren(int n, String rootService, List<Object[]> children) {
    List<Span> spans = new ArrayList<>();
    spans.add(span(n, 1, null, rootService, "root", n, 1000, false));
    int i = 2;
    for (Object[] child : children) {
      Object[] attrs = java.util.Arrays.copyOfRange(child, 2, child.length);
      spans.add(span(n, i++, spanId(n, 1), (String) child[0], (String) child[1], n, 100, false, attrs));
    }
    return new Trace(traceId(n), spans);
  }

  public static Span span(int trace, int span, String parent, String service, String operation, int startSecond,
      long durationMs, boolean failed, Object... attributes) {
    return Span.builder()
        .traceId(traceId(trace))
        .spanId(spanId(trace, span))
        .parentSpanId(parent)
        .name(operation)
        .serviceName(service)
        .kind(SpanKind.INTERNAL)
        .startTime(T0.plusSeconds(startSecond).plusMillis(span))
        .duration(Duration.ofMillis(durationMs))
        .status(failed ? SpanStatus.error("boom") : SpanStatus.OK)
        .attributes(Attributes.ofPairs(attributes))
        .build();
  }
}
