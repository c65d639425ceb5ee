package dev.otelmcp.adapters.otlp.store;

import static org.assertj.core.api.Assertions.assertThat;
import dev.otelmcp.otlp.codec.OtlpProtobufEncoder;
import dev.otelmcp.domain.model.Span;
import dev.otelmcp.domain.model.TimeRange;
import dev.otelmcp.domain.model.TraceId;
import dev.otelmcp.domain.query.TraceQuery;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceResponse;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The receiver over real HTTP, as OTLP exporters talk to it. */
class OtlpHttpReceiverTest {

  static final Instant START = Instant.parse("2026-11-21T08:00:00Z");
  static final TimeRange WINDOW = new TimeRange(START.minus(Duration.ofDays(1)), START.plus(Duration.ofDays(1)));
  static final String JSON_TRACE = """
      {"resourceSpans":[{"resource":{"attributes":[{"key":"service.name","value":{"stringValue":"json-svc"}}]},
       "scopeSpans":[{"scope":{"name":"manual"},"spans":[{"traceId":"5b8efff798038103d269b633813fc60c",
       "spanId":"eee19b7ec3c1b174","name":"chat gpt-4o","kind":3,"startTimeUnixNano":"1763712000000000000",
       "endTimeUnixNano":"1763712001000000000","attributes":[{"key":"gen_ai.request.model",
       "value":{"stringValue":"gpt-4o"}}]}]}]}]}
      """;

  private final HttpClient http = HttpClient.newHttpClient();
  private OtlpTraceStore store;
  private URI endpoint;

  @BeforeEach
  void start() {
    store = OtlpTraceStore.start(StoreConfigs.receiving(StoreConfigs.OPEN), Clock.systemUTC());
    endpoint = URI.create(store.receiverEndpoint().orElseThrow());
  }

  @AfterEach
  void stop() {
    store.close();
  }

  private HttpResponse<byte[]> post(String contentType, byte[] body, String... headers) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(endpoint).POST(HttpRequest.BodyPublishers.ofByteArray(body))
        .header("Content-Type", contentType);
    for (int i = 0; i < headers.length; i += 2) {
      request.header(headers[i], headers[i + 1]);
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
  }

  private static byte[] protobuf(List<Span> spans) {
    return OtlpProtobufEncoder.encode(spans).toByteArray();
  }

