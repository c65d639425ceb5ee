package dev.otelmcp.adapters.tempo;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.otelmcp.domain.model.TimeRange;
import dev.otelmcp.domain.model.TraceId;
import dev.otelmcp.domain.port.TraceStore;
import dev.otelmcp.tck.AbstractTraceStoreContractTest;
import dev.otelmcp.tck.TestBackendSettings;
import java.time.Instant;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The TCK against recorded Tempo answers, trace bodies from {@code /api/traces/{id}} (v1): the store starts
 * with v2, meets a 404 there (WireMock has no v2 route, as Tempo before 2.6) and settles on v1.
 */
class TempoContractTest extends AbstractTraceStoreContractTest {

  @RegisterExtension
  static WireMockExtension tempo = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  @Override
  protected TraceStore openStore() {
    WireMock wireMock = tempo.getRuntimeInfo().getWireMock();
    RecordedTempo.search(wireMock, RecordedTempo.SERVICES, RecordedTempo.ALL);
    RecordedTempo.search(wireMock, RecordedTempo.BY_SERVICE, RecordedTempo.DEMO);
    RecordedTempo.search(wireMock, RecordedTempo.BY_ERROR, RecordedTempo.ERRORS);
    // Every recorded trace has an "Agent Workflow" root span and lasts at least 0 ms: for these two queries
    // the recorded answer to {} is the right one.
    RecordedTempo.searchAnsweredAs(wireMock, "{ name = \"Agent Workflow\" }", RecordedTempo.SERVICES, RecordedTempo.ALL);
    RecordedTempo.searchAnsweredAs(wireMock, "{ traceDuration >= 0ms }", RecordedTempo.SERVICES, RecordedTempo.ALL);
    stubTraces(wireMock);
    RecordedTempo.unknownTraceV1(wireMock);
    RecordedTempo.tagValues(wireMock);
    RecordedTempo.echo(wireMock);
    return new TempoTraceStore(TempoConfig.from(TestBackendSettings.url(tempo.baseUrl())));
  }

  /** Trace bodies; the v2 subclass serves them from the v2 route instead. */
  void stubTraces(WireMock wireMock) {
    RecordedTempo.tracesV1(wireMock, RecordedTempo.BASIC);
  }


  @Override
  protected KnownData knownData() {
    return new KnownData(
        new TimeRange(Instant.parse("2025-11-13T00:00:00Z"), Instant.parse("2025-11-14T00:00:00Z")),
        new TraceId("42ff472d7feb6215bec0cf4e350675b2"),
        10,
        "travel-agent-demo",
        "Agent Workflow",
        new TraceId("00000000000000000000000000000000"));
  }
}
