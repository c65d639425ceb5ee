package dev.otelmcp.adapters.jaeger;

import dev.otelmcp.domain.port.TraceStore;
import dev.otelmcp.tck.AbstractBackendFailureContractTest;
import dev.otelmcp.tck.TestBackendSettings;

/** The TCK's failure contract for Jaeger's /api/v3, with a bearer token. */
class V3JaegerFailureContractTest extends AbstractBackendFailureContractTest {

  @Override
  protected TraceStore storeAt(String baseUrl, String secret) {
    return new JaegerTraceStore(JaegerConfig.from(TestBackendSettings.url(baseUrl)
        .with("api_version", "v3").with("api_key", secret).with("timeout", "2s")));
  }
}
