package dev.otelmcp.domain.model;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * A whole trace: every span the backend holds for one trace id, ordered by start time.
 *
 * <p>The root is the earliest span without a parent; when the root has not arrived (or is lost), the
 * earliest span whose parent is not in the trace stands in for it.
 */
public record Trace(String traceId, List<Span> spans) implements TraceHit {

  private static final Comparator<Span> BY_START = Comparator.comparing(Span::startTime);

  public Trace {
    traceId = Ids.traceId(traceId);
    Objects.requireNonNull(spans, "spans");
    if (spans.isEmpty()) {
      throw new IllegalArgumentException("a trace has at least one span: " + traceId);
    }
    // Sorted in place of a copy (stable, as a stream's sort): this runs for every trace a backend hands over.
    Span[] byStart = spans.toArray(new Span[0]);
    Arrays.sort(byStart, BY_START);
    spans = Collections.unmodifiableList(Arrays.asList(byStart));
  }

  /** The root span, or the earliest orphan when the true root is missing. */
  public Span root() {
    for (Span span : spans) {
      if (span.isRoot()) {
        return span;
      }
    }
    Set<String> ids = new HashSet<>();
    spans.forEach(s -> ids.add(s.spanId()));
    return spans.stream().filter(s -> !ids.contains(s.parentSpanId())).findFirst().orElse(spans.get(0));
  }

  @Override
  public Instant startTime() {
    return spans.get(0).startTime();
  }

  public Instant endTime() {
    return spans.stream().map(Span::endTime).max(Comparator.naturalOrder()).orElseThrow();
  }

  @Override
  public Duration duration() {
    return Duration.between(startTime(), endTime());
  }

  public double durationMs() {
    return duration().toNanos() / 1_000_000.0;
  }

  public String serviceName() {
    return root().serviceName();
  }

  public String rootOperation() {
    return root().name();
  }

  public int spanCount() {
    return spans.size();
  }

  public long errorSpanCount() {
    return spans.stream().filter(Span::isError).count();
  }

  public boolean hasErrors() {
    return spans.stream().anyMatch(Span::isError);
  }

  /**
   * ERROR when any span failed; otherwise OK — unless the root span is missing, when nothing says how the
   * request ended, and the status is UNSET.
   */
  public StatusCode status() {
    if (hasErrors()) {
      return StatusCode.ERROR;
    }
    return hasRoot() ? StatusCode.OK : StatusCode.UNSET;
  }

  /** Whether the trace holds a span without a parent (its true root). */
  public boolean hasRoot() {
    return spans.stream().anyMatch(Span::isRoot);
  }

  /** Spans whose parent is not in the trace: lost, not yet arrived, or sampled away. */
  public int orphanCount() {
    Set<String> ids = new HashSet<>();
    spans.forEach(s -> ids.add(s.spanId()));
    return (int) spans.stream().filter(s -> !s.isRoot() && !ids.contains(s.parentSpanId())).count();
  }

  /** Whether spans are known to be missing: no root, or parents that are not in the trace. */
  public boolean isIncomplete() {
    return !hasRoot() || orphanCount() > 0;
  }

  /** The distinct services taking part, sorted. */
  public List<String> services() {
    Set<String> names = new TreeSet<>();
    spans.forEach(s -> names.add(s.serviceName()));
    return List.copyOf(names);
  }
}
