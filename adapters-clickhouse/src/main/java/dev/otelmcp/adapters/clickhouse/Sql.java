package dev.otelmcp.adapters.clickhouse;

import java.util.Map;

/**
 * One statement for ClickHouse's HTTP interface: SQL text that names every value as a typed placeholder
 * ({@code {p0:String}}), and the values, sent apart as {@code param_p0=…}. ClickHouse parses each value as its
 * declared type and substitutes it as a literal after parsing the statement, so no value can change what the
 * statement is.
 *
 * @param text the statement, ending in its {@code FORMAT} clause
 * @param params placeholder name to the value in ClickHouse's escaped text format ({@link SqlParams#escape})
 */
record Sql(String text, Map<String, String> params) {

  Sql {
    params = Map.copyOf(params);
  }

  /** The statement without values, for messages. */
  String describe() {
    String flat = text.replaceAll("\\s+", " ").trim();
    return flat.length() > 80 ? flat.substring(0, 80) + "…" : flat;
  }
}
