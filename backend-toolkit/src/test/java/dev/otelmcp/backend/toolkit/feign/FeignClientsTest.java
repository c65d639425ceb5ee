package dev.otelmcp.backend.toolkit.feign;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.otelmcp.backend.toolkit.ConnectionSettings;
import dev.otelmcp.backend.toolkit.HttpBackendConfig;
import dev.otelmcp.backend.toolkit.HttpFailures;
import dev.otelmcp.backend.toolkit.UnreadableBodyException;
import dev.otelmcp.domain.error.BackendRejectedException;
import dev.otelmcp.domain.error.BackendUnavailableException;
import dev.otelmcp.domain.error.NotFoundException;
import feign.Headers;
import feign.RequestLine;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** One backend's Feign clients against a real HTTP server: headers, bodies, status errors and failed calls. */
class FeignClientsTest {

  @RegisterExtension
  static WireMockExtension backend = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  private static final String KEY = "k{ey}-s3cr3t";

  record Config(ConnectionSettings connection) implements HttpBackendConfig {}

  record Services(List<String> services) {}

  record Query(String service, int limit) {}

  interface Api {
    @RequestLine("GET /api/services")
    Services services();

    @RequestLine("POST /api/search")
    @Headers("Content-Type: application/json")
    Services search(Query query);

    @RequestLine("GET /api/page")
    @Headers("Accept: text/html")
    String page();
  }

  private static Config config(String apiKey, Map<String, String> headers, Duration timeout) {
    return new Config(new ConnectionSettings(backend.baseUrl() + "/base", apiKey, headers, timeout));
  }

  private static FeignClients.Builder builder(Config config) {
    HttpFailures failures = config.failures("Sample");
    return FeignClients.builder("Sample", config, FeignClients.mapper())
        .errorDecoder(new StatusErrorDecoder(failures, StatusErrorDecoder.ErrorText.firstLine(),
            new HttpFailures.StatusHints("check the key", "adjust the query", "retry later", "check the URL"),
            (what, message) -> new NotFoundException(failures.at() + " has no " + what, "check the URL")));
  }

  private static FeignCalls calls(Config config) {
    return new FeignCalls(config.failures("Sample"), "is Sample running?", "is that Sample's URL?");
  }

  @Test
  void headersAreSentAsWrittenAndTheBackendsOwnWinOverExtraOnes() {
    backend.stubFor(get(urlPathEqualTo("/base/api/services")).willReturn(okJson("{\"services\":[\"a\"],\"n\":1}")));
    Config config = config(KEY, Map.of("X-Token", "{not-a-template}", "X-Scope-OrgID", "from-headers"),
        Duration.ofSeconds(5));

    Services answer = builder(config).header("X-Scope-OrgID", "tenant-a").header("X-Unset", null).build()
        .target(Api.class).services();

    assertThat(answer).isEqualTo(new Services(List.of("a")));
    backend.verify(getRequestedFor(urlPathEqualTo("/base/api/services"))
        .withHeader("Authorization", equalTo("Bearer " + KEY))
        .withHeader("X-Token", equalTo("{not-a-template}"))
        .withHeader("X-Scope-OrgID", equalTo("tenant-a"))
        .withHeader("X-Unset", absent())
        .withHeader("Accept", equalTo("application/json")));
  }

  @Test
  void credentialsOtherThanABearerKeyReplaceIt() {
    backend.stubFor(get(urlPathEqualTo("/base/api/services")).willReturn(okJson("{}")));

    builder(config(KEY, Map.of(), Duration.ofSeconds(5))).authorization(Optional.of("Basic dXNlcjpwdw==")).build()
        .target(Api.class).services();
    builder(config(KEY, Map.of("Authorization", "from-headers"), Duration.ofSeconds(5)))
        .authorization(Optional.empty()).build().target(Api.class).services();
    builder(config(null, Map.of(), Duration.ofSeconds(5))).build().target(Api.class).services();

    List<String> sent = backend.findAll(getRequestedFor(urlPathEqualTo("/base/api/services"))).stream()
        .map(request -> String.valueOf(request.getHeader("Authorization"))).toList();
    assertThat(sent).containsExactly("Basic dXNlcjpwdw==", "from-headers", "null");
  }

