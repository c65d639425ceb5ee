package dev.otelmcp.domain.model;

import java.util.Locale;
import java.util.Optional;

/** OpenTelemetry span kinds. */
public enum SpanKind {
  UNSPECIFIED,
  INTERNAL,
  SERVER,
  CLIENT,
  PRODUCER,
  CONSUMER;

  private static final SpanKind[] VALUES = values();

  private final String wireName = name().toLowerCase(Locale.ROOT);
  private final Optional<SpanKind> parsed = Optional.of(this);

  /**
   * Parses the spellings backends use: OTLP enum numbers ({@code 3}), OTLP names ({@code SPAN_KIND_CLIENT})
   * and Jaeger's lower-case tag values ({@code client}).
   */
  public static Optional<SpanKind> parse(String raw) {
    if (raw == null || raw.isBlank()) {
      return Optional.empty();
    }
    for (SpanKind kind : VALUES) {
      if (kind.wireName.equals(raw)) {
        return kind.parsed; // as Jaeger and the built-in store write it, without a copy
      }
    }
    String s = raw.trim().toUpperCase(Locale.ROOT);
    if (s.startsWith("SPAN_KIND_")) {
      s = s.substring("SPAN_KIND_".length());
    }
    if (!s.isEmpty() && isDigits(s)) {
      String digits = s.replaceFirst("^0+(?=.)", "");
      int n = digits.length() > 2 ? -1 : Integer.parseInt(digits);
      return n >= 0 && n < values().length ? Optional.of(values()[n]) : Optional.empty();
    }
    for (SpanKind kind : values()) {
      if (kind.name().equals(s)) {
        return Optional.of(kind);
      }
    }
    return Optional.empty();
  }

  private static boolean isDigits(String s) {
    for (int i = 0; i < s.length(); i++) {
      if (s.charAt(i) < '0' || s.charAt(i) > '9') {
        return false;
      }
    }
    return true;
  }

  /** Lower-case wire name, as Jaeger and users write it. */
  public String wireName() {
    return wireName;
  }
}
