package dev.otelmcp.adapters.traceloop;

import com.fasterxml.jackson.databind.JsonNode;
import feign.Headers;
import feign.Param;
import feign.RequestLine;

/**
 * The Traceloop API v2 endpoints otel-mcp uses, relative to the configured URL. The project slug is the
 * literal {@code default}: the API resolves the real project from the API key.
 */
interface TraceloopApi {

  String PROJECT = "default";

  /** Trace search: one row per trace, its root span, with the trace's {@code total_tokens} and {@code span_count}. */
  @RequestLine("POST /v2/projects/" + PROJECT + "/traces/root-spans")
  @Headers("Content-Type: application/json")
  Wire.RootSpansResponse rootSpans(Wire.SearchRequest request);

  /** Span search. */
  @RequestLine("POST /v2/projects/" + PROJECT + "/spans")
  @Headers("Content-Type: application/json")
  Wire.SpansResponse spans(Wire.SearchRequest request);

  /** Every span of a trace; {@code {"spans":null}} with status 200 when the id is unknown. */
  @RequestLine("GET /v2/projects/" + PROJECT + "/traces/{traceId}/spans")
  Wire.TraceSpansResponse traceSpans(@Param("traceId") String traceId);

  /** The newest spans of the project; used as the health check (it needs a valid key). */
  @RequestLine("GET /v2/warehouse/spans")
  JsonNode warehouseSpans();
}
