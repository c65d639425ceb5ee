package dev.otelmcp.backend.toolkit.feign;

import feign.Client;
import feign.MethodMetadata;
import feign.Request;
import feign.Response;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.Charset;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.zip.GZIPInputStream;
import java.util.zip.InflaterInputStream;

/**
 * Feign's requests sent through one JDK {@link HttpClient}, as feign-java11's {@code Http2Client} sends them (same
 * request, headers, timeout, inflated gzip and deflate answers), except how an answer's body is received: an answer
 * Feign's decoder reads whole — every answer but those a method takes as a {@link Response} — is gathered by the
 * client as it arrives ({@code BodyHandlers.ofByteArray}) and handed over as one array ({@link Bytes}, inflated
 * first when compressed). Handing the
 * decoder a stream instead made the client's selector thread and the reading thread pass every buffer from one to
 * the other: fetching the Jaeger benchmark's 28 MB that way cost 1.2–1.3× the time, in the same run. A method that
 * returns {@link Response} (ClickHouse's rows, read one by one as they arrive) still gets a stream.
 */
public final class JdkFeignClient implements Client {

  /** Headers the JDK client sets itself and refuses from callers. */
  private static final Set<String> RESTRICTED = Set.of("connection", "content-length", "expect", "host", "upgrade");

  private final HttpClient http;

  public JdkFeignClient(HttpClient http) {
    this.http = http;
  }

  /** A body received whole: its bytes, without a copy for the decoder ({@code AnswerBodies}). */
  public static final class Bytes implements Response.Body {
    private final byte[] bytes;

    Bytes(byte[] bytes) {
      this.bytes = bytes;
    }

    /** The body itself, not a copy: the reader owns it. */
    public byte[] bytes() {
      return bytes;
    }

    @Override
    public Integer length() {
      return bytes.length;
    }

    @Override
    public boolean isRepeatable() {
      return true;
    }

    @Override
    public InputStream asInputStream() {
      return new ByteArrayInputStream(bytes);
    }

    @Override
    public Reader asReader(Charset charset) {
      return new InputStreamReader(asInputStream(), charset);
    }

    @Override
    public void close() {
      // nothing held
    }
  }

  @Override
  public Response execute(Request request, Request.Options options) throws IOException {
    HttpRequest sent = httpRequest(request, options);
    try {
      if (streamed(request)) {
        HttpResponse<InputStream> answer = http.send(sent, HttpResponse.BodyHandlers.ofInputStream());
        boolean compressed = compressed(answer.headers());
        // The declared length of a compressed body is not the length of what is read from it.
        return response(request, answer).body(compressed ? inflated(answer.headers(), answer.body()) : answer.body(),
            compressed ? null : declaredLength(answer.headers())).build();
      }
      HttpResponse<byte[]> answer = http.send(sent, HttpResponse.BodyHandlers.ofByteArray());
      byte[] bytes = answer.body();
      if (compressed(answer.headers())) {
        try (InputStream inflating = inflated(answer.headers(), new ByteArrayInputStream(bytes))) {
          bytes = inflating.readAllBytes();
        }
      }
      return response(request, answer).body(new Bytes(bytes)).build();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while waiting for " + request.httpMethod() + " " + request.url(), e);
    }
  }

  /** Whether the method takes the answer as Feign's {@link Response}, reading its body itself. */
  private static boolean streamed(Request request) {
    MethodMetadata method = request.requestTemplate() == null ? null : request.requestTemplate().methodMetadata();
    return method != null && method.returnType() == Response.class;
  }

  private HttpRequest httpRequest(Request request, Request.Options options) throws IOException {
    URI uri;
    try {
      uri = new URI(request.url());
    } catch (URISyntaxException e) {
      throw new IOException("invalid URL: " + e.getMessage(), e);
    }
    byte[] body = request.body();
    HttpRequest.Builder builder = HttpRequest.newBuilder(uri)
        .timeout(Duration.ofMillis(options.readTimeoutMillis()))
        .version(http.version())
        .method(request.httpMethod().toString(), body == null ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofByteArray(body));
    for (Map.Entry<String, Collection<String>> header : request.headers().entrySet()) {
      if (!RESTRICTED.contains(header.getKey().toLowerCase(Locale.ROOT))) {
        header.getValue().forEach(value -> builder.header(header.getKey(), value));
      }
    }
    return builder.build();
  }

  private static Response.Builder response(Request request, HttpResponse<?> answer) {
    Map<String, Collection<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    answer.headers().map().forEach((name, values) -> headers.put(name, List.copyOf(values)));
    return Response.builder()
        .request(request)
        .protocolVersion(answer.version() == HttpClient.Version.HTTP_2 ? Request.ProtocolVersion.HTTP_2
            : Request.ProtocolVersion.HTTP_1_1)
        .status(answer.statusCode())
        .reason(answer.headers().firstValue("Reason-Phrase").orElse(null))
        .headers(headers);
  }

  /** Whether the answer is gzip or deflate compressed (which feign-java11's client inflated too). */
  private static boolean compressed(HttpHeaders headers) {
    List<String> encodings = headers.allValues("Content-Encoding");
    return encodings.contains("gzip") || encodings.contains("deflate");
  }

  /** A compressed body inflated. */
  private static InputStream inflated(HttpHeaders headers, InputStream body) throws IOException {
    return headers.allValues("Content-Encoding").contains("gzip") ? new GZIPInputStream(body)
        : new InflaterInputStream(body);
  }

  private static Integer declaredLength(HttpHeaders headers) {
    long length = headers.firstValueAsLong("Content-Length").orElse(-1);
    return length < 0 || length > Integer.MAX_VALUE ? null : (int) length;
  }
}
