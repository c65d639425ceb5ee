package dev.otelmcp.domain.model;

import java.util.Locale;
import java.util.Optional;

/** OpenTelemetry span status codes. */
public enum StatusCode {
  UNSET,
  OK,
  ERROR;

  /** Parses OTLP numbers ({@code 2}), OTLP names ({@code STATUS_CODE_ERROR}) and plain names ({@code error}). */
  public static Optional<StatusCode> parse(String raw) {
    if (raw == null || raw.isBlank()) {
      return Optional.empty();
    }
    String s = raw.trim().toUpperCase(Locale.ROOT);
    if (s.startsWith("STATUS_CODE_")) {
      s = s.substring("STATUS_CODE_".length());
    }
    switch (s) {
      case "0":
      case "UNSET":
        return Optional.of(UNSET);
      case "1":
      case "OK":
        return Optional.of(OK);
      case "2":
      case "ERROR":
        return Optional.of(ERROR);
      default:
        return Optional.empty();
    }
  }

  /** Lower-case wire name, as every enum in a tool's answer is written. */
  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }
}
