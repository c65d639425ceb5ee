package dev.otelmcp.adapters.jaeger;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.otelmcp.backend.toolkit.HttpFailures;
import dev.otelmcp.backend.toolkit.feign.FeignCalls;
import dev.otelmcp.backend.toolkit.feign.FeignClients;
import dev.otelmcp.backend.toolkit.feign.JsonBodyDecoder;
import dev.otelmcp.backend.toolkit.feign.StatusErrorDecoder;
import dev.otelmcp.domain.error.NotFoundException;

/**
 * What the toolkit's Feign clients need to know of Jaeger: its hints, where its errors say what went wrong, what a
 * 404 means, and the streaming reader of classic trace answers ({@link UiTraceReader}).
 *
 * <p>Jaeger writes its errors with Go's {@code http.Error}: a JSON body sent as {@code text/plain}. So the body is
 * parsed whatever the content type, and Jaeger's own words are used: {@code errors[0].msg} (classic envelope) or
 * {@code error.message} (api_v3). A 404 becomes a {@link NotFoundException} that callers translate in context
 * (empty result, unknown trace, or "this API does not exist here").
 */
final class JaegerHttp {

  private static final String NAME = "Jaeger";
  private static final HttpFailures.StatusHints HINTS = new HttpFailures.StatusHints(
      "Check BACKEND_API_KEY (sent as a bearer token) and the headers setting for the proxy in front of Jaeger.",
      "Jaeger's message says what it did not accept; adjust the query (time window, filters, limit).",
      "Jaeger or its storage is failing; retry later and check Jaeger's logs.",
      "Jaeger answered with an unexpected status; check that BACKEND_URL (or --url) points at the query service.");
  private static final String URL_HINT = "Check that BACKEND_URL (or --url) points at Jaeger's query service (port"
      + " 16686), not at a UI page or a proxy login.";
  private static final String UNREACHABLE_HINT = "Check that Jaeger's query service is running and that BACKEND_URL"
      + " (or --url) points at it (default " + JaegerConfig.DEFAULT_URL + "); raise BACKEND_TIMEOUT if Jaeger is just"
      + " slow.";

  private JaegerHttp() {}

  /** The clients of one store: both APIs over one connection pool. */
  static FeignClients clients(JaegerConfig config, ObjectMapper mapper) {
    HttpFailures failures = config.failures();
    return FeignClients.builder(NAME, config, mapper)
        .decoder(new JsonBodyDecoder(mapper).reading(UiTraces.class, new UiTraceReader(mapper)::read))
        .errorDecoder(new StatusErrorDecoder(failures, StatusErrorDecoder.ErrorText.jsonFields(mapper,
            "/errors/0/msg", "/error/message", "/message", "/error", ""), HINTS,
            (what, message) -> new NotFoundException(failures.at() + " answered 404 for " + what
                + failures.detail(message),
                "Check the id or name; if the whole API is missing, set api_version (classic or v3).")))
        .build();
  }

  /** How the store's calls fail: the body exception stays the cause ({@link FlavourDetector} reads it). */
  static FeignCalls calls(JaegerConfig config) {
    return new FeignCalls(config.failures(), UNREACHABLE_HINT, URL_HINT);
  }
}
