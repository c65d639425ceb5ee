package dev.otelmcp.adapters.traceloop;

import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.otelmcp.domain.call.CallContext;
import dev.otelmcp.domain.model.TimeRange;
import dev.otelmcp.domain.model.TraceId;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.StringJoiner;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Paging loops start no further page once the tool call is at its stop time, and keep what they read: listing
 * services (up to five pages of root spans) and completing a trace's spans (up to ten pages of search rows).
 */
class PagingStopTest {

  @RegisterExtension
  static WireMockExtension traceloop = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  private static final TimeRange WEEK =
      new TimeRange(Instant.parse("2025-11-09T11:10:00Z"), Instant.parse("2025-11-16T11:11:00Z"));
  private static final long NEWEST_MS = Instant.parse("2025-11-16T11:00:00Z").toEpochMilli();

  private TraceloopTraceStore store;

  private TraceloopTraceStore store() {
    store = new TraceloopTraceStore(TraceloopConfig.from(Fixtures.settings(traceloop.baseUrl())));
    return store;
  }

  @AfterEach
  void close() {
    if (store != null) {
      store.close();
    }
  }

  /** A full page of 1000 rows of one service, with a cursor to a next page, as the API answers a busy project. */
  private static String fullPage(String key, String service) {
    StringJoiner rows = new StringJoiner(",");
    for (int i = 0; i < 1000; i++) {
      rows.add(String.format("{\"trace_id\":\"%032x\",\"span_id\":\"%016x\",\"span_name\":\"run\",\"service_name\":\"%s\","
          + "\"timestamp\":%d,\"duration\":1000000,\"environment\":\"prd\"}", i + 1, i + 1, service, NEWEST_MS - i));
    }
    return "{\"" + key + "\":{\"data\":[" + rows + "],\"page_size\":1000,\"total_results\":50000,\"next_cursor\":\""
        + (NEWEST_MS - 999) + "\"}}";
  }

  /** Stop time 500 ms from now, deadline 1 s: a page answered after 700 ms ends past the stop time. */
  private static CallContext stoppingSoon() {
    return CallContext.startingNow(Duration.ofMillis(1000), Duration.ofMillis(500), (d, t, m) -> { });
  }

  @Test
  void withoutAStopEveryServicePageIsRead() {
    traceloop.stubFor(post(urlPathEqualTo(Fixtures.ROOT_SPANS)).willReturn(okJson(fullPage("root_spans", "checkout"))));

    assertThat(store().listServices(WEEK)).containsExactly("checkout");

    traceloop.verify(TraceloopTraceStore.MAX_SERVICE_PAGES, postRequestedFor(urlPathEqualTo(Fixtures.ROOT_SPANS)));
  }

  @Test
  void listingServicesStopsAfterThePageUnderWayAtTheStopTime() {
    traceloop.stubFor(post(urlPathEqualTo(Fixtures.ROOT_SPANS))
        .willReturn(okJson(fullPage("root_spans", "checkout")).withFixedDelay(700)));

    List<String> services = stoppingSoon().call(() -> store().listServices(WEEK));

    assertThat(services).containsExactly("checkout");
    traceloop.verify(1, postRequestedFor(urlPathEqualTo(Fixtures.ROOT_SPANS)));
  }

  @Test
  void aTracesSpansAreCompletedEvenPastTheStopTime() {
    RecordedTraceloop.serve(traceloop.getRuntimeInfo().getWireMock());
    // Rows of other traces only: the store reads all ten pages looking for the trace's spans. A trace is answered
    // whole or not at all (the deadline itself would end the call); a half-completed one would show wrong statuses.
    traceloop.stubFor(post(urlPathEqualTo(Fixtures.SPANS)).atPriority(0)
        .willReturn(okJson(fullPage("spans", "other")).withFixedDelay(100)));

    assertThat(stoppingSoon().call(() -> store().getTrace(new TraceId(Fixtures.TRACE_ID)))).isPresent();

    traceloop.verify(10, postRequestedFor(urlPathEqualTo(Fixtures.SPANS)));
  }
}
