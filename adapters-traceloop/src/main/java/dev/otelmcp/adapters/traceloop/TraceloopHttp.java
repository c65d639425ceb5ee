package dev.otelmcp.adapters.traceloop;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.otelmcp.backend.toolkit.HttpFailures;
import dev.otelmcp.backend.toolkit.feign.FeignCalls;
import dev.otelmcp.backend.toolkit.feign.FeignClients;
import dev.otelmcp.backend.toolkit.feign.StatusErrorDecoder;
import dev.otelmcp.domain.error.BackendRejectedException;

/**
 * What the toolkit's Feign client needs to know of the Traceloop API: HTTP/2 to the cloud API, its hints, where its
 * errors say what went wrong, and what a 404 means.
 *
 * <p>The API's own message is quoted when the body has one ({@code error.message}, {@code error}, {@code message},
 * {@code detail}), after scrubbing secrets. A 404 is not "unknown trace" (the API answers 200 {@code {"spans":null}}
 * for that) but a wrong URL, so it is reported as a rejection naming the path.
 */
final class TraceloopHttp {

  /** The key is the only credential, so a 401/403 refused the key. */
  private static final HttpFailures.StatusHints HINTS = new HttpFailures.StatusHints("the API key",
      "Check BACKEND_API_KEY (or --api-key): it must be a valid Traceloop API key of the project to read.",
      "Traceloop's message says what it did not accept; adjust the query (time window, filters, limit).",
      "The Traceloop API is failing; retry later.",
      "Traceloop answered with an unexpected status; check BACKEND_URL (or --url).");

  private TraceloopHttp() {}

  static TraceloopApi api(TraceloopConfig config, ObjectMapper mapper) {
    HttpFailures failures = config.failures();
    return FeignClients.builder("Traceloop", config, mapper)
        .http2OverTls()
        .errorDecoder(new StatusErrorDecoder(failures, StatusErrorDecoder.ErrorText.jsonFields(mapper,
            "/error/message", "/error", "/message", "/detail", "/errors/0/message", ""), HINTS,
            (what, message) -> new BackendRejectedException(failures.at() + " has no " + what + " (HTTP 404)"
                + failures.detail(message),
                "Check BACKEND_URL (or --url): it should be the API root, e.g. " + TraceloopConfig.DEFAULT_URL + ".")))
        .build()
        .target(TraceloopApi.class);
  }

  static FeignCalls calls(TraceloopConfig config) {
    return new FeignCalls(config.failures(),
        "Check the network and BACKEND_URL (or --url; default " + TraceloopConfig.DEFAULT_URL
            + "); raise BACKEND_TIMEOUT if the API is just slow.",
        "Check that BACKEND_URL (or --url) points at the Traceloop API (default " + TraceloopConfig.DEFAULT_URL
            + "), not at a web page or a proxy login.");
  }
}
