package dev.otelmcp.adapters.jaeger;

import feign.Param;
import feign.QueryMap;
import feign.RequestLine;
import java.util.List;
import java.util.Map;

/** Jaeger's classic internal JSON API, relative to the configured URL (which may carry a base path). */
interface ClassicApi {

  @RequestLine("GET /api/services")
  UiModel.Envelope<List<String>> services();

  /** Operations with their span kinds (Jaeger 1.19 and later, and v2). */
  @RequestLine("GET /api/operations?service={service}")
  UiModel.Envelope<List<UiModel.OperationEntry>> operationsWithKinds(@Param("service") String service);

  /** The legacy endpoint: plain names, all span kinds; present in every version that has /api/traces. */
  @RequestLine(value = "GET /api/services/{service}/operations", decodeSlash = false)
  UiModel.Envelope<List<String>> operations(@Param("service") String service);

  /** Query values are pct-encoded by the caller: the tags JSON holds braces Feign would read as a template. */
  /** Decoded in one streaming pass, straight into domain traces ({@link UiTraceReader}). */
  @RequestLine("GET /api/traces")
  UiTraces search(@QueryMap(encoded = true) Map<String, String> query);

  /** The same search, its body left to the caller (which reads only what an LLM aggregate needs). */
  @RequestLine("GET /api/traces")
  byte[] searchBody(@QueryMap(encoded = true) Map<String, String> query);

  @RequestLine("GET /api/traces/{traceId}")
  UiTraces trace(@Param("traceId") String traceId);
}
