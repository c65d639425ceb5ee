package dev.otelmcp.bootstrap.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import com.google.protobuf.ByteString;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceResponse;
import io.opentelemetry.proto.common.v1.AnyValue;
import io.opentelemetry.proto.common.v1.InstrumentationScope;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.resource.v1.Resource;
import io.opentelemetry.proto.trace.v1.ResourceSpans;
import io.opentelemetry.proto.trace.v1.ScopeSpans;
import io.opentelemetry.proto.trace.v1.Span;
import io.opentelemetry.proto.trace.v1.Status;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The built-in store as a user meets it: the real jar, an OTLP exporter sending protobuf and one sending JSON,
 * malformed bodies, and the process killed with SIGKILL right after its 200 — then restarted on the same data.
 */
class OtlpStoreIT {

  static final String PROTO_TRACE = "4bf92f3577b34da6a3ce929d0e0e4736";
  static final String JSON_TRACE = "5b8efff798038103d269b633813fc60c";
  static final Instant NOW = Instant.now();

  @TempDir
  Path data;

  private final HttpClient http = HttpClient.newHttpClient();

  static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  private HttpResponse<byte[]> post(int port, String contentType, byte[] body) throws Exception {
    return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/v1/traces"))
        .header("Content-Type", contentType).POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(),
        HttpResponse.BodyHandlers.ofByteArray());
  }

  /** What an OpenTelemetry SDK's OTLP/HTTP protobuf exporter sends for one LLM call. */
  static byte[] protobufExport() {
    long start = NOW.getEpochSecond() * 1_000_000_000L;
    Span span = Span.newBuilder()
        .setTraceId(ByteString.copyFrom(HexFormat.of().parseHex(PROTO_TRACE)))
        .setSpanId(ByteString.copyFrom(HexFormat.of().parseHex("00f067aa0ba902b7")))
        .setName("openai.chat").setKind(Span.SpanKind.SPAN_KIND_CLIENT)
        .setStartTimeUnixNano(start).setEndTimeUnixNano(start + 850_000_000L)
        .addAttributes(attribute("gen_ai.system", "openai"))
        .addAttributes(attribute("gen_ai.request.model", "gpt-4o-mini"))
        .addAttributes(KeyValue.newBuilder().setKey("gen_ai.usage.input_tokens")
            .setValue(AnyValue.newBuilder().setIntValue(120)))
        .setStatus(Status.newBuilder().setCode(Status.StatusCode.STATUS_CODE_OK))
        .build();
    return ExportTraceServiceRequest.newBuilder().addResourceSpans(ResourceSpans.newBuilder()
        .setResource(Resource.newBuilder().addAttributes(attribute("service.name", "proto-exporter")))
        .addScopeSpans(ScopeSpans.newBuilder().setScope(InstrumentationScope.newBuilder().setName("test"))
            .addSpans(span)))
        .build().toByteArray();
  }

  static KeyValue attribute(String key, String value) {
    return KeyValue.newBuilder().setKey(key).setValue(AnyValue.newBuilder().setStringValue(value)).build();
  }

  /** What an OTLP/HTTP JSON exporter sends. */
  static byte[] jsonExport() {
    long start = NOW.getEpochSecond() * 1_000_000_000L;
    return ("{\"resourceSpans\":[{\"resource\":{\"attributes\":[{\"key\":\"service.name\",\"value\":{\"stringValue\":"
        + "\"json-exporter\"}}]},\"scopeSpans\":[{\"scope\":{\"name\":\"test\"},\"spans\":[{\"traceId\":\""
        + JSON_TRACE + "\",\"spanId\":\"eee19b7ec3c1b174\",\"name\":\"agent.workflow\",\"kind\":1,"
        + "\"startTimeUnixNano\":\"" + start + "\",\"endTimeUnixNano\":\"" + (start + 2_000_000_000L) + "\","
        + "\"status\":{\"code\":2,\"message\":\"tool failed\"}}]}]}]}").getBytes(StandardCharsets.UTF_8);
  }

  private String[] args(int port) {
    return new String[] {"--otlp-port", String.valueOf(port), "--data-dir", data.toString()};
  }

  @Test
  void bothExportersLandMalformedBodiesAreRefusedAndAKilledProcessKeepsWhatItAcknowledged() throws Exception {
    int port = freePort();
    try (ServerProcess server = ServerProcess.start(args(port))) {
      HttpResponse<byte[]> proto = post(port, "application/x-protobuf", protobufExport());
      HttpResponse<byte[]> json = post(port, "application/json", jsonExport());
      HttpResponse<byte[]> badJson = post(port, "application/json", "{\"resourceSpans\":[{".getBytes(StandardCharsets.UTF_8));
      HttpResponse<byte[]> badProto = post(port, "application/x-protobuf", new byte[] {(byte) 0xff, (byte) 0xff});

      assertThat(proto.statusCode()).isEqualTo(200);
      assertThat(ExportTraceServiceResponse.parseFrom(proto.body()).hasPartialSuccess()).isFalse();
      assertThat(json.statusCode()).isEqualTo(200);
      assertThat(badJson.statusCode()).isEqualTo(400);
      assertThat(new String(badJson.body(), StandardCharsets.UTF_8)).contains("not valid JSON");
      assertThat(badProto.statusCode()).isEqualTo(400);
      assertThat(server.ok("list_services", Map.of()).get("services"))
          .isEqualTo(List.of("json-exporter", "proto-exporter"));
      assertTracesAnswer(server);

      killMinus9(data);
    } catch (RuntimeException closingAKilledServer) {
      // the client notices its server is gone; what matters is the restart below
    }

    try (ServerProcess restarted = ServerProcess.start(args(port))) {
      assertTracesAnswer(restarted);
      assertThat(post(port, "application/json", jsonExport()).statusCode()).as("receiving again").isEqualTo(200);
    }
  }

  /** The README's first command: the built-in store with the repository's sample data, nothing else running. */
  @Test
  @SuppressWarnings("unchecked")
  void theFirstCommandAnswersFromTheSampleData() {
    Path samples = Path.of(System.getProperty("otelmcp.samples", "../samples"));
    try (ServerProcess server = ServerProcess.start("--load", samples.toString(), "--load-rebase",
        "--otlp-port", "0", "--data-dir", data.toString())) {
      assertThat((List<String>) server.ok("list_services", Map.of()).get("services"))
          .containsExactly("analytics-copilot", "docs-rag", "review-assistant", "support-bot", "travel-agent");
      Map<String, Object> errors = server.ok("find_errors", Map.of());
      assertThat((Integer) errors.get("group_count")).isPositive();
      assertThat((Integer) errors.get("error_span_count")).isGreaterThanOrEqualTo((Integer) errors.get("group_count"));
      assertThat(errors.toString()).contains("429");
      Map<String, Object> totals = (Map<String, Object>) server.ok("get_llm_usage", Map.of()).get("totals");
      assertThat(((Number) totals.get("request_count")).intValue()).isGreaterThan(100);
      assertThat(((Number) totals.get("input_tokens")).longValue()).isPositive();
      Map<String, Object> spans = server.ok("search_spans", Map.of("filters", List.of(Map.of(
          "field", "gen_ai.request.model", "operator", "equals", "value_type", "string", "value", "o3-mini"))));
      assertThat((Integer) spans.get("count")).isPositive();
    }
  }

  @SuppressWarnings("unchecked")
  private static void assertTracesAnswer(ServerProcess server) {
    Map<String, Object> proto = server.ok("get_trace", Map.of("trace_id", PROTO_TRACE));
    assertThat(proto.toString()).contains("gpt-4o-mini").contains("proto-exporter");
    Map<String, Object> errors = server.ok("find_errors", Map.of("service_name", "json-exporter"));
    assertThat(errors.toString()).contains(JSON_TRACE).contains("tool failed");
    Map<String, Object> search = server.ok("search_traces", Map.of("service_name", "proto-exporter"));
    assertThat((List<Map<String, Object>>) search.get("traces")).extracting(t -> t.get("trace_id"))
        .containsExactly(PROTO_TRACE);
  }

  /** SIGKILL the otel-mcp child that runs on this data directory: no shutdown hook, no flush. */
  private static void killMinus9(Path dataDir) throws Exception {
    ProcessHandle child = ProcessHandle.current().descendants()
        .filter(p -> p.info().arguments().map(a -> List.of(a).contains(dataDir.toString())).orElse(false))
        .findFirst().orElseThrow(() -> new AssertionError("no otel-mcp process on " + dataDir));
    assertThat(child.destroyForcibly()).isTrue();
    child.onExit().get(30, TimeUnit.SECONDS);
  }
}
