package dev.otelmcp.adapters.traceloop;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * The Traceloop API v2 JSON, as the recordings show it. Everything unknown is ignored; everything optional
 * may be absent or {@code null} (the three span endpoints return different subsets of the span fields).
 */
final class Wire {

  private Wire() {}

  /**
   * The body of {@code POST …/traces/root-spans} and {@code POST …/spans}. {@code cursor} is {@code 0} for the
   * first page (as the reference sent it) and the previous page's {@code next_cursor} after that.
   */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  record SearchRequest(
      List<WireFilter> filters,
      @JsonProperty("logical_operator") String logicalOperator,
      List<String> environments,
      @JsonProperty("sort_by") String sortBy,
      @JsonProperty("sort_order") String sortOrder,
      Object cursor,
      int limit,
      @JsonProperty("from_timestamp_sec") long fromTimestampSec,
      @JsonProperty("to_timestamp_sec") long toTimestampSec) {}

  /** One condition; the API wants every value as a string, typed by {@code value_type}. */
  record WireFilter(
      String field,
      String operator,
      String value,
      @JsonProperty("value_type") String valueType) {}

  /** {@code {"root_spans": {...}}}. */
  record RootSpansResponse(@JsonProperty("root_spans") SpanPage rootSpans) {}

  /** {@code {"spans": {...}}} from {@code POST …/spans} and {@code GET /v2/warehouse/spans}. */
  record SpansResponse(SpanPage spans) {}

  /** {@code {"spans": [...]}} from {@code GET …/traces/{id}/spans}; {@code {"spans": null}} for an unknown id. */
  record TraceSpansResponse(List<WireSpan> spans) {}

  /**
   * One page. {@code next_cursor} is a string in the recordings (the timestamp of the page's last row, or
   * {@code "-1"} when the page is empty); read as a node so that a number works as well.
   */
  record SpanPage(
      List<WireSpan> data,
      @JsonProperty("page_size") Integer pageSize,
      @JsonProperty("total_results") Long totalResults,
      @JsonProperty("next_cursor") JsonNode nextCursor) {}

  /**
   * A span as any of the endpoints sends it. Root spans add {@code total_tokens} and {@code span_count}; only
   * {@code /traces/{id}/spans} has the event arrays and {@code cost_micro_usd}, and only the search endpoints
   * have {@code service_name}, {@code status_code}, {@code status_message} and the resource attributes.
   * Attribute values are strings; prompts and completions of search results are moved out of
   * {@code span_attributes} into {@code prompts}/{@code completions}, entity input and output into
   * {@code input}/{@code output}.
   */
  record WireSpan(
      String environment,
      Long timestamp,
      @JsonProperty("trace_id") String traceId,
      @JsonProperty("span_id") String spanId,
      @JsonProperty("parent_span_id") String parentSpanId,
      @JsonProperty("span_name") String spanName,
      @JsonProperty("span_kind") String spanKind,
      @JsonProperty("service_name") String serviceName,
      @JsonProperty("resource_attributes") JsonNode resourceAttributes,
      @JsonProperty("scope_name") String scopeName,
      @JsonProperty("span_attributes") JsonNode spanAttributes,
      Double duration,
      @JsonProperty("status_code") String statusCode,
      @JsonProperty("status_message") String statusMessage,
      JsonNode prompts,
      JsonNode completions,
      JsonNode input,
      JsonNode output,
      @JsonProperty("events_name") JsonNode eventsName,
      @JsonProperty("events_attributes") JsonNode eventsAttributes,
      @JsonProperty("cost_micro_usd") JsonNode costMicroUsd,
      @JsonProperty("total_tokens") Long totalTokens,
      @JsonProperty("span_count") Integer spanCount) {}
}
