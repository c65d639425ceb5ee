package dev.otelmcp.adapters.clickhouse;

import com.fasterxml.jackson.databind.JsonNode;
import dev.otelmcp.domain.llm.LlmAttributeKeys;
import dev.otelmcp.domain.model.AttributeValue;
import dev.otelmcp.domain.model.Attributes;
import dev.otelmcp.domain.model.Span;
import dev.otelmcp.domain.model.SpanEvent;
import dev.otelmcp.domain.model.SpanKind;
import dev.otelmcp.domain.model.SpanLink;
import dev.otelmcp.domain.model.SpanStatus;
import dev.otelmcp.domain.model.StatusCode;
import dev.otelmcp.domain.model.Trace;
import dev.otelmcp.domain.model.Traces;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Spans as the exporter writes them, read back: the columns a search selects ({@link #columns}) and the domain span
 * of each JSONEachRow row. Times and durations travel as decimal strings of nanoseconds (no 64-bit number goes
 * through a JSON double); attributes of either variant become domain attributes (a Map's values are strings, a JSON
 * column's values keep their JSON type, and its nested paths are joined with dots again).
 */
final class SpanRows {

  private SpanRows() {}

  /** The columns every span row starts with: ids, name, kind, service, times, status. */
  private static final String SPAN = "TraceId, SpanId, ParentSpanId, SpanName, SpanKind, ServiceName, "
      + "toString(toUnixTimestamp64Nano(Timestamp)) AS start_ns, toString(" + FilterSql.DURATION_NANOS
      + ") AS duration_ns, StatusCode, StatusMessage";

  /** The events' times and names; their attributes follow, whole or projected. */
  private static final String EVENTS = ", arrayMap(t_ -> toString(toUnixTimestamp64Nano(t_)), `Events.Timestamp`) AS "
      + "event_ns, `Events.Name` AS event_names, ";

  /** The projected attributes' column name (not the column's own, which the expressions around it still read). */
  private static final String LLM_ATTRIBUTES = "llm_attributes";

  /** The select list of a span row for this schema. */
  static String columns(Schema schema) {
    StringBuilder sql = new StringBuilder(SPAN + ", ResourceAttributes, SpanAttributes");
    if (schema.hasScope()) {
      sql.append(", ScopeName");
    }
    if (schema.hasEvents()) {
      sql.append(EVENTS + "`Events.Attributes` AS event_attributes");
    }
    if (schema.hasLinks()) {
      sql.append(", `Links.TraceId` AS link_trace_ids, `Links.SpanId` AS link_span_ids, "
          + "`Links.Attributes` AS link_attributes");
    }
    return sql.toString();
  }

  /**
   * The select list of a span row for the LLM views ({@code LlmCallScan}): with the {@code Map} variant, only the
   * attributes {@link LlmAttributeKeys} names — the output messages (content, possibly long) only when no finish
   * reason key gave a reason, as {@code FinishReasons} reads them — events with the exception type only, and neither
   * resource nor links, which the views do not read. Most of a span's bytes are content and resource, so far fewer
   * bytes leave the database; the calls, tool calls and trace figures are the same (the TCK compares them). The JSON
   * variant is read whole.
   */
  static String llmColumns(Schema schema, SqlParams params) {
    if (schema.variant() != Schema.Variant.MAP) {
      return columns(schema);
    }
    String keys = params.keys(LlmAttributeKeys.SPAN_KEYS);
    String perChoice = params.string(perChoiceKeyPattern());
    String listKeys = params.keys(LlmAttributeKeys.FINISH_REASON_KEYS);
    String messages = params.string(LlmAttributeKeys.OUTPUT_MESSAGES);
    // A list key gives a reason when a character outside the list's marks, commas and what trim() removes is left;
    // a per-choice key when any character trim() keeps is. Computed once per span, then read by the key filter.
    String reasonInList = params.string("[^\\x00-\\x20,\\[\\]\"']");
    String reasonInText = params.string("[^\\x00-\\x20]");
    String noReason = "NOT arrayExists((rk_, rv_) -> (has(" + listKeys + ", rk_) AND match(rv_, " + reasonInList
        + ")) OR (match(rk_, " + perChoice + ") AND match(rv_, " + reasonInText + ")), mapKeys(SpanAttributes), "
        + "mapValues(SpanAttributes)) AS no_reason_";
    StringBuilder sql = new StringBuilder(SPAN + ", " + noReason + ", mapFilter((k_, v_) -> has(" + keys
        + ", k_) OR match(k_, " + perChoice + ") OR (k_ = " + messages + " AND no_reason_), SpanAttributes) AS "
        + LLM_ATTRIBUTES);
    if (schema.hasScope()) {
      sql.append(", ScopeName");
    }
    if (schema.hasEvents()) {
      sql.append(EVENTS + "arrayMap(a_ -> mapFilter((k_, v_) -> has(")
          .append(params.keys(LlmAttributeKeys.EVENT_KEYS)).append(", k_), a_), `Events.Attributes`) AS event_attributes");
    }
    return sql.toString();
  }

  /** {@code <prefix><1 to 5 digits>.finish_reason}, as {@code FinishReasons} matches per-choice keys. */
  private static String perChoiceKeyPattern() {
    StringBuilder alternatives = new StringBuilder();
    for (String prefix : LlmAttributeKeys.FINISH_REASON_PREFIXES) {
      alternatives.append(alternatives.length() > 0 ? "|" : "").append(prefix.replace(".", "\\."));
    }
    return "^(" + alternatives + ")[0-9]{1,5}\\.finish_reason$";
  }

  /** The settings every read ends with: 64-bit integers as JSON numbers (typed JSON attributes stay numbers). */
  static final String SETTINGS = " SETTINGS output_format_json_quote_64bit_integers = 0";

  static Span span(JsonNode row) {
    long startNanos = Long.parseLong(row.path("start_ns").asText("0"));
    long durationNanos = Long.parseLong(row.path("duration_ns").asText("0"));
    return Span.builder()
        .traceId(row.path("TraceId").asText())
        .spanId(row.path("SpanId").asText())
        .parentSpanId(row.path("ParentSpanId").asText(""))
        .name(row.path("SpanName").asText(""))
        .serviceName(row.path("ServiceName").asText(""))
        .kind(SpanKind.parse(row.path("SpanKind").asText("")).orElse(SpanKind.UNSPECIFIED))
        .startTime(instant(startNanos))
        .duration(Duration.ofNanos(durationNanos))
        .status(new SpanStatus(StatusCode.parse(row.path("StatusCode").asText("")).orElse(StatusCode.UNSET),
            row.path("StatusMessage").asText("")))
        .attributes(attributes(row.has(LLM_ATTRIBUTES) ? row.path(LLM_ATTRIBUTES) : row.path("SpanAttributes")))
        .resource(attributes(row.path("ResourceAttributes")))
        .events(events(row))
        .links(links(row))
        .scopeName(row.path("ScopeName").asText(""))
        .build();
  }

  /** The rows grouped into traces ({@link Traces#group}: a span id sent twice is kept once), newest first. */
  static List<Trace> traces(List<JsonNode> rows) {
    List<Span> spans = new ArrayList<>(rows.size());
    rows.forEach(row -> spans.add(span(row)));
    return Traces.group(spans);
  }

  static Instant instant(long nanos) {
    return Instant.ofEpochSecond(Math.floorDiv(nanos, 1_000_000_000L), Math.floorMod(nanos, 1_000_000_000L));
  }

  private static List<SpanEvent> events(JsonNode row) {
    JsonNode times = row.path("event_ns");
    if (!times.isArray()) {
      return List.of();
    }
    List<SpanEvent> events = new ArrayList<>(times.size());
    for (int i = 0; i < times.size(); i++) {
      events.add(new SpanEvent(row.path("event_names").path(i).asText(""),
          instant(Long.parseLong(times.get(i).asText("0"))), attributes(row.path("event_attributes").path(i))));
    }
    return events;
  }

  private static List<SpanLink> links(JsonNode row) {
    JsonNode traceIds = row.path("link_trace_ids");
    if (!traceIds.isArray()) {
      return List.of();
    }
    List<SpanLink> links = new ArrayList<>(traceIds.size());
    for (int i = 0; i < traceIds.size(); i++) {
      String traceId = traceIds.get(i).asText("");
      String spanId = row.path("link_span_ids").path(i).asText("");
      if (!traceId.isEmpty() && !spanId.isEmpty()) {
        links.add(new SpanLink(traceId, spanId, attributes(row.path("link_attributes").path(i))));
      }
    }
    return links;
  }

  /** A Map column (an object of strings) or a JSON column (nested objects of typed values), flat by dotted key. */
  static Attributes attributes(JsonNode node) {
    if (!node.isObject() || node.isEmpty()) {
      return Attributes.empty();
    }
    Attributes.Builder builder = Attributes.builder();
    flatten("", node, builder);
    return builder.build();
  }

  private static void flatten(String prefix, JsonNode object, Attributes.Builder builder) {
    Iterator<Map.Entry<String, JsonNode>> fields = object.fields();
    while (fields.hasNext()) {
      Map.Entry<String, JsonNode> field = fields.next();
      String key = prefix.isEmpty() ? field.getKey() : prefix + "." + field.getKey();
      if (field.getValue().isObject()) {
        flatten(key, field.getValue(), builder);
      } else {
        value(field.getValue()).ifPresent(v -> builder.put(key, v));
      }
    }
  }

  private static Optional<AttributeValue> value(JsonNode node) {
    if (node.isTextual()) {
      return Optional.of(AttributeValue.of(node.textValue()));
    }
    if (node.isBoolean()) {
      return Optional.of(AttributeValue.of(node.booleanValue()));
    }
    if (node.isIntegralNumber() && node.canConvertToLong()) {
      return Optional.of(AttributeValue.of(node.longValue()));
    }
    if (node.isNumber()) {
      return Optional.of(AttributeValue.of(node.doubleValue()));
    }
    if (node.isArray()) {
      List<AttributeValue> elements = new ArrayList<>(node.size());
      node.forEach(element -> value(element).ifPresent(elements::add));
      return Optional.of(AttributeValue.ofList(elements));
    }
    return Optional.empty();
  }
}
