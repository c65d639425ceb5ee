package dev.otelmcp.adapters.clickhouse;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The values of one statement, each bound to a typed placeholder: every method returns the placeholder to write into
 * the SQL ({@code {p3:String}}) and keeps the value to send as {@code param_p3}. Values never enter the SQL text.
 *
 * <p>ClickHouse reads a parameter's value in its escaped text format (as a TabSeparated field), so a backslash, tab,
 * line feed or carriage return in a string is sent escaped ({@link #escape}); every other character is sent as it
 * is, quotes and braces included.
 */
final class SqlParams {

  private static final Pattern HEX_ID = Pattern.compile("[0-9a-f]{1,32}");
  private static final Pattern NAME = Pattern.compile("[^'\\\\\\x00-\\x1f]+");
  private static final Pattern KEY = Pattern.compile("[A-Za-z0-9_.\\-]+");

  private final Map<String, String> values = new LinkedHashMap<>();

  /** A {@code String} value. */
  String string(String value) {
    return bind("String", escape(value));
  }

  /** A {@code Float64} value (finite: filters hold finite numbers only). */
  String float64(double value) {
    if (!Double.isFinite(value)) {
      throw new IllegalArgumentException("not a finite number: " + value);
    }
    // The shortest text that reads back as the same double (ClickHouse reads 1.0E-5 too).
    return bind("Float64", Double.toString(value));
  }

  /**
   * A {@code Float64} passed as its IEEE bits, so that the statement compares with exactly the number Java holds (a
   * server may parse decimal text to a neighbouring number).
   */
  String float64Exact(double value) {
    return "reinterpretAsFloat64(" + int64(Double.doubleToRawLongBits(value)) + ")";
  }

  /** An {@code Int64} value. */
  String int64(long value) {
    return bind("Int64", Long.toString(value));
  }

  /** A {@code UInt32} value, e.g. a limit. */
  String uint32(int value) {
    if (value < 0) {
      throw new IllegalArgumentException("negative: " + value);
    }
    return bind("UInt32", Integer.toString(value));
  }

  /** A {@code DateTime64(9)} instant, sent as Unix seconds with nanoseconds (no time zone involved). */
  String dateTime64(Instant instant) {
    BigDecimal seconds = BigDecimal.valueOf(instant.getEpochSecond()).add(BigDecimal.valueOf(instant.getNano(), 9));
    return bind("DateTime64(9)", seconds.toPlainString());
  }

  /** An {@code Array(String)} of ids (lower-case hex only: an id with any other character is refused). */
  String hexIds(List<String> ids) {
    return strings(ids, HEX_ID, "a hex id");
  }

  /**
   * An {@code Array(String)} of attribute keys the code names (letters, digits, {@code _ . -} only: anything else is
   * refused, so the literal needs no quoting rules).
   */
  String keys(java.util.Collection<String> keys) {
    return strings(keys, KEY, "a plain attribute key");
  }

  /**
   * An {@code Array(String)} of names the code holds, such as instrumentation scopes ({@code @scope/name}): any
   * character but quotes, backslashes and control characters, which are refused, so the literal needs no escapes.
   */
  String names(java.util.Collection<String> names) {
    return strings(names, NAME, "a plain name");
  }

  /** An {@code Array(String)} literal of values that match {@code allowed}, which keeps quoting out of it. */
  private String strings(java.util.Collection<String> values, Pattern allowed, String what) {
    StringBuilder literal = new StringBuilder("[");
    for (String value : values) {
      if (!allowed.matcher(value).matches()) {
        throw new IllegalArgumentException("not " + what + ": " + value);
      }
      literal.append(literal.length() > 1 ? "," : "").append('\'').append(value).append('\'');
    }
    return bind("Array(String)", literal.append(']').toString());
  }

  /** An {@code Array(Int64)}. */
  String int64s(List<Long> values) {
    StringBuilder literal = new StringBuilder("[");
    for (long value : values) {
      literal.append(literal.length() > 1 ? "," : "").append(value);
    }
    return bind("Array(Int64)", literal.append(']').toString());
  }

  /** How many characters the values take (sent in the request's URI, which a server bounds). */
  long length() {
    return values.entrySet().stream().mapToLong(e -> e.getKey().length() + e.getValue().length() + 8L).sum();
  }

  /** The statement with these values. */
  Sql sql(String text) {
    return new Sql(text, values);
  }

  /**
   * A string in ClickHouse's escaped text format: backslash, tab, line feed and carriage return escaped, as
   * ClickHouse's {@code deserializeTextEscaped} reads them back.
   */
  static String escape(String value) {
    StringBuilder out = new StringBuilder(value.length() + 8);
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      switch (c) {
        case '\\' -> out.append("\\\\");
        case '\t' -> out.append("\\t");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        default -> out.append(c);
      }
    }
    return out.toString();
  }

  private String bind(String type, String wireValue) {
    String name = "p" + values.size();
    values.put(name, wireValue);
    return "{" + name + ":" + type + "}";
  }
}
