package dev.otelmcp.adapters.clickhouse;

import feign.Body;
import feign.Headers;
import feign.Param;
import feign.QueryMap;
import feign.RequestLine;
import feign.Response;
import java.util.Map;

/**
 * The part of ClickHouse's HTTP interface otel-mcp uses, relative to the configured URL: a statement posted as the
 * body, its values as {@code param_<name>} query parameters (pct-encoded by the caller, since values hold braces
 * that Feign would read as template expressions), and {@code /ping}.
 */
interface ClickHouseApi {

  /** Runs one statement; the answer comes back raw (JSONEachRow lines, read by {@link ClickHouseCalls}). */
  @RequestLine("POST /")
  @Headers("Content-Type: text/plain; charset=UTF-8")
  @Body("{sql}")
  byte[] query(@QueryMap(encoded = true) Map<String, String> params, @Param("sql") String sql);

  /**
   * Runs one statement whose answer is read as it arrives ({@link ClickHouseCalls#stream}): the caller checks the
   * status and closes the response.
   */
  @RequestLine("POST /")
  @Headers("Content-Type: text/plain; charset=UTF-8")
  @Body("{sql}")
  Response queryStreamed(@QueryMap(encoded = true) Map<String, String> params, @Param("sql") String sql);

  /** Answers {@code Ok.} when the server is up (no credentials needed). */
  @RequestLine("GET /ping")
  byte[] ping();
}
