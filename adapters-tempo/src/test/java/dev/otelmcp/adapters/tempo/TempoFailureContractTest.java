package dev.otelmcp.adapters.tempo;

import dev.otelmcp.domain.port.BackendSettings;
import dev.otelmcp.domain.port.TraceStore;
import dev.otelmcp.tck.AbstractBackendFailureContractTest;
import dev.otelmcp.tck.TestBackendSettings;

/** The TCK's failure contract for Tempo, with Grafana Cloud's Basic auth (user and token). */
class TempoFailureContractTest extends AbstractBackendFailureContractTest {

  @Override
  protected TraceStore storeAt(String baseUrl, String secret) {
    return new TempoTraceStore(TempoConfig.from(TestBackendSettings.url(baseUrl)
        .with(TempoConfig.USERNAME, "123456").with(BackendSettings.API_KEY, secret)
        .with(BackendSettings.TIMEOUT, "2s")));
  }
}
