package dev.otelmcp.domain.model;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One span, normalised from whatever wire format a backend uses.
 *
 * <p>Ids are canonical lower-case hex; {@code parentSpanId} is {@code null} for a root span. Span
 * attributes and resource attributes are kept apart, as OTLP has them; {@code serviceName} is lifted out
 * of the resource because every tool needs it.
 */
public record Span(
    String traceId,
    String spanId,
    String parentSpanId,
    String name,
    String serviceName,
    SpanKind kind,
    Instant startTime,
    Duration duration,
    SpanStatus status,
    Attributes attributes,
    Attributes resource,
    List<SpanEvent> events,
    List<SpanLink> links,
    String scopeName) {

  public static final String UNKNOWN_SERVICE = "unknown_service";

  public Span {
    traceId = Ids.traceId(traceId);
    spanId = Ids.spanId(spanId);
    parentSpanId = parentSpanId == null || parentSpanId.isBlank() || isZero(parentSpanId) ? null : Ids.spanId(parentSpanId);
    // A zero id may also arrive in base64 ("AAAAAAAAAAA="): it is only recognisable once normalised.
    parentSpanId = parentSpanId == null || isZero(parentSpanId) ? null : parentSpanId;
    name = name == null ? "" : name;
    serviceName = serviceName == null || serviceName.isBlank() ? UNKNOWN_SERVICE : serviceName;
    kind = kind == null ? SpanKind.UNSPECIFIED : kind;
    Objects.requireNonNull(startTime, "startTime");
    duration = duration == null || duration.isNegative() ? Duration.ZERO : duration;
    status = status == null ? SpanStatus.UNSET : status;
    attributes = attributes == null ? Attributes.empty() : attributes;
    resource = resource == null ? Attributes.empty() : resource;
    events = events == null ? List.of() : List.copyOf(events);
    links = links == null ? List.of() : List.copyOf(links);
    scopeName = scopeName == null ? "" : scopeName;
  }

  public static Builder builder() {
    return new Builder();
  }

  public Builder toBuilder() {
    return new Builder()
        .traceId(traceId)
        .spanId(spanId)
        .parentSpanId(parentSpanId)
        .name(name)
        .serviceName(serviceName)
        .kind(kind)
        .startTime(startTime)
        .duration(duration)
        .status(status)
        .attributes(attributes)
        .resource(resource)
        .events(events)
        .links(links)
        .scopeName(scopeName);
  }

  public boolean isRoot() {
    return parentSpanId == null;
  }

  public Optional<String> parent() {
    return Optional.ofNullable(parentSpanId);
  }

  public Instant endTime() {
    return startTime.plus(duration);
  }

  /** Duration in milliseconds with microsecond precision, the unit every tool reports. */
  public double durationMs() {
    return duration.toNanos() / 1_000_000.0;
  }

  public boolean isError() {
    return status.isError();
  }

  /** A span attribute, falling back to the resource attribute of the same key. */
  public Optional<AttributeValue> attribute(String key) {
    Optional<AttributeValue> own = attributes.get(key);
    return own.isPresent() ? own : resource.get(key);
  }

  private static boolean isZero(String id) {
    // A loop, not a stream: this runs for every span a backend hands over.
    for (int i = 0; i < id.length(); i++) {
      if (id.charAt(i) != '0') {
        return false;
      }
    }
    return true;
  }

  /** Builder for the many optional parts of a span. */
  public static final class Builder {
    private String traceId;
    private String spanId;
    private String parentSpanId;
    private String name;
    private String serviceName;
    private SpanKind kind;
    private Instant startTime;
    private Duration duration;
    private SpanStatus status;
    private Attributes attributes;
    private Attributes resource;
    private List<SpanEvent> events;
    private List<SpanLink> links;
    private String scopeName;

    private Builder() {}

    public Builder traceId(String traceId) {
      this.traceId = traceId;
      return this;
    }

    public Builder spanId(String spanId) {
      this.spanId = spanId;
      return this;
    }

    public Builder parentSpanId(String parentSpanId) {
      this.parentSpanId = parentSpanId;
      return this;
    }

    public Builder name(String name) {
      this.name = name;
      return this;
    }

    public Builder serviceName(String serviceName) {
      this.serviceName = serviceName;
      return this;
    }

    public Builder kind(SpanKind kind) {
      this.kind = kind;
      return this;
    }

    public Builder startTime(Instant startTime) {
      this.startTime = startTime;
      return this;
    }

    public Builder duration(Duration duration) {
      this.duration = duration;
      return this;
    }

    public Builder status(SpanStatus status) {
      this.status = status;
      return this;
    }

    public Builder attributes(Attributes attributes) {
      this.attributes = attributes;
      return this;
    }

    public Builder resource(Attributes resource) {
      this.resource = resource;
      return this;
    }

    public Builder events(List<SpanEvent> events) {
      this.events = events;
      return this;
    }

    public Builder links(List<SpanLink> links) {
      this.links = links;
      return this;
    }

    public Builder scopeName(String scopeName) {
      this.scopeName = scopeName;
      return this;
    }

    public Span build() {
      return new Span(traceId, spanId, parentSpanId, name, serviceName, kind, startTime, duration, status,
          attributes, resource, events, links, scopeName);
    }
  }
}
