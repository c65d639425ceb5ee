package dev.otelmcp.domain.model;

import static dev.otelmcp.domain.model.SpanTest.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class TraceTest {

  private static Span.Builder span(String spanId, String parent, String service, long startMs, long durationMs) {
    return SpanTest.span(spanId)
        .parentSpanId(parent)
        .serviceName(service)
        .name("op-" + spanId)
        .startTime(T0.plusMillis(startMs))
        .duration(Duration.ofMillis(durationMs));
  }

  private static Trace trace(Span... spans) {
    return new Trace("0af7651916cd43dd8448eb211c80319c", List.of(spans));
  }

  @Test
  void spansAreOrderedByStartTime() {
    Span late = span("c3", "a1", "db", 40, 5).build();
    Span root = span("a1", null, "web", 0, 100).build();
    Span middle = span("b2", "a1", "api", 10, 50).build();

    Trace trace = trace(late, root, middle);

    assertThat(trace.spans()).extracting(Span::spanId)
        .containsExactly("00000000000000a1", "00000000000000b2", "00000000000000c3");
    assertThat(trace.spanCount()).isEqualTo(3);
  }

  @Test
  void explicitRootWinsEvenWhenAChildStartsEarlier() {
    // Clock skew: the child's clock runs behind the root's.
    Span child = span("b2", "a1", "api", -5, 20).build();
    Span root = span("a1", null, "web", 0, 100).build();

    Trace trace = trace(child, root);

    assertThat(trace.spans().get(0)).isEqualTo(child);
    assertThat(trace.root()).isEqualTo(root);
    assertThat(trace.serviceName()).isEqualTo("web");
    assertThat(trace.rootOperation()).isEqualTo("op-a1");
  }

  @Test
  void missingRootFallsBackToTheEarliestOrphan() {
    // a1 never arrived; b2 and c3 are its children, d4 is b2's child and starts first.
    Span grandchild = span("d4", "b2", "db", 5, 10).build();
    Span orphan1 = span("b2", "a1", "api", 10, 50).build();
    Span orphan2 = span("c3", "a1", "auth", 20, 50).build();

    Trace trace = trace(orphan2, grandchild, orphan1);

    assertThat(trace.root()).isEqualTo(orphan1);
    assertThat(trace.serviceName()).isEqualTo("api");
    assertThat(trace.rootOperation()).isEqualTo("op-b2");
  }

  @Test
  void cyclicParentsFallBackToTheEarliestSpan() {
    Span a = span("a1", "b2", "x", 3, 1).build();
    Span b = span("b2", "a1", "y", 1, 1).build();

    assertThat(trace(a, b).root()).isEqualTo(b);
  }

  @Test
  void startEndAndDurationSpanAllSpans() {
    Span root = span("a1", null, "web", 0, 100).build();
    Span outlives = span("b2", "a1", "worker", 50, 200).build();

    Trace trace = trace(root, outlives);

    assertThat(trace.startTime()).isEqualTo(T0);
    assertThat(trace.endTime()).isEqualTo(T0.plusMillis(250));
    assertThat(trace.duration()).isEqualTo(Duration.ofMillis(250));
    assertThat(trace.durationMs()).isEqualTo(250.0);
  }

  @Test
  void statusIsErrorWhenAnySpanFailedOtherwiseOk() {
    Span unset = span("a1", null, "web", 0, 10).build();
    Span ok = span("b2", "a1", "api", 1, 1).status(SpanStatus.OK).build();
    Span failed = span("c3", "a1", "db", 2, 1).status(SpanStatus.error("deadlock")).build();
    Span failedToo = span("d4", "a1", "db", 3, 1).status(SpanStatus.error("deadlock")).build();

    Trace healthy = trace(unset, ok);
    Trace broken = trace(unset, ok, failed, failedToo);

    assertThat(healthy.status()).isEqualTo(StatusCode.OK);
    assertThat(healthy.hasErrors()).isFalse();
    assertThat(healthy.errorSpanCount()).isZero();
    assertThat(trace(unset).status()).isEqualTo(StatusCode.OK);
    assertThat(broken.status()).isEqualTo(StatusCode.ERROR);
    assertThat(broken.hasErrors()).isTrue();
    assertThat(broken.errorSpanCount()).isEqualTo(2);
  }

  @Test
  void aTraceWithoutItsRootIsIncompleteAndItsStatusUnknownUnlessASpanFailed() {
    Span orphan = span("b2", "a1", "api", 10, 50).build();
    Span child = span("c3", "b2", "db", 20, 5).build();
    Span failed = span("d4", "b2", "db", 30, 5).status(SpanStatus.error("deadlock")).build();

    assertThat(trace(orphan, child).hasRoot()).isFalse();
    assertThat(trace(orphan, child).isIncomplete()).isTrue();
    assertThat(trace(orphan, child).orphanCount()).isEqualTo(1);
    assertThat(trace(orphan, child).status()).isEqualTo(StatusCode.UNSET);
    assertThat(trace(orphan, child, failed).status()).isEqualTo(StatusCode.ERROR);
    Span root = span("a1", null, "web", 0, 100).build();
    assertThat(trace(root, orphan, child).isIncomplete()).isFalse();
    assertThat(trace(root, child).orphanCount()).isEqualTo(1);
  }

  @Test
  void servicesAreDistinctAndSorted() {
    Trace trace = trace(
        span("a1", null, "web", 0, 10).build(),
        span("b2", "a1", "db", 1, 1).build(),
        span("c3", "a1", "api", 2, 1).build(),
        span("d4", "a1", "db", 3, 1).build(),
        span("e5", "a1", null, 4, 1).build());

    assertThat(trace.services()).containsExactly("api", "db", "unknown_service", "web");
  }

  @Test
  void traceIdIsNormalisedAndEmptyTracesAreRejected() {
    Trace trace = new Trace("0AF7651916CD43DD8448EB211C80319C", List.of(span("a1", null, "web", 0, 1).build()));
    assertThat(trace.traceId()).isEqualTo("0af7651916cd43dd8448eb211c80319c");

    assertThatThrownBy(() -> new Trace("0af7651916cd43dd8448eb211c80319c", List.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("at least one span");
    assertThatThrownBy(() -> new Trace("0af7651916cd43dd8448eb211c80319c", null))
        .isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> new Trace("bogus!", List.of(span("a1", null, "web", 0, 1).build())))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void aTraceIsATraceHit() {
    Trace trace = trace(span("a1", null, "web", 0, 10).build());
    TraceHit hit = trace;
    assertThat(hit.startTime()).isEqualTo(T0);
    assertThat(hit.duration()).isEqualTo(Duration.ofMillis(10));
    assertThat(hit.traceId()).isEqualTo("0af7651916cd43dd8448eb211c80319c");
  }

  @Test
  void spanListIsImmutable() {
    Trace trace = trace(span("a1", null, "web", 0, 10).build());
    assertThatThrownBy(() -> trace.spans().clear()).isInstanceOf(UnsupportedOperationException.class);
    assertThat(trace.endTime()).isEqualTo(Instant.parse("2025-03-01T10:00:00.010Z"));
  }
}
