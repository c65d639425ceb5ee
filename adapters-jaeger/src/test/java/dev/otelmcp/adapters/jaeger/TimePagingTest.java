package dev.otelmcp.adapters.jaeger;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import dev.otelmcp.domain.error.InvalidQueryException;
import dev.otelmcp.domain.model.TimeRange;
import dev.otelmcp.domain.model.TraceHit;
import dev.otelmcp.domain.model.Traces;
import dev.otelmcp.domain.port.TraceSearchResult;
import dev.otelmcp.domain.query.Filter;
import dev.otelmcp.domain.query.TraceQuery;
import dev.otelmcp.tck.ServedRequests;
import dev.otelmcp.tck.TestBackendSettings;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Jaeger has no search cursor: a page that may have more names its oldest start, and the next page searches the
 * window up to it — so a whole window is read however many traces it holds, not just the newest {@code limit}.
 */
class TimePagingTest {

  @RegisterExtension
  static WireMockExtension jaeger = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  private static final TimeRange WINDOW =
      new TimeRange(Instant.parse("2025-11-11T00:00:00Z"), Instant.parse("2025-11-14T00:00:00Z"));
  private static final List<Filter> OF_JAEGER = List.of(Filter.equalsString("service.name", "jaeger"));

  private JaegerTraceStore store;

  @BeforeEach
  void recordedSearch() {
    // The recorded answer holds ten traces; a real Jaeger would also honour end and limit, this one ignores both.
    String body = Fixtures.cassette("TestJaegerSearchTraces.test_search_traces_basic")
        .find(i -> i.path().equals("/api/traces")).responseBody();
    jaeger.stubFor(get(urlPathEqualTo("/api/traces")).willReturn(okJson(body)));
    store = new JaegerTraceStore(JaegerConfig.from(TestBackendSettings.url(jaeger.baseUrl())
        .with("api_version", "classic")));
  }

  @AfterEach
  void close() {
    store.close();
  }

  @Test
  void pagesFollowEachOtherBackInTimeUntilTheWindowIsRead() {
    List<String> read = new ArrayList<>();
    String cursor = null;
    int pages = 0;
    do {
      TraceSearchResult page = store.searchTraces(new TraceQuery(WINDOW, OF_JAEGER, 4, cursor));
      page.hits().stream().map(TraceHit::traceId).filter(id -> !read.contains(id)).forEach(read::add);
      cursor = page.nextCursor();
      pages++;
    } while (cursor != null && pages < 10);

    TraceSearchResult whole = store.searchTraces(new TraceQuery(WINDOW, OF_JAEGER, 100));
    assertThat(read).as("every trace once, newest first").isEqualTo(whole.hits().stream().map(TraceHit::traceId).toList());
    assertThat(pages).isLessThan(10);
  }

  @Test
  void theNextPageSearchesUpToTheOldestStartOfThePreviousOne() {
    TraceSearchResult first = store.searchTraces(new TraceQuery(WINDOW, OF_JAEGER, 4));
    Instant oldest = first.hits().get(3).startTime();

    TraceSearchResult second = store.searchTraces(new TraceQuery(WINDOW, OF_JAEGER, 4, first.nextCursor()));

    assertThat(first.nextCursor()).isEqualTo("before:" + oldest);
    List<ServeEvent> searches = ServedRequests.toUrlsStartingWith(ServedRequests.timed(jaeger::getAllServeEvents), "/api/traces");
    long micros = ChronoUnit.MICROS.between(Instant.EPOCH, oldest.truncatedTo(ChronoUnit.MICROS)) + 1;
    assertThat(searches).extracting(e -> e.getRequest().queryParameter("end").firstValue())
        .containsExactlyInAnyOrder("1763078400000000", Long.toString(micros));
    assertThat(second.hits()).isSortedAccordingTo(Traces.NEWEST_FIRST)
        .allSatisfy(hit -> assertThat(hit.startTime()).isBeforeOrEqualTo(oldest));
    assertThat(second.hits().get(0).traceId()).as("the boundary trace is searched again").isEqualTo(
        first.hits().get(3).traceId());
  }

  @Test
  void aCursorFromElsewhereIsRefusedWithAHint() {
    assertThatThrownBy(() -> store.searchTraces(new TraceQuery(WINDOW, OF_JAEGER, 4, "17")))
        .isInstanceOf(InvalidQueryException.class).hasMessageContaining("not issued by the Jaeger backend");
  }
}
