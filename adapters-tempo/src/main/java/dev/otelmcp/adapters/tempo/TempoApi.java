package dev.otelmcp.adapters.tempo;

import feign.Param;
import feign.QueryMap;
import feign.RequestLine;
import java.util.Map;

/**
 * Tempo's HTTP query API, relative to the configured URL (which may carry a base path such as {@code /tempo}).
 * Search and tag answers are bound as JSON; trace bodies come back raw: an empty one means "not found", and the OTLP
 * codec reads the rest.
 *
 * <p>Query values are pct-encoded by the caller: TraceQL is full of braces, which Feign would otherwise read
 * as template expressions.
 */
interface TempoApi {

  /** TraceQL search: {@code q}, {@code limit}, {@code spss}, {@code start}/{@code end} in unix seconds. */
  @RequestLine("GET /api/search")
  TempoJson.SearchResponse search(@QueryMap(encoded = true) Map<String, String> query);

  /** Trace by id, v1 shape ({@code {"batches":[…]}}); every Tempo version. */
  @RequestLine("GET /api/traces/{traceId}")
  byte[] traceV1(@Param("traceId") String traceId);

  /** Trace by id, v2 shape ({@code {"trace":{"resourceSpans":[…]},"status":…}}); Tempo 2.6+. */
  @RequestLine("GET /api/v2/traces/{traceId}")
  byte[] traceV2(@Param("traceId") String traceId);

  /** Typed values of a TraceQL identifier ({@code resource.service.name}, {@code name}), optionally filtered by {@code q}. */
  @RequestLine("GET /api/v2/search/tag/{tag}/values")
  TempoJson.TagValuesV2 tagValuesV2(@Param("tag") String tag, @QueryMap(encoded = true) Map<String, String> query);

  /** Values of a plain attribute name ({@code service.name}); Tempo before 2.2. */
  @RequestLine("GET /api/search/tag/{tag}/values")
  TempoJson.TagValuesV1 tagValuesV1(@Param("tag") String tag, @QueryMap(encoded = true) Map<String, String> query);

  /** Answers {@code echo}: what Grafana calls to test a Tempo data source. */
  @RequestLine("GET /api/echo")
  byte[] echo();
}
