package dev.otelmcp.adapters.tempo;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

import com.github.tomakehurst.wiremock.client.WireMock;

/**
 * The TCK against a Tempo 2.6+ that serves {@code /api/v2/traces/{id}}: the recorded trace bodies in the v2
 * shape, and an unknown id answered as Tempo's v2 route does, 200 with an empty {@code trace}.
 */
class TempoV2ContractTest extends TempoContractTest {

  @Override
  void stubTraces(WireMock wireMock) {
    RecordedTempo.tracesV2(wireMock, RecordedTempo.BASIC);
    wireMock.register(get(urlPathEqualTo("/api/v2/traces/00000000000000000000000000000000"))
        .willReturn(okJson("{\"trace\":{},\"metrics\":{\"inspectedBytes\":\"0\"}}")));
  }
}
