package dev.otelmcp.adapters.tempo;

import com.fasterxml.jackson.databind.JsonNode;
import dev.otelmcp.otlp.codec.OtlpDecodeResult;
import dev.otelmcp.otlp.codec.OtlpDecodingException;
import dev.otelmcp.otlp.codec.OtlpJsonDecoder;
import dev.otelmcp.domain.error.BackendUnavailableException;
import dev.otelmcp.domain.model.Trace;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fetches whole traces by id, through {@code /api/v2/traces/{id}} where Tempo has it (2.6+) and
 * {@code /api/traces/{id}} otherwise.
 *
 * <p>Why v2 first: Tempo cuts a trace larger than {@code max_bytes_per_trace} in both, but only v2 says so
 * ({@code "status":"PARTIAL"} with a message); v1 returns the cut trace as if it were whole. The version is
 * detected once: a v2 answer (even an empty {@code {"trace":{}}}, Tempo's "not found" on that route) settles
 * on v2; a 404 from the router ({@code 404 page not found}), or a 404 on v2 for a trace that v1 then
 * returns, settles on v1. Until then, the first fetch probes while later ones wait, so the detection costs
 * one extra request, not one per parallel fetch.
 */
final class TraceFetcher {

  private static final Logger LOG = LoggerFactory.getLogger(TraceFetcher.class);

  private enum Route {
    UNKNOWN,
    V1,
    V2
  }

  private final TempoApi api;
  private final TempoCalls calls;
  private final OtlpJsonDecoder decoder;
  private final AtomicReference<Route> route;

  TraceFetcher(TempoApi api, TempoCalls calls, OtlpJsonDecoder decoder, TempoConfig.ApiVersion version) {
    this.api = api;
    this.calls = calls;
    this.decoder = decoder;
    this.route = new AtomicReference<>(switch (version) {
      case V1 -> Route.V1;
      case V2 -> Route.V2;
      case AUTO -> Route.UNKNOWN;
    });
  }

  /** The trace with this canonical id, or empty when Tempo does not hold it. */
  Optional<Trace> fetch(String traceId) {
    Route known = route.get();
    if (known == Route.UNKNOWN) {
      synchronized (this) {
        if (route.get() == Route.UNKNOWN) {
          return probe(traceId);
        }
      }
      known = route.get();
    }
    return known == Route.V2 ? viaV2(traceId).orElse(Optional.empty()) : viaV1(traceId);
  }

  /** Which route is in use: {@code v1}, {@code v2}, or {@code not yet detected}. */
  String routeLabel() {
    return switch (route.get()) {
      case V1 -> "/api/traces (v1)";
      case V2 -> "/api/v2/traces";
      case UNKNOWN -> "trace-by-id route not yet detected";
    };
  }

  private Optional<Trace> probe(String traceId) {
    try {
      Optional<Optional<Trace>> v2 = viaV2(traceId);
      if (v2.isPresent()) {
        settle(Route.V2);
        return v2.get();
      }
    } catch (TempoNotFoundException missingRoute) {
      settle(Route.V1);
      return viaV1(traceId);
    }
    // v2 answered 404 for this id: either the id is unknown, or the route is missing behind a proxy.
    Optional<Trace> v1 = viaV1(traceId);
    if (v1.isPresent()) {
      settle(Route.V1);
    }
    return v1;
  }

  private void settle(Route detected) {
    if (route.compareAndSet(Route.UNKNOWN, detected)) {
      LOG.info("Tempo trace-by-id: using {}", routeLabel());
    }
  }

  /**
   * The v2 answer: a trace or empty (no spans), or no answer at all (outer empty) when v2 said 404 for an id;
   * a 404 from the router (the route is missing) is thrown.
   */
  private Optional<Optional<Trace>> viaV2(String traceId) {
    String what = "GET /api/v2/traces/{traceId}";
    byte[] body;
    try {
      body = calls.callAllowing404(what, () -> api.traceV2(traceId));
    } catch (TempoNotFoundException notFound) {
      if (notFound.isMissingRoute() && route.get() != Route.V2) {
        throw notFound;
      }
      return route.get() == Route.V2 ? Optional.of(Optional.empty()) : Optional.empty();
    }
    if (body.length == 0) {
      return Optional.of(Optional.empty());
    }
    JsonNode json = calls.tree(what, body);
    if ("PARTIAL".equals(json.path("status").asText())) {
      // The domain's Trace has no "partial" flag yet: say it where operators look.
      LOG.warn("Tempo returned trace {} partially: {}", traceId, json.path("message").asText("no reason given"));
    }
    return Optional.of(decode(what, traceId, json));
  }

  private Optional<Trace> viaV1(String traceId) {
    String what = "GET /api/traces/{traceId}";
    byte[] body;
    try {
      body = calls.callAllowing404(what, () -> api.traceV1(traceId));
    } catch (TempoNotFoundException notFound) {
      return Optional.empty();
    }
    return body.length == 0 ? Optional.empty() : decode(what, traceId, calls.tree(what, body));
  }

  private Optional<Trace> decode(String what, String traceId, JsonNode json) {
    OtlpDecodeResult result;
    try {
      result = decoder.decode(json);
    } catch (OtlpDecodingException e) {
      throw new BackendUnavailableException("Tempo sent a trace that is not OTLP/JSON for " + what + ": "
          + e.getMessage(), "Check that BACKEND_URL points at Tempo's HTTP API.", e);
    }
    if (result.isLossy()) {
      LOG.warn("trace {}: {} spans, {} attributes and {} events/links could not be read and were left out", traceId,
          result.skippedSpans(), result.skippedAttributes(), result.skippedEventsAndLinks());
    }
    return result.traces().stream().filter(t -> t.traceId().equals(traceId)).findFirst();
  }
}
