package dev.otelmcp.backend.toolkit.feign;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.fasterxml.jackson.databind.JsonNode;
import dev.otelmcp.backend.toolkit.HttpFailures;
import dev.otelmcp.backend.toolkit.UnreadableBodyException;
import dev.otelmcp.domain.error.BackendRejectedException;
import dev.otelmcp.domain.error.BackendUnavailableException;
import dev.otelmcp.domain.error.RateLimitedException;
import feign.Request;
import feign.Request.HttpMethod;
import feign.RetryableException;
import feign.codec.DecodeException;
import java.net.ConnectException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/** Every way a Feign call fails becomes a domain exception; Feign's own (it holds the request) never stays. */
class FeignCallsTest {

  private static final String SECRET = "s3cr3t-token";
  private static final Request REQUEST = Request.create(HttpMethod.GET, "http://tempo:3200/api/search?q=" + SECRET,
      Map.of("Authorization", List.of("Bearer " + SECRET)), null, StandardCharsets.UTF_8, null);
  private static final FeignCalls CALLS = new FeignCalls(new HttpFailures("Tempo", "http://tempo:3200", "30s",
      text -> text == null ? null : text.replace(SECRET, "***")), "is Tempo running?", "is that Tempo's URL?");

  private static Throwable failing(Supplier<Object> request) {
    return catchThrowable(() -> CALLS.call("GET /api/search", request));
  }

  @Test
  void anAnswerIsReturnedAndADomainExceptionPassesAsItIs() {
    BackendRejectedException rejected = new BackendRejectedException("rejected", "adjust the query");

    assertThat(CALLS.call("GET /api/search", () -> "answer")).isEqualTo("answer");
    assertThat(failing(() -> {
      throw rejected;
    })).isSameAs(rejected);
  }

  @Test
  void aTransientStatusStillFailingAfterTheLastAttemptIsItsDomainException() {
    RateLimitedException limited = new RateLimitedException("Tempo is rate limiting requests (HTTP 429)", null);

    assertThat(failing(() -> {
      throw new RetryableException(429, limited.getMessage(), HttpMethod.GET, limited, (Long) null, REQUEST);
    })).isSameAs(limited);
  }

  @Test
  void aRefusedConnectionIsUnreachableWithTheBackendsHintAndNoFeignException() {
    Throwable refused = failing(() -> {
      // What Feign throws when the client fails before an answer: status -1, the JDK's exception as cause.
      throw new RetryableException(-1, "Connection refused executing GET " + REQUEST.url(), HttpMethod.GET,
          new ConnectException("Connection refused"), (Long) null, REQUEST);
    });

    assertThat(refused).isInstanceOf(BackendUnavailableException.class)
        .hasMessage("could not reach Tempo at http://tempo:3200 (GET /api/search): connection refused");
    assertThat(((BackendUnavailableException) refused).hint()).isEqualTo("is Tempo running?");
    assertThat(refused.getCause()).isInstanceOf(ConnectException.class);
  }

  @Test
  void aBodyThatCouldNotBeParsedIsNamedAsSuchWithTheBodyExceptionAsCause() {
    UnreadableBodyException page = new UnreadableBodyException("Unexpected character ('<')",
        "<html>".getBytes(StandardCharsets.UTF_8), null);

    Throwable failure = failing(() -> {
      throw new DecodeException(200, page.getMessage(), REQUEST, page);
    });

    assertThat(failure).isInstanceOf(BackendUnavailableException.class)
        .hasMessage("Tempo at http://tempo:3200 sent a response that is not valid JSON for GET /api/search:"
            + " Unexpected character ('<')")
        .cause().isSameAs(page);
    assertThat(((BackendUnavailableException) failure).hint()).isEqualTo("is that Tempo's URL?");
  }

  @Test
  void anExceptionOfTheBackendsOwnPassesUnchanged() {
    IllegalStateException own = new IllegalStateException("a 404 only the caller can judge");

    assertThat(failing(() -> {
      throw own;
    })).isSameAs(own);
  }

  @Test
  void aRawBodyIsParsedOrFailsAsAnUnreadableAnswer() {
    byte[] json = "{\"status\":\"COMPLETE\"}".getBytes(StandardCharsets.UTF_8);
    byte[] cut = "{\"status\":".getBytes(StandardCharsets.UTF_8);

    JsonNode tree = CALLS.parse("GET /api/v2/traces/{traceId}", json, FeignClients.mapper()::readTree);
    Throwable failure = catchThrowable(() -> CALLS.parse("GET /api/v2/traces/{traceId}", cut,
        FeignClients.mapper()::readTree));

    assertThat(tree.path("status").asText()).isEqualTo("COMPLETE");
    assertThat(failure).isInstanceOf(BackendUnavailableException.class)
        .hasMessageStartingWith("Tempo at http://tempo:3200 sent a malformed or truncated JSON answer for"
            + " GET /api/v2/traces/{traceId}: Unexpected end-of-input")
        .cause().isInstanceOf(UnreadableBodyException.class);
  }
}
