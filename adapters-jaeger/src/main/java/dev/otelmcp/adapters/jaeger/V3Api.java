package dev.otelmcp.adapters.jaeger;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import feign.Param;
import feign.QueryMap;
import feign.RequestLine;
import java.util.List;
import java.util.Map;

/**
 * Jaeger's {@code /api/v3} HTTP gateway. Trace bodies are returned raw: they are OTLP/JSON, possibly a
 * sequence of {@code {"result":…}} chunks (older grpc-gateway), which the OTLP codec reads.
 */
interface V3Api {

  @RequestLine("GET /api/v3/services")
  Services services();

  @RequestLine("GET /api/v3/operations?service={service}")
  Operations operations(@Param("service") String service);

  /** Query values are pct-encoded by the caller (the attributes JSON holds braces). */
  @RequestLine("GET /api/v3/traces")
  byte[] search(@QueryMap(encoded = true) Map<String, String> query);

  @RequestLine("GET /api/v3/traces/{traceId}")
  byte[] trace(@Param("traceId") String traceId);

  @JsonIgnoreProperties(ignoreUnknown = true)
  record Services(List<String> services) {}

  @JsonIgnoreProperties(ignoreUnknown = true)
  record Operations(List<Operation> operations) {}

  /** {@code spanKind} is lower case ({@code server}); older versions leave it out. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  record Operation(String name, String spanKind) {}
}
