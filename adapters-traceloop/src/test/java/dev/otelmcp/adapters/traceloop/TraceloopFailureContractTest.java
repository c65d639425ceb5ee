package dev.otelmcp.adapters.traceloop;

import dev.otelmcp.domain.port.BackendSettings;
import dev.otelmcp.domain.port.TraceStore;
import dev.otelmcp.tck.AbstractBackendFailureContractTest;
import dev.otelmcp.tck.TestBackendSettings;

/** The TCK's failure contract for the Traceloop API, with an API key. */
class TraceloopFailureContractTest extends AbstractBackendFailureContractTest {

  @Override
  protected TraceStore storeAt(String baseUrl, String secret) {
    return new TraceloopTraceStore(TraceloopConfig.from(TestBackendSettings.url(baseUrl)
        .with(BackendSettings.API_KEY, secret).with(BackendSettings.TIMEOUT, "2s")));
  }
}
