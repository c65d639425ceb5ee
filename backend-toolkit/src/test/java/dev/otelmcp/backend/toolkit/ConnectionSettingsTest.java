package dev.otelmcp.backend.toolkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.otelmcp.domain.error.InvalidQueryException;
import dev.otelmcp.tck.TestBackendSettings;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The connection settings every HTTP backend reads: URL, API key, headers, timeout; and keeping secrets. */
class ConnectionSettingsTest {

  private static final ConnectionSettings.Spec SPEC = new ConnectionSettings.Spec("http://localhost:16686",
      "Set BACKEND_URL to the query service.", "Put the token in BACKEND_API_KEY.");
  private static final ConnectionSettings.Spec OWNS_AUTHORIZATION = new ConnectionSettings.Spec(
      "https://api.example.com", "Set BACKEND_URL to the API.", "Put the key in BACKEND_API_KEY.",
      Map.of("Authorization", "BACKEND_API_KEY"));

  private static ConnectionSettings read(TestBackendSettings settings) {
    return ConnectionSettings.from(settings, SPEC);
  }

  private static InvalidQueryException invalid(TestBackendSettings settings, ConnectionSettings.Spec spec) {
    return org.assertj.core.api.Assertions.catchThrowableOfType(InvalidQueryException.class,
        () -> ConnectionSettings.from(settings, spec));
  }

  @Test
  void defaults() {
    ConnectionSettings settings = read(new TestBackendSettings());

    assertThat(settings.url()).isEqualTo("http://localhost:16686");
    assertThat(settings.apiKey()).isNull();
    assertThat(settings.headers()).isEmpty();
    assertThat(settings.timeout()).isEqualTo(Duration.ofSeconds(30)).isEqualTo(ConnectionSettings.DEFAULT_TIMEOUT);
    assertThat(settings.displayUrl()).isEqualTo(settings.url());
  }

  @Test
  void everySettingIsReadAndTrimmed() {
    ConnectionSettings settings = read(TestBackendSettings.url(" https://tracing.example.com/jaeger// ")
        .with("api_key", " token-1234 ").with("timeout", "5s").header(" X-Scope-OrgID ", " tenant-a "));

    assertThat(settings.url()).isEqualTo("https://tracing.example.com/jaeger");
    assertThat(settings.apiKey()).isEqualTo("token-1234");
    assertThat(settings.timeout()).isEqualTo(Duration.ofSeconds(5));
    assertThat(settings.headers()).containsExactly(Map.entry("X-Scope-OrgID", "tenant-a"));
  }

  @Test
  void theUrlKeepsItsBasePathAndPortAndLosesTrailingSlashes() {
    assertThat(read(TestBackendSettings.url("http://jaeger:16686/")).url()).isEqualTo("http://jaeger:16686");
    assertThat(read(TestBackendSettings.url("HTTPS://Tempo.example.com:443/tempo/")).url())
        .as("the scheme is case-insensitive and written in lower case").isEqualTo("https://Tempo.example.com:443/tempo");
    assertThat(read(TestBackendSettings.url("http://[::1]:3200")).url()).isEqualTo("http://[::1]:3200");
  }

  @ParameterizedTest
  @ValueSource(strings = {"ftp://jaeger", "jaeger:16686", "http://", "http:///path", "http://jaeger/?x=1",
      "http://jaeger/#top", "not a url"})
  void aMalformedUrlIsRefusedNamingTheSettingWithTheBackendsHint(String url) {
    InvalidQueryException e = invalid(TestBackendSettings.url(url), SPEC);

    assertThat(e).hasMessageStartingWith("setting 'url' ");
    assertThat(e.hint()).isEqualTo("Set BACKEND_URL to the query service.");
  }

  @Test
  void theUrlInTheMessageIsTheOneGiven() {
    assertThat(invalid(TestBackendSettings.url("ftp://jaeger"), SPEC))
        .hasMessage("setting 'url' must be an http:// or https:// URL, got 'ftp://jaeger'");
    assertThat(invalid(TestBackendSettings.url("http://jaeger/?x=1"), SPEC))
        .hasMessage("setting 'url' must not have a query or fragment: 'http://jaeger/?…' (not shown: it may hold a token; "
            + "a token goes in BACKEND_API_KEY or a --header)");
  }

  @Test
  void aTokenInTheQueryIsNeverEchoed() {
    assertThat(invalid(TestBackendSettings.url("https://tempo.example/api?token=s3cr3t-value#x"), SPEC))
        .hasMessageNotContaining("s3cr3t").hasMessageContaining("https://tempo.example/api?…")
        .hasMessageContaining("BACKEND_API_KEY");
  }

  @ParameterizedTest
  @ValueSource(strings = {"http://admin:hunter22@jaeger:16686", "https://admin:hunter22@jaeger/?q=1",
      "ftp://admin:hunter22@jaeger", "http://admin:hunter22@", "http://admin:hunter22@/path"})
  void credentialsInTheUrlAreRefusedAndNeverEchoed(String url) {
    InvalidQueryException e = invalid(TestBackendSettings.url(url), SPEC);

    assertThat(e).hasMessageStartingWith("setting 'url' ").hasMessageNotContaining("hunter22");
    assertThat(e.hint()).doesNotContain("hunter22");
  }

  @Test
  void userInfoIsRefusedWithTheBackendsWordOnWhereCredentialsGo() {
    InvalidQueryException e = invalid(TestBackendSettings.url("https://user:pw@tempo.example.com"), SPEC);

    assertThat(e).hasMessage("setting 'url' must not contain user:password");
    assertThat(e.hint()).isEqualTo("Put the token in BACKEND_API_KEY.");
  }

