package dev.otelmcp.adapters.jaeger;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import dev.otelmcp.domain.model.Attributes;
import dev.otelmcp.domain.model.Span;
import dev.otelmcp.domain.model.Traces;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Decodes a classic {@code /api/traces} answer ({@code {"data":[trace…],"errors":[…]}}) in one pass of Jackson's
 * streaming parser, straight into domain spans: no records, no tree. A search answer is megabytes of JSON, and binding
 * it to the UI model first, then mapping that, cost twice what reading it does.
 *
 * <p>Whatever binding the answer to the UI model's records accepted is accepted, and whatever it refused (a list
 * where an object is due, a string in a time) fails with a {@link com.fasterxml.jackson.core.JsonProcessingException}:
 * each property is read as its record read it ({@link UiJson}), unknown properties are skipped, and a property given
 * twice counts once, the last. A span that cannot be mapped (bad ids, an absurd duration) is left out, its trace kept.
 */
final class UiTraceReader {

  private static final TypeReference<List<UiModel.Error>> ERRORS = new TypeReference<>() {};

  private final ObjectMapper mapper;
  /** The tags kept, or {@code null} for every tag. */
  private final LlmViewTags kept;

  /** A reader of whole traces. */
  UiTraceReader(ObjectMapper mapper) {
    this(mapper, null);
  }

  /** A reader that keeps only the tags the LLM views read ({@code kept}; {@code null}: all). */
  UiTraceReader(ObjectMapper mapper, LlmViewTags kept) {
    this.mapper = mapper;
    this.kept = kept;
  }

  /** Which tags and log fields one answer keeps ({@code null}: all). */
  private record Kept(Predicate<String> spanTags, Predicate<String> logFields) {}

