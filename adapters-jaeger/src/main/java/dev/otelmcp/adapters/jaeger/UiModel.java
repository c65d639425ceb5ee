package dev.otelmcp.adapters.jaeger;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;

/**
 * The JSON of Jaeger's classic {@code /api} (Jaeger's {@code internal/uimodel}) bound to records, as far as otel-mcp
 * reads it: the envelope, services, operations, errors. Unknown fields are ignored, so newer Jaeger versions do not
 * break the adapter. Traces, megabytes of them, are not bound: {@link UiTraceReader} streams them into domain spans.
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
}
