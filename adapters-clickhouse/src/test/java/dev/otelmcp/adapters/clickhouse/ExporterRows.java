package dev.otelmcp.adapters.clickhouse;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.otelmcp.domain.model.AttributeValue;
import dev.otelmcp.domain.model.Attributes;
import dev.otelmcp.domain.model.Span;
import dev.otelmcp.domain.model.SpanEvent;
import dev.otelmcp.domain.model.SpanLink;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;

/**
 * Spans written as the Collector's {@code clickhouseexporter} writes them, as JSONEachRow rows: {@code SpanKind} as
 * {@code Server}, {@code Client}, {@code Internal}…, {@code StatusCode} as {@code Ok}/{@code Error}/{@code Unset},
 * {@code Duration} in nanoseconds, the resource's {@code service.name} as {@code ServiceName}, events and links as
 * the Nested columns' arrays. Attributes: for the Map variant every value as the exporter's {@code AsString} renders
 * it (numbers in decimal, booleans {@code true}, arrays as JSON); for the JSON variant typed.
 */
public final class ExporterRows {

  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSSSSSSSS").withZone(ZoneOffset.UTC);
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private ExporterRows() {}

  /** {@code INSERT INTO <table> FORMAT JSONEachRow} with one line per span. */
  public static String insert(String table, List<Span> spans, boolean typedAttributes) {
    StringBuilder sql = new StringBuilder("INSERT INTO ").append(table).append(" FORMAT JSONEachRow\n");
    for (Span span : spans) {
      sql.append(row(span, typedAttributes)).append('\n');
    }
    return sql.toString();
  }

  static ObjectNode row(Span span, boolean typed) {
    ObjectNode row = NODES.objectNode();
    row.put("Timestamp", time(span.startTime()));
    row.put("TraceId", span.traceId());
    row.put("SpanId", span.spanId());
    row.put("ParentSpanId", span.parent().orElse(""));
    row.put("TraceState", "");
    row.put("SpanName", span.name());
    row.put("SpanKind", capitalised(span.kind().name()));
    row.put("ServiceName", span.resource().getText("service.name").orElse(""));
    row.set("ResourceAttributes", attributes(span.resource(), typed));
    row.put("ScopeName", span.scopeName());
    row.put("ScopeVersion", "");
    row.set("SpanAttributes", attributes(span.attributes(), typed));
    row.put("Duration", span.duration().toNanos());
    row.put("StatusCode", capitalised(span.status().code().name()));
    row.put("StatusMessage", span.status().message());
    ArrayNode eventTimes = row.putArray("Events.Timestamp");
    ArrayNode eventNames = row.putArray("Events.Name");
    ArrayNode eventAttributes = row.putArray("Events.Attributes");
    for (SpanEvent event : span.events()) {
      eventTimes.add(time(event.time()));
      eventNames.add(event.name());
      eventAttributes.add(attributes(event.attributes(), typed));
    }
    ArrayNode linkTraces = row.putArray("Links.TraceId");
    ArrayNode linkSpans = row.putArray("Links.SpanId");
    ArrayNode linkStates = row.putArray("Links.TraceState");
    ArrayNode linkAttributes = row.putArray("Links.Attributes");
    for (SpanLink link : span.links()) {
      linkTraces.add(link.traceId());
      linkSpans.add(link.spanId());
      linkStates.add("");
      linkAttributes.add(attributes(link.attributes(), typed));
    }
    return row;
  }

  private static ObjectNode attributes(Attributes attributes, boolean typed) {
    ObjectNode map = NODES.objectNode();
    for (Map.Entry<String, AttributeValue> entry : attributes.asMap().entrySet()) {
      if (typed) {
        map.set(entry.getKey(), JSON.valueToTree(entry.getValue().toJava()));
      } else {
        map.put(entry.getKey(), asString(entry.getValue()));
      }
    }
    return map;
  }

  /** pcommon's {@code Value.AsString}: strings as they are, doubles in plain decimal, arrays and maps as JSON. */
  private static String asString(AttributeValue value) {
    if (value instanceof AttributeValue.StringValue s) {
      return s.value();
    }
    if (value instanceof AttributeValue.DoubleValue d && Double.isFinite(d.value())) {
      return new BigDecimal(Double.toString(d.value())).stripTrailingZeros().toPlainString();
    }
    if (value instanceof AttributeValue.ArrayValue || value instanceof AttributeValue.MapValue) {
      try {
        return JSON.writeValueAsString(value.toJava());
      } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
        throw new IllegalStateException(e);
      }
    }
    return value.asText();
  }

  private static String time(Instant instant) {
    return TIME.format(instant);
  }

  private static String capitalised(String upper) {
    return upper.charAt(0) + upper.substring(1).toLowerCase(java.util.Locale.ROOT);
  }
}
