package dev.otelmcp.domain.query;

import dev.otelmcp.domain.model.Attributes;
import dev.otelmcp.domain.model.Span;
import dev.otelmcp.domain.model.SpanKind;
import dev.otelmcp.domain.model.SpanStatus;
import dev.otelmcp.domain.model.Trace;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

/** Spans, traces and filters for the query tests. */
final class Fixtures {

  static final Instant T0 = Instant.parse("2025-03-01T10:00:00Z");
  static final String TRACE_ID = "0af7651916cd43dd8448eb211c80319c";
  static final String OTHER_TRACE_ID = "4bf92f3577b34da6a3ce929d0e0e4736";

  private Fixtures() {}

  /** A span of TRACE_ID, service "checkout", name "GET /cart", starting at T0, lasting 100 ms. */
  static Span.Builder span(String spanId) {
    return Span.builder()
        .traceId(TRACE_ID)
        .spanId(spanId)
        .name("GET /cart")
        .serviceName("checkout")
        .kind(SpanKind.SERVER)
        .startTime(T0)
        .duration(Duration.ofMillis(100))
        .status(SpanStatus.UNSET);
  }

  static Span spanWith(Object... attributePairs) {
    return span("00000000000000a1").attributes(Attributes.ofPairs(attributePairs)).build();
  }

  static Trace trace(Span... spans) {
    return new Trace(spans[0].traceId(), List.of(spans));
  }

  /** Filter.of with the wire names: {@code filter("duration", "gte", "number", 100)}. */
  static Filter filter(String field, String operator, String valueType, Object... values) {
    return Filter.of(field,
        FilterOperator.parse(operator).orElseThrow(() -> new IllegalArgumentException(operator)),
        FilterValueType.parse(valueType).orElseThrow(() -> new IllegalArgumentException(valueType)),
        Arrays.asList(values));
  }

  static Filter eq(String field, String value) {
    return Filter.equalsString(field, value);
  }
}
