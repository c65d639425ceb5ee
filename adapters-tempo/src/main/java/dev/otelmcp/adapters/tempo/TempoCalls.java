package dev.otelmcp.adapters.tempo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.otelmcp.backend.toolkit.feign.FeignCalls;
import dev.otelmcp.domain.error.BackendRejectedException;
import dev.otelmcp.domain.error.BackendUnavailableException;
import java.util.function.Supplier;

/**
 * Runs Tempo's HTTP calls ({@link FeignCalls}, with Tempo's hints) and says what a 404 means where the caller does
 * not: that the URL is not Tempo's API. Trace bodies, which come back raw, are parsed here.
 */
final class TempoCalls {

  private static final String UNREACHABLE_HINT = "Check that Tempo is running and that BACKEND_URL (or --url) points"
      + " at its HTTP API (default " + TempoConfig.DEFAULT_URL + "); raise BACKEND_TIMEOUT if Tempo is just slow.";

  private final FeignCalls calls;
  private final ObjectMapper mapper;

  TempoCalls(TempoConfig config, ObjectMapper mapper) {
    this.calls = new FeignCalls(config.failures(), UNREACHABLE_HINT,
        "Check that BACKEND_URL points at Tempo's HTTP API, not at a UI page or a proxy's login page.");
    this.mapper = mapper;
  }

  /** Runs a call for which a 404 can only mean that the URL is not Tempo's API. */
  <T> T call(String what, Supplier<T> request) {
    try {
      return callAllowing404(what, request);
    } catch (TempoNotFoundException e) {
      throw new BackendRejectedException(e.getMessage(),
          "Check that BACKEND_URL points at Tempo's HTTP API (port 3200, or the /tempo path of Grafana Cloud), not at"
              + " Grafana or the OTLP receiver.");
    }
  }

  /** Runs a call and lets a 404 through as {@link TempoNotFoundException}, for callers that know what it means. */
  <T> T callAllowing404(String what, Supplier<T> request) {
    return calls.call(what, request);
  }

  /** A raw body as JSON; a body that is not JSON is Tempo failing (or a proxy page). */
  JsonNode tree(String what, byte[] body) {
    JsonNode node = calls.parse(what, body, mapper::readTree);
    if (node == null || node.isMissingNode()) {
      throw new BackendUnavailableException(calls.failures().at() + " sent an empty body for " + what,
          UNREACHABLE_HINT);
    }
    return node;
  }
}
