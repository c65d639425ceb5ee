package dev.otelmcp.domain.query;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Span fields that are not attributes, with the spellings users and the reference implementation use for
 * them. {@code duration} and {@code duration_ms} are both milliseconds.
 */
public enum IntrinsicField {
  SERVICE_NAME(false, "service.name", "service_name", "resource.service.name", "service"),
  NAME(false, "name", "operation_name", "operation", "span.name", "span_name"),
  DURATION(false, "duration", "duration_ms"),
  STATUS(true, "status", "status.code", "status_code", "otel.status_code"),
  STATUS_MESSAGE(false, "status.message", "status_message", "otel.status_description"),
  KIND(true, "kind", "span.kind", "span_kind"),
  TRACE_ID(true, "trace_id", "traceid", "trace.id"),
  SPAN_ID(true, "span_id", "spanid", "span.id"),
  PARENT_SPAN_ID(true, "parent_span_id", "parent_id", "parentspanid");

  private final boolean caseInsensitive;
  private final List<String> spellings;

  IntrinsicField(boolean caseInsensitive, String... spellings) {
    this.caseInsensitive = caseInsensitive;
    this.spellings = List.of(spellings);
  }

  /** The canonical name (first spelling). */
  public String canonicalName() {
    return spellings.get(0);
  }

  public List<String> spellings() {
    return spellings;
  }

  /** Enum-like and id fields compare case-insensitively ({@code error} = {@code ERROR}). */
  public boolean caseInsensitive() {
    return caseInsensitive;
  }

  public static Optional<IntrinsicField> parse(String field) {
    if (field == null) {
      return Optional.empty();
    }
    String lower = field.trim().toLowerCase(Locale.ROOT);
    return Arrays.stream(values()).filter(f -> f.spellings.contains(lower)).findFirst();
  }
}