  private static byte[] gzip(byte[] raw) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (GZIPOutputStream zip = new GZIPOutputStream(out)) {
      zip.write(raw);
    }
    return out.toByteArray();
  }

  @Test
  void protobufAndJsonBatchesLandAndAreAnsweredInTheirOwnEncoding() throws Exception {
    List<Span> spans = new SyntheticTraces(3, START, Duration.ofHours(1)).traces(20);

    HttpResponse<byte[]> proto = post("application/x-protobuf", protobuf(spans));
    HttpResponse<byte[]> json = post("application/json; charset=utf-8", JSON_TRACE.getBytes(StandardCharsets.UTF_8));

    assertThat(proto.statusCode()).isEqualTo(200);
    assertThat(proto.headers().firstValue("Content-Type")).contains("application/x-protobuf");
    assertThat(ExportTraceServiceResponse.parseFrom(proto.body()).hasPartialSuccess()).isFalse();
    assertThat(json.statusCode()).isEqualTo(200);
    assertThat(new String(json.body(), StandardCharsets.UTF_8)).isEqualTo("{}");
    assertThat(store.spanCount()).isEqualTo(spans.size() + 1);
    assertThat(store.getTrace(new TraceId("5b8efff798038103d269b633813fc60c"))).get()
        .satisfies(t -> assertThat(t.serviceName()).isEqualTo("json-svc"));
    assertThat(store.searchTraces(new TraceQuery(WINDOW, List.of(), 100)).hits()).hasSize(20);
  }

  @Test
  void gzipBodiesAreAccepted() throws Exception {
    List<Span> spans = new SyntheticTraces(4, START, Duration.ofHours(1)).traces(5);

    assertThat(post("application/x-protobuf", gzip(protobuf(spans)), "Content-Encoding", "gzip").statusCode())
        .isEqualTo(200);
    assertThat(post("application/json", gzip(JSON_TRACE.getBytes(StandardCharsets.UTF_8)), "Content-Encoding", "gzip")
        .statusCode()).isEqualTo(200);
    assertThat(store.spanCount()).isEqualTo(spans.size() + 1);
  }

  @Test
  void malformedBodiesGet400WithAStatusAndLoseNothingElse() throws Exception {
    post("application/json", JSON_TRACE.getBytes(StandardCharsets.UTF_8));

    HttpResponse<byte[]> badJson = post("application/json", "{\"resourceSpans\":[".getBytes(StandardCharsets.UTF_8));
    HttpResponse<byte[]> notOtlp = post("application/json", "{\"hello\":1}".getBytes(StandardCharsets.UTF_8));
    HttpResponse<byte[]> badProto = post("application/x-protobuf", new byte[] {(byte) 0xff, 0x01, 0x02});
    HttpResponse<byte[]> badGzip = post("application/json", new byte[] {1, 2, 3}, "Content-Encoding", "gzip");

    assertThat(badJson.statusCode()).isEqualTo(400);
    assertThat(new String(badJson.body(), StandardCharsets.UTF_8)).contains("\"code\":3").contains("not valid JSON");
    assertThat(notOtlp.statusCode()).isEqualTo(400);
    assertThat(badProto.statusCode()).isEqualTo(400);
    assertThat(badProto.headers().firstValue("Content-Type")).contains("application/x-protobuf");
    assertThat(badGzip.statusCode()).isEqualTo(400);
    assertThat(store.spanCount()).isEqualTo(1);
  }

  @Test
  void spansWithBadIdsArePartialSuccess() throws Exception {
    String json = JSON_TRACE.replace("\"eee19b7ec3c1b174\"", "\"not-an-id\"");

    HttpResponse<byte[]> response = post("application/json", json.getBytes(StandardCharsets.UTF_8));

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(new String(response.body(), StandardCharsets.UTF_8))
        .contains("\"partialSuccess\":{\"rejectedSpans\":\"1\"");
  }

  @Test
  void bodiesOverTheLimitGet413OnTheWireAndOnceDecompressed() throws Exception {
    store.close();
    store = OtlpTraceStore.start(new OtlpStoreConfig("127.0.0.1", Optional.of(0), List.of(), false, Optional.empty(), false,
        Optional.empty(), 0, 64 * 1024, StoreConfigs.OPEN), Clock.systemUTC());
    endpoint = URI.create(store.receiverEndpoint().orElseThrow());
    byte[] huge = new byte[1024 * 1024];

    assertThat(post("application/x-protobuf", huge).statusCode()).isEqualTo(413);
    assertThat(post("application/x-protobuf", gzip(huge), "Content-Encoding", "gzip").statusCode()).isEqualTo(413);
    assertThat(post("application/json", JSON_TRACE.getBytes(StandardCharsets.UTF_8)).statusCode()).isEqualTo(200);
  }

  @Test
  void wrongMethodPathAndMediaTypeAreRefused() throws Exception {
    HttpResponse<String> get = http.send(HttpRequest.newBuilder(endpoint).GET().build(),
        HttpResponse.BodyHandlers.ofString());
    HttpResponse<String> elsewhere = http.send(HttpRequest.newBuilder(endpoint.resolve("/v1/traces/x"))
        .POST(HttpRequest.BodyPublishers.ofString("{}")).header("Content-Type", "application/json").build(),
        HttpResponse.BodyHandlers.ofString());

    assertThat(get.statusCode()).isEqualTo(405);
    assertThat(elsewhere.statusCode()).isEqualTo(404);
    assertThat(post("text/plain", new byte[] {1}).statusCode()).isEqualTo(415);
    assertThat(post("application/json", new byte[] {1}, "Content-Encoding", "br").statusCode()).isEqualTo(415);
  }

  @Test
  void theReceiverThreadsAreDaemonsAndStopWithTheStore() throws Exception {
    post("application/json", JSON_TRACE.getBytes(StandardCharsets.UTF_8));

    assertThat(Thread.getAllStackTraces().keySet()).filteredOn(t -> t.getName().startsWith("HTTP-Dispatcher")
        || t.getName().startsWith("otlp-")).isNotEmpty().allSatisfy(t -> assertThat(t.isDaemon()).as(t.getName()).isTrue());
    store.close();
    assertThat(store.receiverEndpoint()).isPresent();
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> post("application/json", new byte[] {'{', '}'}))
        .isInstanceOf(IOException.class);
  }
}
