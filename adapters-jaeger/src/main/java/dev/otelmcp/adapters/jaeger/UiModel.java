package dev.otelmcp.adapters.jaeger;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;

/**
 * The JSON of Jaeger's classic {@code /api} (Jaeger's {@code internal/uimodel}), as far as otel-mcp reads it.
 * Unknown fields are ignored, so newer Jaeger versions do not break the adapter.
 */
final class UiModel {

  private UiModel() {}

  /** {@code {"data":…,"total":0,"limit":0,"offset":0,"errors":[…]}}, on success and on failure. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  record Envelope<T>(T data, List<Error> errors) {

    List<Error> errorList() {
      return errors == null ? List.of() : errors;
    }
  }

  @JsonIgnoreProperties(ignoreUnknown = true)
  record Error(Integer code, String msg, String traceID) {}

  /** One entry of {@code /api/operations}: a name and the span kind it was seen with ({@code ""} when unknown). */
  record OperationEntry(String name, String spanKind) {}

  @JsonIgnoreProperties(ignoreUnknown = true)
  record Trace(String traceID, List<Span> spans, Map<String, Process> processes) {}

  /** {@code startTime} and {@code duration} are microseconds; {@code process} appears only in embedded form. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  record Span(
      String traceID,
      String spanID,
      String parentSpanID,
      String operationName,
      List<Reference> references,
      Long startTime,
      Long duration,
      List<KeyValue> tags,
      List<Log> logs,
      String processID,
      Process process) {}

  @JsonIgnoreProperties(ignoreUnknown = true)
  record Reference(String refType, String traceID, String spanID) {}

  @JsonIgnoreProperties(ignoreUnknown = true)
  record Process(String serviceName, List<KeyValue> tags) {}

  @JsonIgnoreProperties(ignoreUnknown = true)
  record Log(Long timestamp, List<KeyValue> fields) {}

  /** {@code type} is string, bool, int64, float64 or binary; {@code value} is kept raw to be typed by it. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  record KeyValue(String key, String type, JsonNode value) {}
}
