package dev.otelmcp.adapters.otlp.store;

import dev.otelmcp.domain.llm.LlmCall;
import dev.otelmcp.domain.llm.LlmCalls;
import dev.otelmcp.domain.model.Attributes;
import dev.otelmcp.domain.model.Span;
import dev.otelmcp.domain.model.Trace;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The spans the store holds for one trace id, with the figures the indexes sort by. Mutated only under the
 * index's write lock; {@link #trace()} is safe under its read lock.
 */
final class TraceEntry {

  /** Newest first by start, then by id: the order every search answers in ({@code Traces.NEWEST_FIRST}). */
  static final Comparator<TraceEntry> NEWEST_FIRST = Comparator.comparingLong((TraceEntry e) -> e.startNanos)
      .reversed().thenComparing(e -> e.traceId);

  /** Shortest first, then newest first: the duration index. */
  static final Comparator<TraceEntry> BY_DURATION = Comparator.comparingLong(TraceEntry::durationNanos)
      .thenComparing(NEWEST_FIRST);

  private static final int LINEAR_DEDUP_LIMIT = 32;

  final String traceId;
  private final List<Span> spans = new ArrayList<>(4);
  /** The distinct services taking part (usually one to three). */
  final List<String> services = new ArrayList<>(1);
  /** The distinct (interned) resources of its spans, whose attributes are indexed once per trace. */
  final List<Attributes> resources = new ArrayList<>(1);
  private Set<String> spanIds;
  long startNanos = Long.MAX_VALUE;
  long endNanos = Long.MIN_VALUE;
  /** When the store last accepted a span of this trace (epoch millis): retention by age counts from here. */
  long lastIngestMillis;
  private volatile Trace trace;
  /** The LLM call each span records (wrappers included), read once when the span arrived. */
  private List<LlmCall> llmCandidates = List.of();
  private volatile List<LlmCall> llmCalls;

  TraceEntry(String traceId) {
    this.traceId = traceId;
  }

  /** Adds a span unless its id is already held (an exporter retry); true when added. */
  boolean add(Span span) {
    if (contains(span.spanId())) {
      return false;
    }
    spans.add(span);
    if (!services.contains(span.serviceName())) {
      services.add(span.serviceName());
    }
    if (spanIds != null) {
      spanIds.add(span.spanId());
    } else if (spans.size() > LINEAR_DEDUP_LIMIT) {
      spanIds = new HashSet<>();
      spans.forEach(s -> spanIds.add(s.spanId()));
    }
    long start = nanos(span.startTime());
    startNanos = Math.min(startNanos, start);
    endNanos = Math.max(endNanos, start + span.duration().toNanos());
    Optional<LlmCall> call = LlmCalls.read(span);
    if (call.isPresent()) {
      if (llmCandidates.isEmpty()) {
        llmCandidates = new ArrayList<>(1);
      }
      llmCandidates.add(call.get());
    }
    trace = null;
    llmCalls = null;
    return true;
  }

  private boolean contains(String spanId) {
    if (spanIds != null) {
      return spanIds.contains(spanId);
    }
    for (Span held : spans) {
      if (held.spanId().equals(spanId)) {
        return true;
      }
    }
    return false;
  }

  List<Span> spans() {
    return spans;
  }

  int spanCount() {
    return spans.size();
  }

  long durationNanos() {
    return endNanos - startNanos;
  }

  /** The whole trace, built once per change. */
  Trace trace() {
    Trace built = trace;
    if (built == null) {
      built = new Trace(traceId, spans);
      trace = built;
    }
    return built;
  }

  /** The calls that count in the trace (wrappers left out), unpriced, chosen once per change. */
  List<LlmCall> llmCalls() {
    List<LlmCall> chosen = llmCalls;
    if (chosen == null) {
      chosen = LlmCalls.counted(trace(), llmCandidates);
      llmCalls = chosen;
    }
    return chosen;
  }

  static long nanos(Instant instant) {
    return instant.getEpochSecond() * 1_000_000_000L + instant.getNano();
  }

  @Override
  public String toString() {
    return traceId;
  }
}
