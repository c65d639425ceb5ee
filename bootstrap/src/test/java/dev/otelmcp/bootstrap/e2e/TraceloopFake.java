package dev.otelmcp.bootstrap.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import dev.otelmcp.domain.model.AttributeValue;
import dev.otelmcp.domain.model.Attributes;
import dev.otelmcp.domain.model.Span;
import dev.otelmcp.domain.model.Trace;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Traceloop API v2 answering from a span list as the recordings show it: every attribute value a string,
 * {@code gen_ai.*} keys renamed to {@code llm.*} ({@code gen_ai.system} to {@code llm.vendor}, prompts and
 * completions to {@code llm.prompts.N.*}/{@code llm.completions.N.*}, which search rows carry in their own
 * {@code prompts}/{@code completions} maps), times and durations in whole milliseconds. Root-span search lists
 * the root spans of the window (a trace without its root is not listed), span search takes {@code service.name},
 * {@code span_name}, {@code duration} and attribute conditions; both sort newest first and page with the last
 * row's timestamp as cursor. {@code /traces/{id}/spans} has no service, status or resource, as the real one.
 * Any other filter is answered 400, so the test notices what it did not expect to be sent.
 */
final class TraceloopFake implements ResponseDefinitionTransformerV2 {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern PROMPT = Pattern.compile("gen_ai\\.(prompt|completion)\\.(\\d+\\..*)");
  static final String ENVIRONMENT = "prd";

  private final List<Trace> traces;
  private final List<Span> spans;

  TraceloopFake(List<Trace> traces) {
    this.traces = traces;
    this.spans = traces.stream().flatMap(t -> t.spans().stream())
        .sorted(Comparator.comparing((Span s) -> s.startTime().toEpochMilli()).reversed().thenComparing(Span::spanId))
        .toList();
  }

  @Override
  public String getName() {
    return "traceloop-fake";
  }

  @Override
  public ResponseDefinition transform(ServeEvent event) {
    String path = event.getRequest().getUrl().replaceFirst("\\?.*", "");
    try {
      if (path.endsWith("/traces/root-spans")) {
        List<Span> roots = spans.stream().filter(Span::isRoot).toList();
        return json(page("root_spans", roots, JSON.readTree(event.getRequest().getBodyAsString()), true));
      }
      if (path.endsWith("/spans") && path.contains("/traces/")) {
        String id = path.substring(path.indexOf("/traces/") + 8, path.length() - "/spans".length());
        ObjectNode body = JSON.createObjectNode();
        Trace trace = traces.stream().filter(t -> t.traceId().equals(id)).findFirst().orElse(null);
        if (trace == null) {
          body.putNull("spans");
        } else {
          ArrayNode out = body.putArray("spans");
          trace.spans().forEach(s -> out.add(traceSpan(s)));
        }
        return json(body);
      }
      if (path.endsWith("/v2/projects/default/spans")) {
        return json(page("spans", spans, JSON.readTree(event.getRequest().getBodyAsString()), false));
      }
      if (path.endsWith("/v2/warehouse/spans")) {
        return json((ObjectNode) JSON.readTree("{\"spans\":{\"data\":[]}}"));
      }
    } catch (IOException | IllegalArgumentException unsupported) {
      return ResponseDefinitionBuilder.responseDefinition().withStatus(400)
          .withBody("{\"error\":\"fake Traceloop: " + unsupported.getMessage().replace("\"", "'") + "\"}").build();
    }
    return ResponseDefinitionBuilder.responseDefinition().withStatus(404).withBody("{\"error\":\"not found\"}").build();
  }

  private ObjectNode page(String key, List<Span> rows, JsonNode request, boolean roots) {
    long from = request.path("from_timestamp_sec").asLong() * 1000;
    long to = request.path("to_timestamp_sec").asLong() * 1000;
    long cursor = request.path("cursor").asLong();
    int limit = request.path("limit").asInt();
    List<Span> matches = new ArrayList<>();
    for (Span span : rows) {
      long ts = span.startTime().toEpochMilli();
      if (ts >= from && ts < to && keeps(request.path("filters"), span)) {
        matches.add(span);
      }
    }
    ArrayNode data = JSON.createArrayNode();
    long last = -1;
    for (Span span : matches) {
      long ts = span.startTime().toEpochMilli();
      if (data.size() < limit && (cursor <= 0 || ts < cursor)) {
        data.add(searchRow(span, roots));
        last = ts;
      }
    }
    ObjectNode body = JSON.createObjectNode();
    ObjectNode page = body.putObject(key);
    page.set("data", data);
    page.put("page_size", data.size()).put("total_results", matches.size()).put("next_cursor", Long.toString(last));
    return body;
  }

