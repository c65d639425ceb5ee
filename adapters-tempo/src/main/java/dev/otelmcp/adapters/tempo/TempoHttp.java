package dev.otelmcp.adapters.tempo;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.otelmcp.backend.toolkit.HttpFailures;
import dev.otelmcp.backend.toolkit.feign.FeignClients;
import dev.otelmcp.backend.toolkit.feign.StatusErrorDecoder;
import java.util.Locale;

/**
 * What the toolkit's Feign client needs to know of Tempo: its credentials (bearer or Basic, see {@link TempoAuth})
 * and tenant header, its hints, and what a 404 means.
 *
 * <p>Tempo writes its errors as plain text ({@code http.Error}): a TraceQL parse error, {@code invalid start: …},
 * {@code range specified by start and end exceeds 168h0m0s…}, {@code no org id}. That text is kept (cut and
 * scrubbed) because it is the best explanation there is, and it picks the hint. A 404 stays a
 * {@link TempoNotFoundException}: only the caller knows what it means.
 */
final class TempoHttp {

  private TempoHttp() {}

  static TempoApi api(TempoConfig config, ObjectMapper mapper) {
    HttpFailures failures = config.failures();
    return FeignClients.builder("Tempo", config, mapper)
        .authorization(config.auth().header())
        .header(TempoConfig.TENANT_HEADER, config.tenant())
        .errorDecoder(new StatusErrorDecoder(failures,
            StatusErrorDecoder.ErrorText.firstLine(),
            TempoHttp::hints,
            // The text is quoted where it is kept (the message's detail quotes its own copy).
            (what, text) -> new TempoNotFoundException(failures.at() + " answered 404 for " + what
                + failures.detail(text), failures.quote(text))))
        .build()
        .target(TempoApi.class);
  }

  /** Tempo's words say which setting to check: the tenant, or the longest window Tempo allows. */
  private static HttpFailures.StatusHints hints(String text) {
    return new HttpFailures.StatusHints(
        text.contains("org id")
            ? "This Tempo is multi-tenant: set BACKEND_TENANT (sent as X-Scope-OrgID)."
            : "Check BACKEND_API_KEY (bearer token, or user:token / BACKEND_USERNAME for basic auth, as Grafana "
                + "Cloud wants) and BACKEND_TENANT for multi-tenant Tempo.",
        text.toLowerCase(Locale.ROOT).contains("exceeds")
            ? "Tempo limits how long a search window may be; set BACKEND_MAX_SEARCH_DURATION to Tempo's "
                + "query_frontend.search.max_duration so otel-mcp splits longer windows, or narrow start_time/end_time."
            : "Tempo's message says what it did not accept; adjust the filters or the time window.",
        "Tempo or its storage is failing; retry later and check Tempo's logs.",
        "Tempo answered with an unexpected status; check that BACKEND_URL points at Tempo's HTTP API (port 3200).");
  }
}
