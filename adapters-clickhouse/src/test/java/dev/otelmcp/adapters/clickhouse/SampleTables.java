package dev.otelmcp.adapters.clickhouse;

import dev.otelmcp.domain.model.Span;
import dev.otelmcp.domain.model.TimeRange;
import dev.otelmcp.otlp.codec.OtlpJsonDecoder;
import dev.otelmcp.tck.TestResources;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The recorded sample traces loaded into the exporter's schema on the shared engine, once per JVM: database
 * {@value #MAP_DATABASE} with the Map variant (and the trace-id lookup table with its materialized view, as the
 * exporter creates them) and database {@value #JSON_DATABASE} with the JSON variant.
 */
public final class SampleTables {

  static final String MAP_DATABASE = "otel";
  static final String JSON_DATABASE = "otel_json";
  static final String TABLE = "otel_traces";
  static final List<String> FILES = List.of("samples/travel-agent.jsonl", "samples/review-assistant.jsonl",
      "samples/support-bot.jsonl");
  /** Holds every sample span (recorded 2026-11-22 about 22:21Z). */
  static final TimeRange WINDOW =
      new TimeRange(Instant.parse("2026-11-22T00:00:00Z"), Instant.parse("2026-11-24T00:00:00Z"));

  private static boolean loaded;
  private static List<Span> spans;

  private SampleTables() {}

  /** The engine with both databases loaded. */
  static synchronized ChdbServer loaded() {
    ChdbServer server = ChdbServer.shared();
    if (!loaded) {
      List<Span> all = spans();
      server.execute("CREATE DATABASE IF NOT EXISTS " + MAP_DATABASE);
      server.execute(mapTable(MAP_DATABASE, TABLE));
      server.execute(lookupTable(MAP_DATABASE, TABLE));
      server.execute(lookupView(MAP_DATABASE, TABLE));
      server.execute(ExporterRows.insert(MAP_DATABASE + "." + TABLE, all, false));
      server.execute("CREATE DATABASE IF NOT EXISTS " + JSON_DATABASE);
      server.execute(jsonTable(JSON_DATABASE, TABLE));
      server.execute(ExporterRows.insert(JSON_DATABASE + "." + TABLE, all, true));
      loaded = true;
    }
    return server;
  }

  /** The engine with a database of its own holding only these spans, in a Map-variant table made afresh. */
  static ChdbServer loadedWith(String database, List<Span> spans) {
    ChdbServer server = loaded();
    server.execute("CREATE DATABASE IF NOT EXISTS " + database);
    server.execute("DROP TABLE IF EXISTS " + database + "." + TABLE);
    server.execute(mapTable(database, TABLE));
    server.execute(ExporterRows.insert(database + "." + TABLE, spans, false));
    return server;
  }

  /** Every sample span, decoded by the project's OTLP/JSON codec. */
  static synchronized List<Span> spans() {
    if (spans == null) {
      OtlpJsonDecoder decoder = new OtlpJsonDecoder();
      List<Span> all = new ArrayList<>();
      for (String file : FILES) {
        for (String line : TestResources.text(file).split("\n")) {
          if (!line.isBlank()) {
            all.addAll(decoder.decode(line).spans());
          }
        }
      }
      spans = List.copyOf(all);
    }
    return spans;
  }

  /** The exporter's Map-variant spans table (traces_table.sql, bloom-filter indexes). */
  public static String mapTable(String database, String table) {
    return "CREATE TABLE IF NOT EXISTS " + database + "." + table + " (\n"
        + "  Timestamp DateTime64(9) CODEC(Delta(8), ZSTD(1)),\n"
        + "  TraceId String CODEC(ZSTD(1)),\n"
        + "  SpanId String CODEC(ZSTD(1)),\n"
        + "  ParentSpanId String CODEC(ZSTD(1)),\n"
        + "  TraceState String CODEC(ZSTD(1)),\n"
        + "  SpanName LowCardinality(String) CODEC(ZSTD(1)),\n"
        + "  SpanKind LowCardinality(String) CODEC(ZSTD(1)),\n"
        + "  ServiceName LowCardinality(String) CODEC(ZSTD(1)),\n"
        + "  ResourceAttributes Map(LowCardinality(String), String) CODEC(ZSTD(1)),\n"
        + "  ScopeName String CODEC(ZSTD(1)),\n"
        + "  ScopeVersion String CODEC(ZSTD(1)),\n"
        + "  SpanAttributes Map(LowCardinality(String), String) CODEC(ZSTD(1)),\n"
        + "  Duration UInt64 CODEC(T64, ZSTD(1)),\n"
        + "  StatusCode LowCardinality(String) CODEC(ZSTD(1)),\n"
        + "  StatusMessage String CODEC(ZSTD(1)),\n"
        + "  Events Nested (Timestamp DateTime64(9), Name LowCardinality(String),\n"
        + "    Attributes Map(LowCardinality(String), String)) CODEC(ZSTD(1)),\n"
        + "  Links Nested (TraceId String, SpanId String, TraceState String,\n"
        + "    Attributes Map(LowCardinality(String), String)) CODEC(ZSTD(1)),\n"
        + "  ResourceAttributeItems Array(String) ALIAS arrayMap(kv -> concat(kv.1, '=', kv.2),"
        + " CAST(ResourceAttributes, 'Array(Tuple(String, String))')),\n"
        + "  SpanAttributeItems Array(String) ALIAS arrayMap(kv -> concat(kv.1, '=', kv.2),"
        + " CAST(SpanAttributes, 'Array(Tuple(String, String))')),\n"
        + "  INDEX idx_trace_id TraceId TYPE bloom_filter(0.001) GRANULARITY 1,\n"
        + "  INDEX idx_res_attr_key mapKeys(ResourceAttributes) TYPE bloom_filter(0.01) GRANULARITY 1,\n"
        + "  INDEX idx_res_attr_value mapValues(ResourceAttributes) TYPE bloom_filter(0.01) GRANULARITY 1,\n"
        + "  INDEX idx_span_attr_key mapKeys(SpanAttributes) TYPE bloom_filter(0.01) GRANULARITY 1,\n"
        + "  INDEX idx_span_attr_value mapValues(SpanAttributes) TYPE bloom_filter(0.01) GRANULARITY 1,\n"
        + "  INDEX idx_duration Duration TYPE minmax GRANULARITY 1,\n"
        + "  INDEX idx_lower_span_name lower(SpanName) TYPE tokenbf_v1(32768, 3, 0) GRANULARITY 8\n"
        + ") ENGINE = MergeTree\n"
        + "PARTITION BY toDate(Timestamp)\n"
        + "PRIMARY KEY (ServiceName, SpanName, toDateTime(Timestamp))\n"
        + "ORDER BY (ServiceName, SpanName, toDateTime(Timestamp), Timestamp)\n"
        + "SETTINGS index_granularity = 8192, ttl_only_drop_parts = 1";
  }

  /** The exporter's JSON-variant spans table (traces_json_table.sql). */
  public static String jsonTable(String database, String table) {
    return "CREATE TABLE IF NOT EXISTS " + database + "." + table + " (\n"
        + "  Timestamp DateTime64(9) CODEC(Delta, ZSTD(1)),\n"
        + "  TraceId String CODEC(ZSTD(1)),\n"
        + "  SpanId String CODEC(ZSTD(1)),\n"
        + "  ParentSpanId String CODEC(ZSTD(1)),\n"
        + "  TraceState String CODEC(ZSTD(1)),\n"
        + "  SpanName LowCardinality(String) CODEC(ZSTD(1)),\n"
        + "  SpanKind LowCardinality(String) CODEC(ZSTD(1)),\n"
        + "  ServiceName LowCardinality(String) CODEC(ZSTD(1)),\n"
        + "  ResourceAttributes JSON CODEC(ZSTD(1)),\n"
        + "  ScopeName String CODEC(ZSTD(1)),\n"
        + "  ScopeVersion String CODEC(ZSTD(1)),\n"
        + "  SpanAttributes JSON CODEC(ZSTD(1)),\n"
        + "  Duration UInt64 CODEC(ZSTD(1)),\n"
        + "  StatusCode LowCardinality(String) CODEC(ZSTD(1)),\n"
        + "  StatusMessage String CODEC(ZSTD(1)),\n"
        + "  Events Nested (Timestamp DateTime64(9), Name LowCardinality(String), Attributes JSON) CODEC(ZSTD(1)),\n"
        + "  Links Nested (TraceId String, SpanId String, TraceState String, Attributes JSON) CODEC(ZSTD(1)),\n"
        + "  INDEX idx_duration Duration TYPE minmax GRANULARITY 1\n"
        + ") ENGINE = MergeTree\n"
        + "PARTITION BY toDate(Timestamp)\n"
        + "ORDER BY (ServiceName, SpanName, toDateTime(Timestamp), Timestamp)\n"
        + "SETTINGS index_granularity = 8192, ttl_only_drop_parts = 1";
  }

  /** The exporter's trace-id lookup table (traces_id_ts_lookup_table.sql): whole seconds. */
  public static String lookupTable(String database, String table) {
    return "CREATE TABLE IF NOT EXISTS " + database + "." + table + "_trace_id_ts (\n"
        + "  TraceId String CODEC(ZSTD(1)),\n"
        + "  Start SimpleAggregateFunction(min, DateTime) CODEC(ZSTD(1)),\n"
        + "  End SimpleAggregateFunction(max, DateTime) CODEC(ZSTD(1))\n"
        + ") ENGINE = AggregatingMergeTree\n"
        + "PARTITION BY toStartOfWeek(Start)\n"
        + "ORDER BY (TraceId)\n"
        + "SETTINGS index_granularity = 8192, ttl_only_drop_parts = 1";
  }

  /** The materialized view that fills the lookup table on every insert (traces_id_ts_lookup_mv.sql). */
  public static String lookupView(String database, String table) {
    return "CREATE MATERIALIZED VIEW IF NOT EXISTS " + database + "." + table + "_trace_id_ts_mv\n"
        + "TO " + database + "." + table + "_trace_id_ts\n"
        + "AS SELECT TraceId, min(Timestamp) AS Start, max(Timestamp) AS End\n"
        + "FROM " + database + "." + table + "\n"
        + "WHERE TraceId != ''\n"
        + "GROUP BY TraceId";
  }
}