  @Test
  void requestBodiesAreJsonAndARequestsOwnAcceptStays() {
    backend.stubFor(post(urlPathEqualTo("/base/api/search")).willReturn(okJson("{\"services\":[]}")));
    backend.stubFor(get(urlPathEqualTo("/base/api/page")).willReturn(aResponse().withBody("<p>hi</p>")));
    Api api = builder(config(KEY, Map.of(), Duration.ofSeconds(5))).build().target(Api.class);

    assertThat(api.search(new Query("checkout", 20))).isEqualTo(new Services(List.of()));
    assertThat(api.page()).isEqualTo("<p>hi</p>");

    backend.verify(postRequestedFor(urlPathEqualTo("/base/api/search"))
        .withRequestBody(equalToJson("{\"service\":\"checkout\",\"limit\":20}")));
    backend.verify(getRequestedFor(urlPathEqualTo("/base/api/page")).withHeader("Accept", equalTo("text/html")));
  }

  @Test
  void aStatusErrorIsTheDomainExceptionOfTheErrorDecoder() {
    backend.stubFor(get(urlPathEqualTo("/base/api/services"))
        .willReturn(aResponse().withStatus(403).withBody("token " + KEY + " refused")));
    Config config = config(KEY, Map.of(), Duration.ofSeconds(5));
    Api api = builder(config).build().target(Api.class);

    BackendRejectedException refused = catchThrowableOfType(BackendRejectedException.class,
        () -> calls(config).call("GET /api/services", api::services));

    assertThat(refused).hasMessage("Sample at " + config.url() + " refused access (HTTP 403 for"
        + " GET /base/api/services): token *** refused");
    assertThat(refused.hint()).isEqualTo("check the key");
  }

  @Test
  void anAnswerThatIsNoJsonPointsAtTheUrlAndCutOffJsonAtTheWay() {
    Config config = config(KEY, Map.of(), Duration.ofSeconds(5));
    Api api = builder(config).build().target(Api.class);

    backend.stubFor(get(urlPathEqualTo("/base/api/services")).willReturn(aResponse().withBody("<html>Login</html>")));
    BackendUnavailableException page = catchThrowableOfType(BackendUnavailableException.class,
        () -> calls(config).call("GET /api/services", api::services));
    backend.stubFor(get(urlPathEqualTo("/base/api/services")).willReturn(okJson("{\"services\":[\"a\"")));
    BackendUnavailableException cut = catchThrowableOfType(BackendUnavailableException.class,
        () -> calls(config).call("GET /api/services", api::services));

    assertThat(page).hasMessageStartingWith("Sample at " + config.url() + " sent a response that is not valid JSON for"
        + " GET /api/services: Unexpected character ('<'");
    assertThat(page.hint()).isEqualTo("is that Sample's URL?");
    assertThat(page.getCause()).isInstanceOf(UnreadableBodyException.class);
    assertThat(cut).hasMessageContaining("sent a malformed or truncated JSON answer for GET /api/services");
  }

  @Test
  void noAnswerWithinTheTimeoutNamesTheTimeout() {
    backend.stubFor(get(urlPathEqualTo("/base/api/services")).willReturn(okJson("{}").withFixedDelay(2_000)));
    Config config = config(KEY, Map.of(), Duration.ofMillis(300));
    Api api = builder(config).build().target(Api.class);

    BackendUnavailableException slow = catchThrowableOfType(BackendUnavailableException.class,
        () -> calls(config).call("GET /api/services", api::services));

    assertThat(slow).hasMessage("Sample at " + config.url() + " did not answer within 300ms (GET /api/services)");
    assertThat(slow.hint()).isEqualTo("is Sample running?");
    for (Throwable t = slow; t != null; t = t.getCause()) {
      assertThat(String.valueOf(t.getMessage())).as("%s", t.getClass()).doesNotContain(KEY);
    }
  }
}
