package dev.otelmcp.otlp.codec;

import com.fasterxml.jackson.databind.JsonNode;
import dev.otelmcp.domain.model.Attributes;
import dev.otelmcp.domain.model.Span;
import dev.otelmcp.domain.model.SpanEvent;
import dev.otelmcp.domain.model.SpanKind;
import dev.otelmcp.domain.model.SpanLink;
import dev.otelmcp.domain.model.SpanStatus;
import dev.otelmcp.domain.model.StatusCode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * One OTLP/JSON {@code Span} to a domain {@link Span}, within the resource and scope it was sent under.
 *
 * <p>A span is skipped (and counted) only when its identity or timing cannot be read: a trace or span id
 * that is neither hex nor base64, a parent id that is present but unreadable, or a timestamp that is not a
 * number. Everything else degrades to a default: unknown kind → UNSPECIFIED, unknown status → UNSET.
 */
final class OtlpSpanReader {

  /** What every span of one {@code ScopeSpans} shares. */
  record Context(String serviceName, Attributes resource, String scopeName) {}

  private OtlpSpanReader() {}

  static Optional<Span> read(JsonNode span, Context context, DecodeStats stats) {
    if (!span.isObject()) {
      stats.skippedSpans++;
      return Optional.empty();
    }
    Optional<String> traceId = WireIds.traceId(span.path("traceId").asText(null));
    Optional<String> spanId = WireIds.spanId(span.path("spanId").asText(null));
    String given = span.path("parentSpanId").asText("");
    // all zeros: how some exporters say "no parent"
    String rawParent = WireIds.meansNoParent(given) ? "" : given;
    Optional<String> parentId = rawParent.isBlank() ? Optional.empty() : WireIds.spanId(rawParent);
    OptionalLong start = nanos(span.get("startTimeUnixNano"));
    OptionalLong end = nanos(span.get("endTimeUnixNano"));
    if (traceId.isEmpty() || spanId.isEmpty() || (!rawParent.isBlank() && parentId.isEmpty())
        || start == null || end == null) {
      stats.skippedSpans++;
      return Optional.empty();
    }
    // A span without a start time sits at the epoch; without both ends its duration is unknown, so zero
    // rather than "now minus 1970".
    long startNanos = start.orElse(0L);
    Duration duration = start.isPresent() && end.isPresent()
        ? Duration.ofNanos(Math.max(0L, end.getAsLong() - startNanos))
        : Duration.ZERO;
    return Optional.of(Span.builder()
        .traceId(traceId.get())
        .spanId(spanId.get())
        .parentSpanId(parentId.orElse(null))
        .name(span.path("name").asText(""))
        .serviceName(context.serviceName())
        .kind(SpanKind.parse(JsonScalars.enumText(span.get("kind"))).orElse(SpanKind.UNSPECIFIED))
        .startTime(JsonScalars.instantOfNanos(startNanos))
        .duration(duration)
        .status(status(span.get("status")))
        .attributes(AnyValues.attributes(span.get("attributes"), stats))
        .resource(context.resource())
        .events(events(span.get("events"), stats))
        .links(links(span.get("links"), stats))
        .scopeName(context.scopeName())
        .build());
  }

  /** Empty when absent; {@code null} when present but not a number (the caller skips the span). */
  private static OptionalLong nanos(JsonNode node) {
    if (JsonScalars.isAbsent(node)) {
      return OptionalLong.empty();
    }
    OptionalLong value = JsonScalars.int64(node);
    return value.isPresent() ? value : null;
  }

  private static SpanStatus status(JsonNode status) {
    if (status == null || !status.isObject()) {
      return SpanStatus.UNSET;
    }
    StatusCode code = StatusCode.parse(JsonScalars.enumText(status.get("code"))).orElse(StatusCode.UNSET);
    return new SpanStatus(code, status.path("message").asText(""));
  }

  private static List<SpanEvent> events(JsonNode events, DecodeStats stats) {
    if (events == null || !events.isArray()) {
      return List.of();
    }
    List<SpanEvent> out = new ArrayList<>(events.size());
    for (JsonNode event : events) {
      OptionalLong time = nanos(event.get("timeUnixNano"));
      if (!event.isObject() || time == null) {
        stats.skippedEventsAndLinks++;
        continue;
      }
      Instant at = JsonScalars.instantOfNanos(time.orElse(0L));
      out.add(new SpanEvent(event.path("name").asText(""), at, AnyValues.attributes(event.get("attributes"), stats)));
    }
    return out;
  }

  private static List<SpanLink> links(JsonNode links, DecodeStats stats) {
    if (links == null || !links.isArray()) {
      return List.of();
    }
    List<SpanLink> out = new ArrayList<>(links.size());
    for (JsonNode link : links) {
      Optional<String> traceId = WireIds.traceId(link.path("traceId").asText(null));
      Optional<String> spanId = WireIds.spanId(link.path("spanId").asText(null));
      if (traceId.isEmpty() || spanId.isEmpty()) {
        stats.skippedEventsAndLinks++;
        continue;
      }
      out.add(new SpanLink(traceId.get(), spanId.get(), AnyValues.attributes(link.get("attributes"), stats)));
    }
    return out;
  }
}
