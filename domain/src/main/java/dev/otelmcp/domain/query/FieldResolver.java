package dev.otelmcp.domain.query;

import dev.otelmcp.domain.model.AttributeValue;
import dev.otelmcp.domain.model.Attributes;
import dev.otelmcp.domain.model.Span;
import dev.otelmcp.domain.model.Trace;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Finds the value(s) a filter field has on a span or a trace.
 *
 * <p>Resolution order for a span: intrinsic fields ({@link IntrinsicField}); {@code resource.<key>} and
 * {@code span.<key>} restrict the lookup to one scope (as TraceQL does); any other key is looked up as a
 * span attribute, then as a resource attribute, trying its convention aliases ({@link AttributeAliases}).
 * Array values count as each of their elements.
 *
 * <p>On a trace, three fields describe the trace as a whole: {@code duration}/{@code duration_ms} (trace
 * duration in ms), {@code span_count} and {@code trace_id}. Every other field is a span field.
 */
public final class FieldResolver {

  private static final String RESOURCE_PREFIX = "resource.";
  private static final String SPAN_PREFIX = "span.";

  private FieldResolver() {}

  /** Whether the field is evaluated once per trace rather than per span. */
  public static boolean isTraceLevel(String field) {
    return traceValue(field, null).isPresent();
  }

  /** Values of a trace-level field, or empty when the field is a span field. */
  public static Optional<List<AttributeValue>> traceValues(Trace trace, String field) {
    return traceValue(field, trace);
  }

  public static List<AttributeValue> spanValues(Span span, String field) {
    Optional<IntrinsicField> intrinsic = IntrinsicField.parse(field);
    if (intrinsic.isPresent()) {
      return intrinsicValue(span, intrinsic.get());
    }
    String key = field.trim();
    if (key.startsWith(RESOURCE_PREFIX)) {
      return lookup(span.resource(), key.substring(RESOURCE_PREFIX.length()));
    }
    if (key.startsWith(SPAN_PREFIX)) {
      return lookup(span.attributes(), key.substring(SPAN_PREFIX.length()));
    }
    for (String candidate : AttributeAliases.keysFor(key)) {
      List<AttributeValue> own = lookup(span.attributes(), candidate);
      if (!own.isEmpty()) {
        return own;
      }
      List<AttributeValue> fromResource = lookup(span.resource(), candidate);
      if (!fromResource.isEmpty()) {
        return fromResource;
      }
    }
    return List.of();
  }

  private static Optional<List<AttributeValue>> traceValue(String field, Trace trace) {
    String lower = field.trim().toLowerCase(Locale.ROOT);
    Optional<IntrinsicField> intrinsic = IntrinsicField.parse(lower);
    if (intrinsic.isPresent() && intrinsic.get() == IntrinsicField.DURATION) {
      return Optional.of(trace == null ? List.of() : List.of(AttributeValue.of(trace.durationMs())));
    }
    if (intrinsic.isPresent() && intrinsic.get() == IntrinsicField.TRACE_ID) {
      return Optional.of(trace == null ? List.of() : List.of(AttributeValue.of(trace.traceId())));
    }
    if (lower.equals("span_count")) {
      return Optional.of(trace == null ? List.of() : List.of(AttributeValue.of((long) trace.spanCount())));
    }
    return Optional.empty();
  }

  private static List<AttributeValue> intrinsicValue(Span span, IntrinsicField field) {
    switch (field) {
      case SERVICE_NAME:
        return List.of(AttributeValue.of(span.serviceName()));
      case NAME:
        return List.of(AttributeValue.of(span.name()));
      case DURATION:
        return List.of(AttributeValue.of(span.durationMs()));
      case STATUS:
        return List.of(AttributeValue.of(span.status().code().name()));
      case STATUS_MESSAGE:
        return span.status().message().isEmpty() ? List.of() : List.of(AttributeValue.of(span.status().message()));
      case KIND:
        return List.of(AttributeValue.of(span.kind().name()));
      case TRACE_ID:
        return List.of(AttributeValue.of(span.traceId()));
      case SPAN_ID:
        return List.of(AttributeValue.of(span.spanId()));
      case PARENT_SPAN_ID:
        return span.parent().map(p -> List.of(AttributeValue.of(p))).orElse(List.of());
      default:
        throw new IllegalStateException(field.name());
    }
  }

  private static List<AttributeValue> lookup(Attributes attributes, String key) {
    Optional<AttributeValue> value = attributes.get(key);
    if (value.isEmpty()) {
      return List.of();
    }
    if (value.get() instanceof AttributeValue.ArrayValue array) {
      return new ArrayList<>(array.values());
    }
    return List.of(value.get());
  }
}
