package dev.otelmcp.adapters.clickhouse;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Reads the spans table's schema at first use ({@code DESC TABLE}, and {@code EXISTS} for the trace-id lookup table)
 * and keeps it. A failed detection is not kept: the next call tries again (ClickHouse may have been down, or the
 * exporter may not have created the table yet).
 */
final class SchemaDetector {

  private final ClickHouseCalls calls;
  private final ClickHouseConfig config;
  private final AtomicReference<Schema> detected = new AtomicReference<>();

  SchemaDetector(ClickHouseCalls calls, ClickHouseConfig config) {
    this.calls = calls;
    this.config = config;
  }

  Schema schema() {
    Schema schema = detected.get();
    if (schema == null) {
      schema = detect();
      detected.compareAndSet(null, schema);
    }
    return schema;
  }

  private Schema detect() {
    SqlParams none = new SqlParams();
    List<JsonNode> columns = calls.rows("DESC TABLE " + config.database() + "." + config.table(),
        none.sql("DESC TABLE " + config.spansTable() + " FORMAT JSONEachRow"));
    List<JsonNode> lookup = calls.rows("EXISTS TABLE " + config.table() + "_trace_id_ts",
        new SqlParams().sql("EXISTS TABLE " + config.lookupTable() + " FORMAT JSONEachRow"));
    boolean hasLookup = !lookup.isEmpty() && lookup.get(0).path("result").asInt(0) == 1;
    return Schema.of(columns, hasLookup, config.database() + "." + config.table());
  }
}
