package dev.otelmcp.backend.toolkit;

import dev.otelmcp.domain.error.BackendRejectedException;
import dev.otelmcp.domain.error.BackendUnavailableException;
import dev.otelmcp.domain.error.OtelMcpException;
import dev.otelmcp.domain.error.RateLimitedException;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every way an HTTP backend fails becomes the same domain exception, in the same words, without secrets. */
class HttpFailuresTest {

  private static final String SECRET = "s3cr3t-token";
  private static final HttpFailures JAEGER = new HttpFailures("Jaeger", "http://jaeger:16686", "2s",
      text -> text == null ? null : text.replace(SECRET, "***"));
  private static final HttpFailures.StatusHints HINTS = new HttpFailures.StatusHints("check the key",
      "adjust the query", "retry later", "check the URL");
  private static final String REQUEST = "GET /api/services";

  private static OtelMcpException status(int status, String message) {
    return JAEGER.forStatus(status, REQUEST, message, Map.of(), HINTS);
  }

  @Test
  void tooManyRequestsIsRateLimitedWithRetryAfter() {
    OtelMcpException e = JAEGER.forStatus(429, REQUEST, "slow down", Map.of("retry-after", List.of(" 7 ")), HINTS);

    assertThat(e).isInstanceOf(RateLimitedException.class)
        .hasMessage("Jaeger at http://jaeger:16686 is rate limiting requests (HTTP 429 for GET /api/services): slow down");
    assertThat(((RateLimitedException) e).retryAfter()).contains(Duration.ofSeconds(7));
    assertThat(((RateLimitedException) status(429, null)).retryAfter()).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(ints = {401, 403})
  void unauthorisedAndForbiddenAreRefusals(int code) {
    OtelMcpException e = status(code, "token " + SECRET + " is not valid");

    assertThat(e).isInstanceOf(BackendRejectedException.class).hasMessage("Jaeger at http://jaeger:16686 refused access"
        + " (HTTP " + code + " for GET /api/services): token *** is not valid");
    assertThat(e.hint()).isEqualTo("check the key");
  }

  @Test
  void aBackendSaysWhatItRefused() {
    HttpFailures.StatusHints keyOnly = new HttpFailures.StatusHints("the API key", "check the key", "adjust",
        "retry", "check the URL");

    assertThat(JAEGER.forStatus(401, REQUEST, "", Map.of(), keyOnly))
        .hasMessage("Jaeger at http://jaeger:16686 refused the API key (HTTP 401 for GET /api/services)");
  }

  @ParameterizedTest
  @ValueSource(ints = {400, 404, 405, 413, 422, 499})
  void otherClientErrorsAreRejections(int code) {
    OtelMcpException e = status(code, "'maxDuration' should be greater than 'minDuration'");

    assertThat(e).isInstanceOf(BackendRejectedException.class).hasMessage("Jaeger at http://jaeger:16686 rejected"
        + " GET /api/services (HTTP " + code + "): 'maxDuration' should be greater than 'minDuration'");
    assertThat(e.hint()).isEqualTo("adjust the query");
  }

  @ParameterizedTest
  @ValueSource(ints = {500, 502, 503, 504, 599})
  void serverErrorsAreUnavailability(int code) {
    OtelMcpException e = status(code, "  storage unavailable \n");

    assertThat(e).isInstanceOf(BackendUnavailableException.class)
        .hasMessage("Jaeger at http://jaeger:16686 failed with HTTP " + code + " for GET /api/services: storage unavailable");
    assertThat(e.hint()).isEqualTo("retry later");
  }

  @ParameterizedTest
  @ValueSource(ints = {100, 204, 302, 304})
  void anyOtherStatusIsUnexpected(int code) {
    OtelMcpException e = status(code, null);

    assertThat(e).isInstanceOf(BackendUnavailableException.class)
        .hasMessage("Jaeger at http://jaeger:16686 failed with HTTP " + code + " for GET /api/services");
    assertThat(e.hint()).isEqualTo("check the URL");
  }

  @Test
  void aLongMessageIsScrubbedThenCut() {
    String longMessage = "x".repeat(HttpFailures.MAX_MESSAGE_CHARS - 5) + SECRET + "y".repeat(500);

    String quoted = JAEGER.quote(longMessage);

    assertThat(quoted).doesNotContain("s3cr3t").hasSize(HttpFailures.MAX_MESSAGE_CHARS + 1).endsWith("…")
        .contains("***");
    assertThat(JAEGER.quote(quoted)).as("quoting twice changes nothing").isEqualTo(quoted);
    assertThat(JAEGER.quote("   ")).isEmpty();
    assertThat(JAEGER.detail(null)).isEmpty();
    assertThat(JAEGER.detail(" no org id ")).isEqualTo(": no org id");
    assertThat(HttpFailures.truncate("short")).isEqualTo("short");
    assertThat(HttpFailures.truncate("z".repeat(301))).isEqualTo("z".repeat(300) + "…");
  }

  @Test
  void retryAfterInSeconds() {
    Instant now = Instant.parse("2025-11-13T10:00:00Z");

    assertThat(HttpFailures.retryAfter("120", now)).isEqualTo(Duration.ofMinutes(2));
    assertThat(HttpFailures.retryAfter(" 0 ", now)).isEqualTo(Duration.ZERO);
    assertThat(HttpFailures.retryAfter("-5", now)).isNull();
  }

  @Test
  void retryAfterAsAnHttpDate() {
    Instant now = Instant.parse("2025-11-13T10:00:00Z");

    assertThat(HttpFailures.retryAfter("Thu, 13 Nov 2025 10:01:30 GMT", now)).isEqualTo(Duration.ofSeconds(90));
    assertThat(HttpFailures.retryAfter("Thu, 13 Nov 2025 09:59:00 GMT", now)).as("a date already past: now")
        .isEqualTo(Duration.ZERO);
  }

  @ParameterizedTest
  @ValueSource(strings = {"soon", "1.5", "13/11/2025", "Thu, 32 Nov 2025 10:00:00 GMT", ""})
  void unreadableRetryAfterIsNone(String value) {
    assertThat(HttpFailures.retryAfter(value, Instant.now())).isNull();
    assertThat(HttpFailures.retryAfter(null, Instant.now())).isNull();
  }

  @Test
  void retryAfterIsFoundInHeadersInAnyCase() {
    assertThat(HttpFailures.retryAfter(Map.of("RETRY-AFTER", List.of("3")))).isEqualTo(Duration.ofSeconds(3));
    assertThat(HttpFailures.retryAfter(Map.of("Content-Type", List.of("text/plain")))).isNull();
  }

  @Test
  void onlyATimeoutNamesTheTimeout() {
    assertThat(unreachable(new HttpTimeoutException("request timed out")))
        .isEqualTo("Jaeger at http://jaeger:16686 did not answer within 2s (GET /api/services)");
    assertThat(unreachable(new SocketTimeoutException("Read timed out")))
        .isEqualTo("Jaeger at http://jaeger:16686 did not answer within 2s (GET /api/services)");
    assertThat(unreachable(new HttpConnectTimeoutException("HTTP connect timed out")))
        .isEqualTo("could not reach Jaeger at http://jaeger:16686 (GET /api/services): no connection within 2s");
  }

  @Test
  void fastTransportFailuresSayWhatHappenedWithoutATimeout() {
    assertThat(unreachable(new ConnectException("Connection refused")))
        .isEqualTo("could not reach Jaeger at http://jaeger:16686 (GET /api/services): connection refused");
    assertThat(unreachable(new IOException("wrapped", new ConnectException()))).endsWith("): connection refused");
    assertThat(unreachable(new UnknownHostException("jaeger"))).endsWith("): unknown host");
    assertThat(unreachable(new IOException(null, new UnresolvedAddressException()))).endsWith("): unknown host");
    assertThat(unreachable(new IOException("HTTP/1.1 header parser received no bytes",
        new SocketException("Connection reset"))))
        .isEqualTo("Jaeger at http://jaeger:16686 failed for GET /api/services: the connection was reset");
    assertThat(unreachable(new IOException("closed", new EOFException("EOF reached while reading"))))
        .isEqualTo("Jaeger at http://jaeger:16686 failed for GET /api/services: the connection was closed before the"
            + " answer was complete");
    assertThat(unreachable(new IOException(new InterruptedException())))
        .endsWith("failed for GET /api/services: the request was interrupted (the call was cancelled or ran out of"
            + " time)");
    assertThat(unreachable(new IOException("closed by " + SECRET))).endsWith("GET /api/services: closed by ***");
    assertThat(unreachable(new IOException())).endsWith("GET /api/services: IOException");
    for (IOException fast : List.of(new ConnectException(), new SocketException("Connection reset"), new EOFException(),
        new UnknownHostException("x"), new IOException("other"))) {
      assertThat(unreachable(fast)).doesNotContain("within");
    }

    BackendUnavailableException e = JAEGER.unreachable(REQUEST, new ConnectException(), "start Jaeger");
    assertThat(e).hasCauseInstanceOf(ConnectException.class);
    assertThat(e.hint()).isEqualTo("start Jaeger");
  }

  private static String unreachable(IOException cause) {
    return JAEGER.transport(REQUEST, new RuntimeException("feign", cause), "hint").getMessage();
  }

  @Test
  void theHttpLibrarysExceptionIsNeverKeptItHoldsTheRequest() {
    RuntimeException holdingHeaders = new RuntimeException("Authorization: Bearer " + SECRET, new ConnectException());

    RuntimeException e = JAEGER.transport(REQUEST, holdingHeaders, "hint");

    for (Throwable t = e; t != null; t = t.getCause()) {
      assertThat(t).isNotSameAs(holdingHeaders);
      assertThat(String.valueOf(t.getMessage())).doesNotContain(SECRET);
    }
  }

  @Test
  void aDomainExceptionInTheCauseChainIsReturnedAsItIs() {
    RateLimitedException decoded = new RateLimitedException("Jaeger is rate limiting", null);

    assertThat(JAEGER.transport(REQUEST, new RuntimeException(new IllegalStateException(decoded)), "hint"))
        .isSameAs(decoded);
  }

  @Test
  void aFailureWithoutAnIoCauseIsNamedByItsClass() {
    class DecodeException extends RuntimeException {
      DecodeException() {
        super("no body", new IllegalStateException("x"));
      }
    }

    RuntimeException e = JAEGER.transport(REQUEST, new DecodeException(), "check the URL");

    assertThat(e).isInstanceOf(BackendUnavailableException.class)
        .hasMessage("Jaeger at http://jaeger:16686 failed for GET /api/services: DecodeException").hasNoCause();
  }

  @Test
  void aBodyThatIsNotJsonIsUnavailabilityWithTheParsersWordsScrubbed() {
    IOException parser = new IOException("Unexpected character ('<')");

    BackendUnavailableException e = JAEGER.notJson(REQUEST, "Unrecognized token '" + SECRET + "'", "check the URL", parser);

    assertThat(e).hasMessage("Jaeger at http://jaeger:16686 sent a response that is not valid JSON for"
        + " GET /api/services: Unrecognized token '***'").hasCause(parser);
    assertThat(e.hint()).isEqualTo("check the URL");
  }

  @Test
  void aBodyCutOffOrGarbledIsMalformedJsonWithAHintToRetryNotToCheckTheUrl() {
    IOException parser = new IOException("Unexpected end-of-input");

    BackendUnavailableException e = JAEGER.unreadable(REQUEST, true, "Unexpected end-of-input near " + SECRET,
        "check BACKEND_URL", parser);

    assertThat(e).hasMessage("Jaeger at http://jaeger:16686 sent a malformed or truncated JSON answer for"
        + " GET /api/services: Unexpected end-of-input near ***").hasCause(parser);
    assertThat(e.hint()).contains("retry").contains("Jaeger's logs").doesNotContain("BACKEND_URL");
  }

  @Test
  void aBodyThatIsNoJsonAtAllKeepsTheUrlHint() {
    BackendUnavailableException e = JAEGER.unreadable(REQUEST, false, "Unexpected character ('<')", "check BACKEND_URL",
        null);

    assertThat(e).hasMessageContaining("sent a response that is not valid JSON for GET /api/services");
    assertThat(e.hint()).isEqualTo("check BACKEND_URL");
  }

  @Test
  void theRequestIsItsMethodAndPathWithoutTheQuery() {
    assertThat(HttpFailures.request("GET", "http://jaeger:16686/jaeger/api/traces?service=a&tags=%7B%7D"))
        .isEqualTo("GET /jaeger/api/traces");
    assertThat(HttpFailures.request("POST", "http://x/v2/projects/default/spans")).isEqualTo("POST /v2/projects/default/spans");
    assertThat(HttpFailures.request("GET", "http://x/a b")).isEqualTo("GET ?");
    assertThat(HttpFailures.request(null, null)).isEqualTo("the request");
  }

  @Test
  void theFirstLineOfAPlainTextBody() {
    assertThat(HttpFailures.firstLine("\n  no org id  \nsecond line")).isEqualTo("no org id");
    assertThat(HttpFailures.firstLine("")).isEmpty();
    assertThat(HttpFailures.firstLine(null)).isEmpty();
  }

  @Test
  void anErrorBodyIsReadUpToItsLimitAndAnUnreadableOneIsEmpty() {
    byte[] page = ("<html>" + "x".repeat(40_000)).getBytes(StandardCharsets.UTF_8);

    assertThat(HttpFailures.errorBody(() -> new ByteArrayInputStream(page))).hasSize(HttpFailures.MAX_ERROR_BODY_BYTES)
        .startsWith("<html>");
    assertThat(HttpFailures.errorBody(() -> new ByteArrayInputStream("no org id\n".getBytes(StandardCharsets.UTF_8))))
        .isEqualTo("no org id\n");
    assertThat(HttpFailures.errorBody(null)).isEmpty();
    assertThat(HttpFailures.errorBody(() -> {
      throw new IOException("stream closed");
    })).isEmpty();
  }

  @Test
  void theBackendsMessageIsTheFirstCandidateThatSaysSomething() {
    assertThat(HttpFailures.firstMessage(null, "  ", "limit must be at most 1000", "other")).isEqualTo(
        "limit must be at most 1000");
    assertThat(HttpFailures.firstMessage(null, "")).isNull();
    assertThat(HttpFailures.firstMessage()).isNull();
  }

  @Test
  void anUnhealthyBackendSaysWhyWithoutSecrets() {
    assertThat(JAEGER.healthDetail(new BackendUnavailableException("could not reach Jaeger", "hint")))
        .isEqualTo("could not reach Jaeger");
    assertThat(JAEGER.healthDetail(new IllegalStateException("bad state near " + SECRET)))
        .isEqualTo("Jaeger at http://jaeger:16686 could not be checked: bad state near ***");
    assertThat(JAEGER.healthDetail(new NullPointerException()))
        .isEqualTo("Jaeger at http://jaeger:16686 could not be checked: null");
  }
}
