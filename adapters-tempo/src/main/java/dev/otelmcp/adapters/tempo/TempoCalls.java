package dev.otelmcp.adapters.tempo;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.otelmcp.backend.toolkit.AnswerBodies;
import dev.otelmcp.domain.error.BackendRejectedException;
import dev.otelmcp.domain.error.BackendUnavailableException;
import dev.otelmcp.backend.toolkit.HttpFailures;
import dev.otelmcp.domain.error.OtelMcpException;
import feign.FeignException;
import java.io.IOException;
import java.util.function.Supplier;

/**
 * Runs HTTP calls and turns every way they can fail into a domain exception: status errors arrive from
 * {@link TempoErrorDecoder}; transport failures (refused, reset, timed out, DNS) arrive wrapped in a
 * {@link FeignException} (after its retries), which is never kept as a cause because it holds the request headers (the
 * credentials); bodies that are not the JSON asked for are reported as such. Both are worded as for every HTTP
 * backend ({@link HttpFailures}).
 */
final class TempoCalls {

  private final HttpFailures failures;
  private final ObjectMapper mapper;

  TempoCalls(TempoConfig config, ObjectMapper mapper) {
    this.failures = config.failures();
    this.mapper = mapper;
  }

  /** Runs a call for which a 404 can only mean that the URL is not Tempo's API. */
  byte[] call(String what, Supplier<byte[]> request) {
    try {
      return callAllowing404(what, request);
    } catch (TempoNotFoundException e) {
      throw new BackendRejectedException(e.getMessage(),
          "Check that BACKEND_URL points at Tempo's HTTP API (port 3200, or the /tempo path of Grafana Cloud), not at"
              + " Grafana or the OTLP receiver.");
    }
  }

  /** Runs a call and lets a 404 through as {@link TempoNotFoundException}, for callers that know what it means. */
  byte[] callAllowing404(String what, Supplier<byte[]> request) {
    try {
      return request.get();
    } catch (OtelMcpException | TempoNotFoundException e) {
      throw e;
    } catch (FeignException e) {
      throw translate(what, e);
    }
  }

  /** Parses a JSON body into a type; a body that is not that JSON is Tempo failing (or a proxy page). */
  <T> T json(String what, byte[] body, Class<T> type) {
    try {
      return mapper.readValue(body, type);
    } catch (IOException e) {
      throw unreadable(what, body, e);
    }
  }

  JsonNode tree(String what, byte[] body) {
    try {
      JsonNode node = mapper.readTree(body);
      if (node == null || node.isMissingNode()) {
        throw new BackendUnavailableException(failures.at() + " sent an empty body for " + what, hint());
      }
      return node;
    } catch (IOException e) {
      throw unreadable(what, body, e);
    }
  }

  /** A body that began like JSON was cut off or garbled; anything else is a page where Tempo's API should be. */
  BackendUnavailableException unreadable(String what, byte[] body, IOException e) {
    String detail = e instanceof JsonProcessingException json ? json.getOriginalMessage() : e.getMessage();
    return failures.unreadable(what, AnswerBodies.startsLikeJson(body), detail,
        "Check that BACKEND_URL points at Tempo's HTTP API, not at a UI page or a proxy's login page.", e);
  }

  private RuntimeException translate(String what, FeignException e) {
    // A 404 the error decoder left for the caller travels inside Feign's exception like any other.
    for (Throwable t = e.getCause(); t != null && !(t instanceof OtelMcpException); t = t.getCause()) {
      if (t instanceof TempoNotFoundException notFound) {
        return notFound;
      }
    }
    return failures.transport(what, e, hint());
  }

  private static String hint() {
    return "Check that Tempo is running and that BACKEND_URL (or --url) points at its HTTP API (default "
        + TempoConfig.DEFAULT_URL + "); raise BACKEND_TIMEOUT if Tempo is just slow.";
  }
}
