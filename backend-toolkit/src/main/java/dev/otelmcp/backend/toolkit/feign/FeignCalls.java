package dev.otelmcp.backend.toolkit.feign;

import dev.otelmcp.backend.toolkit.CauseChain;
import dev.otelmcp.backend.toolkit.HttpFailures;
import dev.otelmcp.backend.toolkit.UnreadableBodyException;
import dev.otelmcp.domain.error.BackendUnavailableException;
import dev.otelmcp.domain.error.OtelMcpException;
import feign.FeignException;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Runs a backend's HTTP calls and turns every way they can fail into a domain exception, worded as for every HTTP
 * backend ({@link HttpFailures}) with the backend's hints.
 *
 * <p>Status errors already arrive as domain exceptions (from {@link StatusErrorDecoder}), or inside Feign's
 * retryable exception after the last attempt; what is left are transport failures (refused, reset, timed out, DNS)
 * and bodies that could not be parsed ({@link JsonBodyDecoder}), which Feign wraps in a {@link FeignException}. That
 * exception is never kept as a cause: it holds the request headers, and so the credentials. Any other exception (a
 * backend's own, for a 404 only its caller can judge) passes unchanged.
 */
public final class FeignCalls {

  private final HttpFailures failures;
  private final String unreachableHint;
  private final String notJsonHint;

  /**
   * @param unreachableHint what to check when the backend does not answer (is it running, the URL, the timeout)
   * @param notJsonHint what to check when a successful answer is no JSON at all (a web page where the API should be)
   */
  public FeignCalls(HttpFailures failures, String unreachableHint, String notJsonHint) {
    this.failures = Objects.requireNonNull(failures, "failures");
    this.unreachableHint = Objects.requireNonNull(unreachableHint, "unreachableHint");
    this.notJsonHint = Objects.requireNonNull(notJsonHint, "notJsonHint");
  }

  /** The backend's failures: its name and URL for messages, its secrets scrubbed. */
  public HttpFailures failures() {
    return failures;
  }

  /**
   * Runs the request.
   *
   * @param what the request for messages, e.g. {@code GET /api/services}
   */
  public <T> T call(String what, Supplier<T> request) {
    try {
      return request.get();
    } catch (OtelMcpException e) {
      throw e;
    } catch (FeignException e) {
      throw translate(what, e);
    }
  }

  /** A body the caller parses itself (one that came back raw), failing as an unreadable answer would. */
  public <T> T parse(String what, byte[] body, JsonBodyDecoder.BodyReader<T> reader) {
    try {
      return JsonBodyDecoder.parse(body, reader);
    } catch (UnreadableBodyException e) {
      throw unreadable(what, e.startsLikeJson(), e.getMessage(), e);
    }
  }

  /** The exception for a successful answer whose body is not the JSON the backend should send. */
  public BackendUnavailableException notJson(String what, String detail, Throwable cause) {
    return failures.notJson(what, detail, notJsonHint, cause);
  }

  /** The exception for a body that could not be parsed: cut-off JSON, or no JSON at all. */
  public BackendUnavailableException unreadable(String what, boolean startsLikeJson, String detail, Throwable cause) {
    return failures.unreadable(what, startsLikeJson, detail, notJsonHint, cause);
  }

  private RuntimeException translate(String what, FeignException e) {
    // A parse failure travels as an I/O error too; a body that cannot be parsed is not an unreachable backend.
    Optional<Throwable> body = CauseChain.first(e.getCause(),
        t -> t instanceof OtelMcpException || t instanceof UnreadableBodyException)
        .filter(UnreadableBodyException.class::isInstance);
    if (body.isPresent()) {
      // The body exception stays the cause: a caller may tell a web page from cut-off JSON by it.
      UnreadableBodyException parseFailure = (UnreadableBodyException) body.get();
      return unreadable(what, parseFailure.startsLikeJson(), parseFailure.getMessage(), parseFailure);
    }
    return failures.transport(what, e, unreachableHint);
  }
}
