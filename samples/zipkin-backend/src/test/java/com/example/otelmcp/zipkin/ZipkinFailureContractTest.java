package com.example.otelmcp.zipkin;

import dev.otelmcp.domain.port.BackendSettings;
import dev.otelmcp.domain.port.TraceStore;
import dev.otelmcp.tck.AbstractBackendFailureContractTest;
import dev.otelmcp.tck.TestBackendSettings;

/** otel-mcp's failure contract, with a token for a proxy in front of Zipkin. */
class ZipkinFailureContractTest extends AbstractBackendFailureContractTest {

  @Override
  protected TraceStore storeAt(String baseUrl, String secret) {
    return new ZipkinProvider().create(TestBackendSettings.url(baseUrl).with(BackendSettings.API_KEY, secret)
        .with(BackendSettings.TIMEOUT, "2s"));
  }
}
