package dev.otelmcp.backend.toolkit.feign;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.notMatching;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.otelmcp.backend.toolkit.AnswerBodies;
import feign.Contract;
import feign.MethodMetadata;
import feign.Request;
import feign.RequestLine;
import feign.RequestTemplate;
import feign.Response;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The toolkit's Feign client over the JDK HTTP client: an answer the decoder reads whole arrives as one array (the very
 * array the decoder gets), one a method reads itself as a stream; compressed answers are inflated either way; headers
 * the JDK client sets itself are left to it; an answer that breaks off fails the request, so that Feign retries it.
 */
class JdkFeignClientTest {

  @RegisterExtension
  static WireMockExtension backend = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  private static final Request.Options OPTIONS = new Request.Options(5, TimeUnit.SECONDS, 5, TimeUnit.SECONDS, false);
  /** The return type of {@link Api#decoded()}. */
  private static final java.lang.reflect.Type MAP = decodedType();
  private static final String JSON = "{\"data\":[\"a\",\"b\"]}";

  private final JdkFeignClient client = new JdkFeignClient(HttpClient.newBuilder()
      .version(HttpClient.Version.HTTP_1_1).build());

  /** The two kinds of method: one whose answer the decoder reads, one that reads the answer itself. */
  interface Api {
    @RequestLine("GET /decoded")
    Map<String, Object> decoded();

    @RequestLine("GET /rows")
    Response rows();
  }

  /** A GET of a method returning {@code returnType} ({@code null}: a request made without Feign's method data). */
  private static Request request(String path, Map<String, Collection<String>> headers,
      java.lang.reflect.Type returnType) {
    RequestTemplate template = new RequestTemplate();
    if (returnType != null) {
      MethodMetadata method = new Contract.Default().parseAndValidateMetadata(Api.class).stream()
          .filter(m -> m.returnType().equals(returnType)).findFirst().orElseThrow();
      template.methodMetadata(method);
    }
    return Request.create(Request.HttpMethod.GET, backend.baseUrl() + path, headers, null, StandardCharsets.UTF_8,
        template);
  }

  private static java.lang.reflect.Type decodedType() {
    try {
      return Api.class.getMethod("decoded").getGenericReturnType();
    } catch (NoSuchMethodException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String text(Response response) throws IOException {
    try (InputStream in = response.body().asInputStream()) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  private static byte[] gzip(String text) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (GZIPOutputStream zipped = new GZIPOutputStream(out)) {
      zipped.write(text.getBytes(StandardCharsets.UTF_8));
    }
    return out.toByteArray();
  }

  @Test
  void anAnswerTheDecoderReadsWholeArrivesAsTheArrayTheDecoderGets() throws IOException {
    backend.stubFor(get(urlPathEqualTo("/api/services")).willReturn(okJson(JSON)));

    Response response = client.execute(request("/api/services", Map.of(), MAP), OPTIONS);

    assertThat(response.status()).isEqualTo(200);
    assertThat(response.body()).isInstanceOf(JdkFeignClient.Bytes.class);
    assertThat(response.body().length()).isEqualTo(JSON.length());
    assertThat(AnswerBodies.read(response)).isSameAs(((JdkFeignClient.Bytes) response.body()).bytes());
    assertThat(new String(AnswerBodies.read(response), StandardCharsets.UTF_8)).isEqualTo(JSON);
    assertThat(response.headers().get("content-type")).containsExactly("application/json");
  }

  @Test
  void anAnswerAMethodReadsItselfStaysAStream() throws IOException {
    backend.stubFor(get(urlPathEqualTo("/rows")).willReturn(okJson(JSON)));

    Response response = client.execute(request("/rows", Map.of(), Response.class), OPTIONS);

    assertThat(response.body()).isNotInstanceOf(JdkFeignClient.Bytes.class);
    assertThat(text(response)).isEqualTo(JSON);
  }

  @Test
  void compressedAnswersAreInflatedReadWholeOrStreamed() throws IOException {
    backend.stubFor(get(urlPathEqualTo("/zipped")).willReturn(aResponse().withStatus(200)
        .withHeader("Content-Encoding", "gzip").withBody(gzip(JSON))));

    Response whole = client.execute(request("/zipped", Map.of(), MAP), OPTIONS);
    Response streamed = client.execute(request("/zipped", Map.of(), Response.class), OPTIONS);

    assertThat(whole.body().length()).as("the body's length, not the compressed one").isEqualTo(JSON.length());
    assertThat(new String(AnswerBodies.read(whole), StandardCharsets.UTF_8)).isEqualTo(JSON);
    assertThat(text(streamed)).isEqualTo(JSON);
    assertThat(streamed.body().length()).as("the compressed length is not the body's").isNull();
  }

  @Test
  void headersTheJdkClientSetsItselfAreLeftToItTheOthersAreSent() throws IOException {
    backend.stubFor(get(urlPathEqualTo("/api/services")).willReturn(okJson(JSON)));
    Map<String, Collection<String>> headers = Map.of("Connection", List.of("close"), "Host", List.of("elsewhere"),
        "X-Scope-OrgID", List.of("tenant-1"), "Accept", List.of("application/json"));

    Response response = client.execute(request("/api/services", headers, null), OPTIONS);

    assertThat(response.status()).isEqualTo(200);
    backend.verify(getRequestedFor(urlPathEqualTo("/api/services"))
        .withHeader("X-Scope-OrgID", equalTo("tenant-1"))
        .withHeader("Accept", equalTo("application/json"))
        .withHeader("Host", notMatching("elsewhere")));
  }

  @Test
  void anAnswerThatBreaksOffFailsTheRequestItselfSoThatItIsRetried() {
    backend.stubFor(get(urlPathEqualTo("/broken")).willReturn(aResponse().withFault(Fault.MALFORMED_RESPONSE_CHUNK)));

    assertThatThrownBy(() -> client.execute(request("/broken", Map.of(), MAP), OPTIONS))
        .isInstanceOf(IOException.class);
  }
}
