package dev.otelmcp.adapters.clickhouse;

import com.fasterxml.jackson.databind.JsonNode;
import dev.otelmcp.domain.error.BackendRejectedException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What the spans table looks like, read once with {@code DESC TABLE}: which of the exporter's two variants it is
 * (attributes as {@code Map(LowCardinality(String), String)}, or as {@code JSON} with {@code json: true}), which
 * optional columns it has, and whether the exporter's trace-id lookup table exists beside it.
 *
 * @param variant how attributes are stored
 * @param hasScope whether {@code ScopeName} exists (exporter versions before 0.100 lack it)
 * @param hasEvents whether {@code Events.*} exist
 * @param hasLinks whether {@code Links.*} exist
 * @param hasLookup whether {@code <table>_trace_id_ts} exists (it bounds the read of one trace)
 */
record Schema(Variant variant, boolean hasScope, boolean hasEvents, boolean hasLinks, boolean hasLookup) {

  /** How the exporter stores attributes. */
  enum Variant {
    /** {@code Map(LowCardinality(String), String)}: every value a string. */
    MAP,
    /** ClickHouse's {@code JSON} type: typed values at dotted paths. */
    JSON
  }

  /** Columns every search reads, with the type family they must have. */
  static final Map<String, String> REQUIRED = required();

  /**
   * The schema of the columns {@code DESC TABLE} listed.
   *
   * @throws BackendRejectedException naming the columns that are missing or of another type
   */
  static Schema of(List<JsonNode> columns, boolean hasLookup, String table) {
    Map<String, String> types = new LinkedHashMap<>();
    for (JsonNode column : columns) {
      types.put(column.path("name").asText(), column.path("type").asText());
    }
    List<String> missing = new ArrayList<>();
    List<String> mistyped = new ArrayList<>();
    REQUIRED.forEach((name, family) -> {
      String type = types.get(name);
      if (type == null) {
        missing.add(name);
      } else if (!family.isEmpty() && !type.startsWith(family)) {
        mistyped.add(name + " " + type);
      }
    });
    if (!missing.isEmpty() || !mistyped.isEmpty()) {
      throw new BackendRejectedException("ClickHouse table " + table + " is not a traces table of the Collector's "
          + "clickhouse exporter: " + (missing.isEmpty() ? "" : "missing columns " + String.join(", ", missing))
          + (missing.isEmpty() || mistyped.isEmpty() ? "" : "; ")
          + (mistyped.isEmpty() ? "" : "columns of an unexpected type " + String.join(", ", mistyped)),
          "Set BACKEND_DATABASE and BACKEND_TABLE to the table the exporter writes spans to (its defaults are "
              + "otel.otel_traces), and let the exporter create it (create_schema: true) or use its DDL.");
    }
    Variant variant = attributesVariant(types.get("SpanAttributes"), table);
    if (attributesVariant(types.get("ResourceAttributes"), table) != variant) {
      throw new BackendRejectedException("ClickHouse table " + table + " mixes Map and JSON attribute columns ("
          + types.get("ResourceAttributes") + ", " + types.get("SpanAttributes") + ")",
          "Use a table created by the Collector's clickhouse exporter, with or without json: true.");
    }
    return new Schema(variant, types.containsKey("ScopeName"),
        types.containsKey("Events.Timestamp") && types.containsKey("Events.Name"),
        types.containsKey("Links.TraceId") && types.containsKey("Links.SpanId"), hasLookup);
  }

  /** A short description for health: {@code Map attributes, trace-id lookup table}. */
  String describe() {
    return (variant == Variant.MAP ? "Map" : "JSON") + " attributes" + (hasLookup ? ", trace-id lookup table" : "");
  }

  private static Variant attributesVariant(String type, String table) {
    String lower = type.toLowerCase(Locale.ROOT);
    if (lower.startsWith("map(")) {
      return Variant.MAP;
    }
    if (lower.startsWith("json") || lower.startsWith("object('json')")) {
      return Variant.JSON;
    }
    throw new BackendRejectedException("ClickHouse table " + table + " has attributes of type " + type
        + ", neither Map(LowCardinality(String), String) nor JSON",
        "Use a table created by the Collector's clickhouse exporter.");
  }

  private static Map<String, String> required() {
    Map<String, String> columns = new LinkedHashMap<>();
    columns.put("Timestamp", "DateTime64");
    columns.put("TraceId", "");
    columns.put("SpanId", "");
    columns.put("ParentSpanId", "");
    columns.put("SpanName", "");
    columns.put("SpanKind", "");
    columns.put("ServiceName", "");
    columns.put("ResourceAttributes", "");
    columns.put("SpanAttributes", "");
    columns.put("Duration", "");
    columns.put("StatusCode", "");
    columns.put("StatusMessage", "");
    return java.util.Collections.unmodifiableMap(columns);
  }
}