  /** The answer, or {@code null} when the body is JSON null. */
  UiTraces read(byte[] body) throws IOException {
    try (JsonParser p = mapper.createParser(body)) {
      JsonToken root = p.nextToken();
      if (root == null) {
        throw MismatchedInputException.from(p, UiTraces.class, "No content to map due to end-of-input");
      }
      if (!UiJson.opens(p, JsonToken.START_OBJECT, "an answer")) {
        return null;
      }
      UiStrings strings = new UiStrings();
      UiProcesses processes = new UiProcesses(mapper, body, strings);
      Kept keep = kept == null ? new Kept(null, null) : new Kept(kept.spanTagsOfOneAnswer(), kept.logFields());
      List<Span> spans = new ArrayList<>();
      int count = 0;
      List<UiModel.Error> errors = null;
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String field = p.currentName();
        p.nextToken();
        if (field.equals("data")) {
          spans.clear();
          count = data(p, strings, processes, keep, spans);
        } else if (field.equals("errors")) {
          errors = p.currentToken() == JsonToken.VALUE_NULL ? null : p.readValueAs(ERRORS);
        } else {
          p.skipChildren();
        }
      }
      // What follows the answer's object is not read, as binding did not read it.
      return new UiTraces(Traces.group(spans), count, errors);
    }
  }

  /** Adds the spans of every trace in {@code data} to {@code spans}; returns the list's length. */
  private static int data(JsonParser p, UiStrings strings, UiProcesses known, Kept keep, List<Span> spans)
      throws IOException {
    if (!UiJson.opens(p, JsonToken.START_ARRAY, "data")) {
      return 0;
    }
    int count = 0;
    while (p.nextToken() != JsonToken.END_ARRAY) {
      count++;
      if (UiJson.element(p, "a trace")) {
        trace(p, strings, known, keep, spans);
      }
    }
    return count;
  }

  private static void trace(JsonParser p, UiStrings strings, UiProcesses known, Kept keep, List<Span> out)
      throws IOException {
    List<UiSpanFields> spans = null;
    Map<String, UiSpanFields.Process> processes = new HashMap<>();
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String field = p.currentName();
      p.nextToken();
      switch (field) {
        case "spans":
          spans = spans(p, strings, keep);
          break;
        case "processes":
          processes = processes(p, known);
          break;
        case "traceID":
          UiJson.text(p);
          break;
        default:
          p.skipChildren();
      }
    }
    if (spans == null) {
      return;
    }
    UiSpanMapper mapper = new UiSpanMapper(processes, known);
    for (UiSpanFields span : spans) {
      if (span == null) {
        continue;
      }
      try {
        mapper.span(span).ifPresent(out::add);
      } catch (ArithmeticException | IllegalArgumentException unreadable) {
        // An absurd duration or a value the domain refuses: leave this span out, keep the trace.
      }
    }
  }

  private static List<UiSpanFields> spans(JsonParser p, UiStrings strings, Kept keep) throws IOException {
    if (!UiJson.opens(p, JsonToken.START_ARRAY, "spans")) {
      return null;
    }
    List<UiSpanFields> spans = new ArrayList<>();
    while (p.nextToken() != JsonToken.END_ARRAY) {
      spans.add(UiJson.element(p, "a span") ? span(p, strings, keep) : null);
    }
    return spans;
  }

  private static UiSpanFields span(JsonParser p, UiStrings strings, Kept keep) throws IOException {
    UiSpanFields span = new UiSpanFields();
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String field = p.currentName();
      p.nextToken();
      switch (field) {
        case "traceID" -> span.traceId = UiJson.text(p, strings);
        case "spanID" -> span.spanId = UiJson.text(p);
        case "parentSpanID" -> span.parentSpanId = UiJson.text(p);
        case "operationName" -> span.operationName = UiJson.text(p, strings);
        case "references" -> span.references = references(p, strings);
        case "startTime" -> span.startTime = UiJson.number(p);
        case "duration" -> span.duration = UiJson.number(p);
        case "tags" -> span.tags = UiTags.read(p, strings, keep.spanTags());
        case "logs" -> span.logs = logs(p, strings, keep.logFields());
        case "processID" -> span.processId = UiJson.text(p, strings);
        case "process" -> span.process = UiJson.element(p, "a process") ? process(p, strings) : null;
        default -> p.skipChildren();
      }
    }
    return span;
  }

  private static List<UiSpanFields.Reference> references(JsonParser p, UiStrings strings) throws IOException {
    if (!UiJson.opens(p, JsonToken.START_ARRAY, "references")) {
      return null;
    }
    List<UiSpanFields.Reference> references = new ArrayList<>(2);
    while (p.nextToken() != JsonToken.END_ARRAY) {
      if (!UiJson.element(p, "a reference")) {
        references.add(null);
        continue;
      }
      String refType = null;
      String traceId = null;
      String spanId = null;
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String field = p.currentName();
        p.nextToken();
        switch (field) {
          case "refType" -> refType = UiJson.text(p, strings);
          case "traceID" -> traceId = UiJson.text(p, strings);
          case "spanID" -> spanId = UiJson.text(p);
          default -> p.skipChildren();
        }
      }
      references.add(new UiSpanFields.Reference(refType, traceId, spanId));
    }
    return references;
  }

  private static List<UiSpanFields.Log> logs(JsonParser p, UiStrings strings, Predicate<String> keep)
      throws IOException {
    if (!UiJson.opens(p, JsonToken.START_ARRAY, "logs")) {
      return null;
    }
    List<UiSpanFields.Log> logs = new ArrayList<>();
    while (p.nextToken() != JsonToken.END_ARRAY) {
      if (!UiJson.element(p, "a log")) {
        logs.add(null);
        continue;
      }
      Long timestamp = null;
      Attributes.Builder fields = null;
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String field = p.currentName();
        p.nextToken();
        switch (field) {
          case "timestamp" -> timestamp = UiJson.number(p);
          case "fields" -> fields = UiTags.read(p, strings, keep);
          default -> p.skipChildren();
        }
      }
      logs.add(new UiSpanFields.Log(timestamp, fields));
    }
    return logs;
  }

  private static Map<String, UiSpanFields.Process> processes(JsonParser p, UiProcesses known) throws IOException {
    Map<String, UiSpanFields.Process> processes = new HashMap<>();
    if (!UiJson.opens(p, JsonToken.START_OBJECT, "processes")) {
      return processes;
    }
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String id = p.currentName();
      p.nextToken();
      processes.put(id, UiJson.element(p, "a process") ? known.process(p, UiTraceReader::process) : null);
    }
    return processes;
  }

  private static UiSpanFields.Process process(JsonParser p, UiStrings strings) throws IOException {
    String serviceName = null;
    Attributes tags = null;
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String field = p.currentName();
      p.nextToken();
      switch (field) {
        case "serviceName" -> serviceName = UiJson.text(p, strings);
        case "tags" -> {
          Attributes.Builder read = UiTags.read(p, strings);
          tags = read == null ? null : read.build();
        }
        default -> p.skipChildren();
      }
    }
    return new UiSpanFields.Process(serviceName, tags);
  }
}
