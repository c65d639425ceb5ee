package dev.otelmcp.application.time;

import dev.otelmcp.domain.error.Quote;
import dev.otelmcp.domain.error.InvalidQueryException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses the time expressions tools accept: RFC-3339 with or without offset (no offset means UTC, never
 * the server's zone), a date ({@code 2026-11-02} = that day 00:00Z), {@code now}, a relative time before
 * now ({@code -15m}, {@code -2h}, {@code -7d}, {@code -1w}, also {@code now-2h}), or unix epoch seconds or
 * milliseconds.
 */
public final class TimeExpression {

  public static final String ACCEPTED_FORMS =
      "RFC-3339 (2026-11-22T10:00:00Z; no offset means UTC), a date (2026-11-22), now, "
          + "a relative time (-15m, -2h, -7d, -1w) or unix seconds/milliseconds";

  private static final Pattern RELATIVE = Pattern.compile("^(?:now)?\\s*-\\s*(\\d+(?:\\.\\d+)?)\\s*(s|m|h|d|w)$");
  private static final Pattern EPOCH = Pattern.compile("^\\d{9,13}$");

  private TimeExpression() {}

  /**
   * @param parameter the parameter name, for the error message
   * @throws InvalidQueryException naming the parameter when the text is not a time
   */
  public static Instant parse(String parameter, String text, Instant now) {
    String s = text.trim();
    String lower = s.toLowerCase(Locale.ROOT);
    if (lower.equals("now")) {
      return now;
    }
    Matcher relative = RELATIVE.matcher(lower);
    if (relative.matches()) {
      return now.minus(relativeAmount(relative.group(1), relative.group(2)));
    }
    if (EPOCH.matcher(s).matches()) {
      long value = Long.parseLong(s);
      return s.length() >= 12 ? Instant.ofEpochMilli(value) : Instant.ofEpochSecond(value);
    }
    try {
      return OffsetDateTime.parse(s).toInstant();
    } catch (DateTimeParseException ignored) {
      // try the next form
    }
    try {
      return LocalDateTime.parse(s).toInstant(ZoneOffset.UTC);
    } catch (DateTimeParseException ignored) {
      // try the next form
    }
    try {
      return LocalDate.parse(s).atStartOfDay().toInstant(ZoneOffset.UTC);
    } catch (DateTimeParseException ignored) {
      // reported below
    }
    throw new InvalidQueryException(parameter + " " + Quote.of(text) + " is not a time", "Use " + ACCEPTED_FORMS + ".");
  }

  private static Duration relativeAmount(String number, String unit) {
    double amount = Double.parseDouble(number);
    long seconds;
    switch (unit) {
      case "s":
        seconds = 1;
        break;
      case "m":
        seconds = 60;
        break;
      case "h":
        seconds = 3_600;
        break;
      case "d":
        seconds = 86_400;
        break;
      case "w":
        seconds = 604_800;
        break;
      default:
        throw new IllegalStateException(unit);
    }
    return Duration.ofMillis(Math.round(amount * seconds * 1000));
  }
}
