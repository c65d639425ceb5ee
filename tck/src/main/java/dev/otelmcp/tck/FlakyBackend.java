package dev.otelmcp.tck;

import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * A backend that fails a few times and then recovers (a restart, dropped connections, a moment of overload), for
 * the retry tests of every HTTP backend: a WireMock scenario of its own per stub, so several can coexist.
 *
 * <p>Mind the JDK client: it repeats a GET (not a POST) once by itself when the connection closes before any byte of
 * the answer, so a GET must be reset at least twice before the adapter's own retry is what saves it.
 */
public final class FlakyBackend {

  private FlakyBackend() {}

  /** {@link #failsThen} with one failure. */
  public static void failsOnceThen(WireMock wireMock, Supplier<MappingBuilder> request,
      ResponseDefinitionBuilder first, ResponseDefinitionBuilder then) {
    failsThen(wireMock, request, 1, first, then);
  }

  /**
   * @param request a fresh matcher for the request each time it is called (WireMock's builders are mutable)
   * @param times how many requests get the failure
   * @param failure the failing answer (a 503, a 429, a fault)
   * @param then every later answer
   */
  public static void failsThen(WireMock wireMock, Supplier<MappingBuilder> request, int times,
      ResponseDefinitionBuilder failure, ResponseDefinitionBuilder then) {
    String scenario = "flaky-" + UUID.randomUUID();
    String state = Scenario.STARTED;
    for (int i = 1; i <= times; i++) {
      String next = "failed-" + i;
      wireMock.register(request.get().inScenario(scenario).whenScenarioStateIs(state).willReturn(failure)
          .willSetStateTo(next));
      state = next;
    }
    wireMock.register(request.get().inScenario(scenario).whenScenarioStateIs(state).willReturn(then));
  }
}
