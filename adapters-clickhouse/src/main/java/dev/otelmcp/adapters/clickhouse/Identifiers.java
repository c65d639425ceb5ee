package dev.otelmcp.adapters.clickhouse;

import dev.otelmcp.domain.error.InvalidQueryException;
import dev.otelmcp.domain.error.Quote;
import java.util.regex.Pattern;

/**
 * Database and table names: the only words of a query that cannot be query parameters of a plain {@code FROM}. They
 * come from the configuration, are checked against a strict pattern (letters, digits, underscores; no quote or
 * backquote can pass) and are always written backquoted.
 */
final class Identifiers {

  private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,127}");

  private Identifiers() {}

  /** The name, or an {@link InvalidQueryException} naming the setting. */
  static String check(String setting, String name) {
    if (name == null || !IDENTIFIER.matcher(name).matches()) {
      throw new InvalidQueryException("setting '" + setting + "' must be a plain ClickHouse identifier (letters, "
          + "digits and underscores, not starting with a digit), got " + Quote.of(name),
          "Use the name the Collector's clickhouse exporter was configured with, e.g. otel and otel_traces.");
    }
    return name;
  }

  /** The checked name in backquotes. */
  static String quote(String name) {
    return "`" + check("identifier", name) + "`";
  }
}
