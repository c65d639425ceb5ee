package dev.otelmcp.adapters.tempo;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;

/**
 * Spelling TraceQL safely. Every user value reaches Tempo through one of these methods, so no value can
 * end a string literal, an attribute name or a regular expression early ({@code " || true || "} stays a
 * string).
 *
 * <p>What the rules follow (Tempo's {@code pkg/traceql/lexer.go}): string literals are Go double-quoted
 * strings read with {@code strconv.Unquote}; an attribute name runs until whitespace or one of
 * {@code { } ( ) = ~ ! < > & | ^ ,}, and parts of it may be double-quoted with only {@code \"} and
 * {@code \\} as escapes; durations are a number with a unit ({@code 123.5ms}); regular expressions are Go
 * RE2, fully anchored since Tempo 2.7 and unanchored before, so the patterns here carry explicit
 * {@code ^…$} and mean the same on both.
 */
final class TraceQl {

  /** The attribute scopes a condition can name. */
  enum Scope {
    SPAN("span."),
    RESOURCE("resource."),
    /** Unscoped ({@code .x}): Tempo looks at the span's attributes first, then the resource's (and, in newer versions, events and links). */
    ANY(".");

    private final String prefix;

    Scope(String prefix) {
      this.prefix = prefix;
    }
  }

  private static final String ATTRIBUTE_TERMINATORS = "{}()=~!<>&|^,\"";
  private static final String REGEX_METACHARACTERS = "\\.+*?()|[]{}^$";
  private static final long NANOS_PER_MILLI = 1_000_000L;

  private TraceQl() {}

  /** A string literal: double-quoted, with quotes, backslashes and control characters escaped. */
  static String string(String value) {
    StringBuilder out = new StringBuilder(value.length() + 2).append('"');
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        default -> {
          if (c < 0x20 || c == 0x7f) {
            // A raw control character would end or corrupt Go's string literal.
            out.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    return out.append('"').toString();
  }

  /**
   * An attribute reference: {@code span.gen_ai.request.model}, {@code resource.service.name}, {@code .x}, or
   * with the name quoted when it holds characters that would end it ({@code span."my key"}).
   */
  static String attribute(Scope scope, String name) {
    if (name.isEmpty()) {
      throw new IllegalArgumentException("an attribute name is never empty");
    }
    return scope.prefix + (needsQuoting(name) ? quotedName(name) : name);
  }

  /** Go's {@code regexp.QuoteMeta}: the literal as a pattern matching exactly itself. */
  static String quoteMeta(String literal) {
    StringBuilder out = new StringBuilder(literal.length() + 8);
    for (int i = 0; i < literal.length(); i++) {
      char c = literal.charAt(i);
      if (REGEX_METACHARACTERS.indexOf(c) >= 0) {
        out.append('\\');
      }
      out.append(c);
    }
    return out.toString();
  }

  /** Text containing the literal anywhere; {@code (?s)} so that multi-line values (prompts) match too. */
  static String containsPattern(String literal) {
    return "(?s)^.*" + quoteMeta(literal) + ".*$";
  }

  static String startsWithPattern(String literal) {
    return "(?s)^" + quoteMeta(literal) + ".*$";
  }

  static String endsWithPattern(String literal) {
    return "(?s)^.*" + quoteMeta(literal) + "$";
  }

  /** A number literal: integers without a fraction, others in plain decimal notation (never an exponent). */
  static String number(double value) {
    if (value == Math.rint(value) && Math.abs(value) < 1e15) {
      return Long.toString((long) value);
    }
    return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
  }

  /** A duration literal in milliseconds for a whole number of nanoseconds: {@code 100ms}, {@code 123.5ms}. */
  static String durationNanos(long nanos) {
    if (nanos % NANOS_PER_MILLI == 0) {
      return (nanos / NANOS_PER_MILLI) + "ms";
    }
    return BigDecimal.valueOf(nanos).movePointLeft(6).stripTrailingZeros().toPlainString() + "ms";
  }

  /** {@code a || b || c}, parenthesised when there is more than one. */
  static String anyOf(List<String> conditions) {
    if (conditions.isEmpty()) {
      throw new IllegalArgumentException("an alternative needs at least one condition");
    }
    return conditions.size() == 1 ? conditions.get(0) : "(" + String.join(" || ", conditions) + ")";
  }

  /** One spanset: every condition on one and the same span; {@code {}} for none. */
  static String spanset(List<String> conditions) {
    return conditions.isEmpty() ? "{}" : "{ " + String.join(" && ", conditions) + " }";
  }

  private static boolean needsQuoting(String name) {
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      if (Character.isWhitespace(c) || Character.isSpaceChar(c) || Character.isISOControl(c)
          || ATTRIBUTE_TERMINATORS.indexOf(c) >= 0) {
        return true;
      }
    }
    return false;
  }

  private static String quotedName(String name) {
    return '"' + name.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
  }
}