  @Test
  void withUrlReplacesOnlyTheUrl() {
    ConnectionSettings settings = read(TestBackendSettings.url("https://api.example.com/v2").with("api_key", "k-123"));

    ConnectionSettings moved = settings.withUrl("https://api.example.com");

    assertThat(moved).isEqualTo(new ConnectionSettings("https://api.example.com", "k-123", Map.of(),
        Duration.ofSeconds(30)));
  }

  @Test
  void anApiKeyWithControlCharactersIsRefusedWithoutEchoingIt() {
    InvalidQueryException e = invalid(new TestBackendSettings().with("api_key", "secret\nvalue"), SPEC);

    assertThat(e).hasMessage("setting 'api_key' contains control characters").hasMessageNotContaining("secret");
    assertThat(e.hint()).contains("BACKEND_API_KEY");
    assertThat(read(new TestBackendSettings().with("api_key", "   ")).apiKey()).as("blank is unset").isNull();
  }

  @ParameterizedTest
  @ValueSource(strings = {"Host", "connection", "Content-Length", "EXPECT", "Upgrade"})
  void headersTheHttpClientSetsAreRefused(String name) {
    InvalidQueryException e = invalid(new TestBackendSettings().header(name, "x"), SPEC);

    assertThat(e).hasMessage("setting 'headers' cannot set '" + name + "'");
    assertThat(e.hint()).isEqualTo("The HTTP client sets Host, Connection, Content-Length, Expect and Upgrade itself.");
  }

  @Test
  void headersTheBackendOwnsAreRefusedSayingWhereTheyComeFrom() {
    InvalidQueryException e = invalid(new TestBackendSettings().header("authorization", "Basic x"), OWNS_AUTHORIZATION);

    assertThat(e).hasMessage("setting 'headers' cannot set 'authorization'");
    assertThat(e.hint()).isEqualTo("The HTTP client sets Host, Connection, Content-Length, Expect and Upgrade itself,"
        + " and Authorization comes from BACKEND_API_KEY.");
    assertThat(read(new TestBackendSettings().header("Authorization", "Basic x")).headers())
        .as("a backend that does not own it lets it through").containsKey("Authorization");
  }

  @ParameterizedTest
  @ValueSource(strings = {"Bad Name", "", "X-Tenant:", "Ünicode", "a(b)"})
  void headerNamesMustBeHttpTokens(String name) {
    assertThat(invalid(new TestBackendSettings().header(name, "x"), SPEC))
        .hasMessage("setting 'headers' has an invalid header name '" + name + "'");
  }

  @Test
  void headerValuesAreSingleLine() {
    assertThat(invalid(new TestBackendSettings().header("X-Token", "a\r\nX-Evil: 1"), SPEC))
        .hasMessage("setting 'headers' has an invalid value for 'X-Token'");
    assertThat(read(new TestBackendSettings().header("X-Tenant", "{acme} !#$%")).headers())
        .containsEntry("X-Tenant", "{acme} !#$%");
  }

  @ParameterizedTest
  @ValueSource(strings = {"1ms", "500ms", "30", "2.5", "1m", "1h"})
  void timeoutsFromOneMillisecondToOneHourAreAccepted(String timeout) {
    assertThat(read(new TestBackendSettings().with("timeout", timeout)).timeout())
        .isBetween(Duration.ofMillis(1), Duration.ofHours(1));
  }

  @ParameterizedTest
  @ValueSource(strings = {"0", "0ms", "61m", "2h", "soon", "-1s"})
  void timeoutsOutsideTheBoundsOrUnreadableAreRefused(String timeout) {
    InvalidQueryException e = invalid(new TestBackendSettings().with("timeout", timeout), SPEC);

    assertThat(e).hasMessageStartingWith("setting 'timeout' ");
    assertThat(e.hint()).isEqualTo("Use seconds (30) or a unit (500ms, 10s, 1m).");
  }

  @Test
  void timeoutTextIsShort() {
    assertThat(read(new TestBackendSettings().with("timeout", "30")).timeoutText()).isEqualTo("30s");
    assertThat(read(new TestBackendSettings().with("timeout", "300ms")).timeoutText()).isEqualTo("300ms");
    assertThat(read(new TestBackendSettings().with("timeout", "1500ms")).timeoutText()).isEqualTo("1500ms");
  }

  @Test
  void theKeyAndHeaderValuesAreSecretsScrubbedFromTextAndHiddenByToString() {
    ConnectionSettings settings = read(new TestBackendSettings().with("api_key", "k3y-s3cr3t")
        .header("X-Api-Token", "header-secret").header("X-Env", "prd"));

    assertThat(settings.secrets()).containsExactly("k3y-s3cr3t", "header-secret");
    assertThat(settings.scrub("Bearer k3y-s3cr3t and header-secret in prd")).isEqualTo("Bearer *** and *** in prd");
    assertThat(settings.scrub(null)).isNull();
    assertThat(settings.toString()).doesNotContain("k3y-s3cr3t").doesNotContain("header-secret")
        .contains("apiKey=***").contains("X-Api-Token");
  }

  @Test
  void aSecretContainingAnotherIsScrubbedWhole() {
    assertThat(ConnectionSettings.scrub("key 1234567:glc_abc", List.of("glc_abc", "1234567:glc_abc")))
        .isEqualTo("key ***");
    assertThat(ConnectionSettings.scrub("nothing here", List.of())).isEqualTo("nothing here");
  }
}
