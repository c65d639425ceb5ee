package dev.otelmcp.adapters.traceloop;

import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.ok;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.otelmcp.domain.model.TimeRange;
import dev.otelmcp.domain.model.TraceId;
import dev.otelmcp.domain.port.TraceStore;
import dev.otelmcp.tck.AbstractTraceStoreContractTest;
import java.time.Instant;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The TCK against the recorded Traceloop API. The store claims no trace filter (root-spans filters only the
 * root span), so the TCK's trace-filter checks find nothing to check; its span search is native.
 *
 * <p>The known operation is a span name of the known service, found by the span search filtered on that service
 * ({@link RecordedTraceloop#serviceSpans}). The store reads LLM calls itself ({@link SpanSearchLlmScan}), so the TCK
 * checks that scan too.
 */
class TraceloopContractTest extends AbstractTraceStoreContractTest {

  private static final SpanSearchFake API = new SpanSearchFake();

  @RegisterExtension
  static WireMockExtension traceloop =
      WireMockExtension.newInstance().options(wireMockConfig().dynamicPort().extensions(API)).build();

  private static final TimeRange DAY =
      new TimeRange(Instant.parse("2025-11-15T11:10:00Z"), Instant.parse("2025-11-16T11:11:00Z"));

  @Override
  protected TraceStore openStore() {
    RecordedTraceloop.serve(traceloop.getRuntimeInfo().getWireMock());
    // Two searches the TCK makes with limits that were not recorded; their rows are in recorded pages of the
    // same window: the 2 newest of its 3 root spans, and the 3 newest spans (all of service travel-agent-demo2).
    traceloop.stubFor(post(urlPathEqualTo(Fixtures.ROOT_SPANS)).atPriority(1)
        .withRequestBody(equalToJson("{\"cursor\":0,\"limit\":2}", true, true))
        .withRequestBody(matchingJsonPath("$.filters", equalToJson("[]")))
        .willReturn(okJson(RecordedTraceloop.rows("TestTraceloopSearchTraces.test_search_traces_basic",
            Fixtures.ROOT_SPANS, "root_spans", 0, 2, true))));
    traceloop.stubFor(post(urlPathEqualTo(Fixtures.SPANS)).atPriority(1)
        .withRequestBody(equalToJson("{\"filters\":[{\"field\":\"service.name\",\"operator\":\"equals\","
            + "\"value\":\"travel-agent-demo2\",\"value_type\":\"string\"}],\"cursor\":0,\"limit\":3}", true, true))
        .willReturn(okJson(RecordedTraceloop.rows(RecordedTraceloop.SPANS_BASIC, Fixtures.SPANS, "spans", 0, 3,
            false))));
    // The LLM call scan reads the day's spans, 1000 a page, unfiltered: not recorded as such; answered from every
    // recorded search row (the three traces of the day: all 18 spans of c4c7e548…, the roots and LLM spans of the
    // other two), by the fake over rows, which keeps those of the requested seconds.
    API.holds(RecordedTraceloop.recordedRows(row -> true));
    traceloop.stubFor(post(urlPathEqualTo(Fixtures.SPANS)).atPriority(4)
        .withRequestBody(equalToJson("{\"cursor\":0,\"limit\":1000}", true, true))
        .withRequestBody(matchingJsonPath("$.filters", equalToJson("[]")))
        .willReturn(ok().withTransformers(SpanSearchFake.NAME)));
    return new TraceloopTraceStore(TraceloopConfig.from(Fixtures.settings(traceloop.baseUrl())));
  }


  @Override
  protected KnownData knownData() {
    return new KnownData(DAY, new TraceId(Fixtures.TRACE_ID), 18, "travel-agent-demo2", "openai.response",
        new TraceId("00000000000000000000000000000001"));
  }
}