  private static boolean keeps(JsonNode filters, Span span) {
    for (JsonNode filter : filters) {
      String field = filter.path("field").asText();
      String operator = filter.path("operator").asText();
      String value = filter.path("value").asText();
      if (field.equals("duration")) {
        long ms = span.duration().toMillis();
        long bound = Long.parseLong(value);
        boolean ok = switch (operator) {
          case "greater_than" -> ms > bound;
          case "greater_than_or_equal" -> ms >= bound;
          case "less_than" -> ms < bound;
          case "less_than_or_equal" -> ms <= bound;
          case "equals" -> ms == bound;
          case "not_equals" -> ms != bound;
          default -> throw new IllegalArgumentException("operator " + operator);
        };
        if (!ok) {
          return false;
        }
        continue;
      }
      String actual = switch (field) {
        case "service.name" -> span.serviceName();
        case "span_name" -> span.name();
        default -> {
          String attribute = field.startsWith("span_attributes.") ? field.substring(16) : field;
          if (!field.startsWith("span_attributes.") && !field.startsWith("llm.") && !field.startsWith("traceloop.")) {
            throw new IllegalArgumentException("field " + field);
          }
          yield apiAttributes(span.attributes()).path(attribute).asText(null);
        }
      };
      boolean same = value.equals(actual);
      if (!operator.equals("equals") && !operator.equals("not_equals")) {
        throw new IllegalArgumentException("operator " + operator);
      }
      if (same != operator.equals("equals")) {
        return false;
      }
    }
    return true;
  }

  /** A row of the search endpoints: service, status, resource; prompts, completions and entity I/O moved out. */
  private ObjectNode searchRow(Span span, boolean root) {
    ObjectNode row = common(span);
    row.put("trace_state", "");
    row.put("service_name", span.serviceName());
    row.set("resource_attributes", strings(span.resource()));
    row.put("scope_name", span.scopeName());
    row.put("status_code", "STATUS_CODE_" + span.status().code().name());
    row.put("status_message", span.status().message());
    ObjectNode attributes = apiAttributes(span.attributes());
    ObjectNode prompts = row.putObject("prompts");
    ObjectNode completions = row.putObject("completions");
    for (String key : List.copyOf(iterable(attributes))) {
      if (key.startsWith("llm.prompts.")) {
        prompts.set(key, attributes.remove(key));
      } else if (key.startsWith("llm.completions.")) {
        completions.set(key, attributes.remove(key));
      }
    }
    JsonNode input = attributes.remove("traceloop.entity.input");
    JsonNode output = attributes.remove("traceloop.entity.output");
    row.put("input", input == null ? "" : input.asText());
    row.put("output", output == null ? "" : output.asText());
    row.set("span_attributes", attributes);
    if (root) {
      Trace trace = traces.stream().filter(t -> t.traceId().equals(span.traceId())).findFirst().orElseThrow();
      row.put("span_count", trace.spanCount());
      row.put("total_tokens", trace.spans().stream()
          .mapToLong(s -> (long) s.attributes().getNumber("gen_ai.usage.total_tokens").orElse(0)).sum());
    }
    return row;
  }

  /** A row of {@code /traces/{id}/spans}: every attribute inline, events, no service, status or resource. */
  private static ObjectNode traceSpan(Span span) {
    ObjectNode row = common(span);
    row.set("span_attributes", apiAttributes(span.attributes()));
    ArrayNode names = row.putArray("events_name");
    ArrayNode attributes = row.putArray("events_attributes");
    span.events().forEach(e -> {
      names.add(e.name());
      attributes.add(strings(e.attributes()));
    });
    row.putNull("prompts");
    row.putNull("completions");
    return row;
  }

  private static ObjectNode common(Span span) {
    ObjectNode row = JSON.createObjectNode();
    row.put("environment", ENVIRONMENT);
    row.put("timestamp", span.startTime().toEpochMilli());
    row.put("trace_id", span.traceId());
    row.put("span_id", span.spanId());
    row.put("parent_span_id", span.parentSpanId() == null ? "" : span.parentSpanId());
    row.put("span_name", span.name());
    row.put("span_kind", "SPAN_KIND_" + span.kind().name());
    row.put("duration", span.duration().toMillis());
    return row;
  }

  /** The attributes as the API names them, every value a string. */
  static ObjectNode apiAttributes(Attributes attributes) {
    ObjectNode out = JSON.createObjectNode();
    attributes.asMap().forEach((key, value) -> out.put(apiKey(key), text(value)));
    return out;
  }

  static String apiKey(String key) {
    Matcher prompt = PROMPT.matcher(key);
    if (prompt.matches()) {
      return "llm." + (prompt.group(1).equals("prompt") ? "prompts." : "completions.") + prompt.group(2);
    }
    if (key.equals("gen_ai.system")) {
      return "llm.vendor";
    }
    return key.startsWith("gen_ai.") ? "llm." + key.substring(7) : key;
  }

  private static ObjectNode strings(Attributes attributes) {
    ObjectNode out = JSON.createObjectNode();
    attributes.asMap().forEach((key, value) -> out.put(key, text(value)));
    return out;
  }

  /** Numbers as the API prints them (doubles with six decimals, as {@code "1.000000"}), lists as JSON. */
  private static String text(AttributeValue value) {
    if (value instanceof AttributeValue.DoubleValue d) {
      return String.format(java.util.Locale.ROOT, "%.6f", d.value());
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

  private static List<String> iterable(ObjectNode node) {
    List<String> keys = new ArrayList<>();
    node.fieldNames().forEachRemaining(keys::add);
    return keys;
  }

  private static ResponseDefinition json(ObjectNode body) {
    return ResponseDefinitionBuilder.responseDefinition().withStatus(200)
        .withHeader("Content-Type", "application/json").withBody(body.toString()).build();
  }
}
