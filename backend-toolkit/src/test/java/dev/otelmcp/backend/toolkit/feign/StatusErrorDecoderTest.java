package dev.otelmcp.backend.toolkit.feign;

import static org.assertj.core.api.Assertions.assertThat;

import dev.otelmcp.backend.toolkit.HttpFailures;
import dev.otelmcp.domain.error.BackendRejectedException;
import dev.otelmcp.domain.error.BackendUnavailableException;
import dev.otelmcp.domain.error.NotFoundException;
import dev.otelmcp.domain.error.RateLimitedException;
import feign.Request;
import feign.Request.HttpMethod;
import feign.Response;
import feign.RetryableException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Status answers become the domain's exceptions, with each backend's words, hints and meaning of a 404. */
class StatusErrorDecoderTest {

  private static final String SECRET = "s3cr3t-token";
  private static final Request REQUEST = Request.create(HttpMethod.GET,
      "http://jaeger:16686/api/traces?service=" + SECRET, Map.of(), null, StandardCharsets.UTF_8, null);
  private static final HttpFailures FAILURES = new HttpFailures("Jaeger", "http://jaeger:16686", "2s",
      text -> text == null ? null : text.replace(SECRET, "***"));
  private static final HttpFailures.StatusHints HINTS = new HttpFailures.StatusHints("check the key",
      "adjust the query", "retry later", "check the URL");
  private static final StatusErrorDecoder.ErrorText JSON_FIELDS =
      StatusErrorDecoder.ErrorText.jsonFields(FeignClients.mapper(), "/errors/0/msg", "/error/message", "");
  private static final StatusErrorDecoder JSON = new StatusErrorDecoder(FAILURES, JSON_FIELDS, HINTS,
      (what, message) -> new NotFoundException("404 for " + what + ": " + message, "check the id"));

  private static Response answer(int status, String body, Map<String, Collection<String>> headers) {
    return Response.builder().status(status).request(REQUEST).headers(headers)
        .body(body, StandardCharsets.UTF_8).build();
  }

  private static Exception decode(StatusErrorDecoder decoder, int status, String body) {
    return decoder.decode("Api#traces()", answer(status, body, Map.of()));
  }

  @Test
  void theBackendsWordsComeFromTheFirstJsonFieldThatHasThem() {
    assertThat(decode(JSON, 400, "{\"errors\":[{\"code\":400,\"msg\":\"bad duration\"}]}"))
        .isInstanceOf(BackendRejectedException.class)
        .hasMessage("Jaeger at http://jaeger:16686 rejected GET /api/traces (HTTP 400): bad duration");
    assertThat(decode(JSON, 400, "{\"errors\":[],\"error\":{\"message\":\"no such thing\"}}"))
        .hasMessageEndingWith("(HTTP 400): no such thing");
    assertThat(decode(JSON, 400, "\"a JSON string\"")).hasMessageEndingWith("(HTTP 400): a JSON string");
    assertThat(decode(JSON, 400, "{\"code\":400}")).hasMessageEndingWith("(HTTP 400)");
    assertThat(decode(JSON, 400, "")).hasMessageEndingWith("(HTTP 400)");
  }

  @Test
  void aBodyThatIsNoJsonIsQuotedByItsFirstLineScrubbed() {
    Exception refused = decode(JSON, 401, "\n  token " + SECRET + " is not valid\n<html>more</html>");

    assertThat(refused).isInstanceOf(BackendRejectedException.class)
        .hasMessage("Jaeger at http://jaeger:16686 refused access (HTTP 401 for GET /api/traces): token *** is not"
            + " valid");
    assertThat(((BackendRejectedException) refused).hint()).isEqualTo("check the key");
  }

  @Test
  void aNotFoundIsWhatTheBackendSaysItMeans() {
    assertThat(decode(JSON, 404, "{\"errors\":[{\"msg\":\"trace not found\"}]}"))
        .isInstanceOf(NotFoundException.class).hasMessage("404 for GET /api/traces: trace not found");
  }

  @Test
  void transientStatusesTravelRetryableWithTheDomainExceptionInside() {
    Exception failing = decode(JSON, 503, "{\"error\":{\"message\":\"storage down\"}}");
    Exception limited = JSON.decode("Api#traces()", answer(429, "slow down", Map.of("Retry-After", List.of("3"))));

    assertThat(failing).isInstanceOf(RetryableException.class)
        .hasMessage("Jaeger at http://jaeger:16686 failed with HTTP 503 for GET /api/traces: storage down")
        .cause().isInstanceOf(BackendUnavailableException.class);
    assertThat(limited).isInstanceOf(RetryableException.class);
    assertThat(((RetryableException) limited).retryAfter()).isNotNull();
    assertThat(limited.getCause()).isInstanceOfSatisfying(RateLimitedException.class,
        e -> assertThat(e.retryAfter()).contains(Duration.ofSeconds(3)));
  }

  @Test
  void hintsMayBePickedByTheBackendsWords() {
    StatusErrorDecoder plainText = new StatusErrorDecoder(FAILURES, StatusErrorDecoder.ErrorText.firstLine(),
        message -> message.contains("org id") ? new HttpFailures.StatusHints("set the tenant", "b", "c", "d") : HINTS,
        (what, message) -> new IllegalStateException("not used"));

    assertThat(decode(plainText, 401, "no org id\n")).isInstanceOfSatisfying(BackendRejectedException.class,
        e -> assertThat(e.hint()).isEqualTo("set the tenant")).hasMessageEndingWith(": no org id");
    assertThat(decode(plainText, 401, "bad token")).isInstanceOfSatisfying(BackendRejectedException.class,
        e -> assertThat(e.hint()).isEqualTo("check the key"));
  }

  @Test
  void anAnswerWithoutRequestOrBodyStillSaysItsStatus() {
    Response bare = Response.builder().status(502).request(REQUEST).headers(Map.of()).build();

    assertThat(JSON.decode("Api#traces()", bare)).isInstanceOf(RetryableException.class)
        .hasMessage("Jaeger at http://jaeger:16686 failed with HTTP 502 for GET /api/traces");
  }
}
