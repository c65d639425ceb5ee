package dev.otelmcp.adapters.tempo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.otelmcp.domain.error.InvalidQueryException;
import dev.otelmcp.tck.TestBackendSettings;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Settings: defaults, the three ways to authenticate, tenancy, and messages that name the setting. */
class TempoConfigTest {

  @Test
  void defaultsFollowTempoOwnDefaults() {
    TempoConfig config = TempoConfig.from(new TestBackendSettings());

    assertThat(config.url()).isEqualTo("http://localhost:3200");
    assertThat(config.auth()).isEqualTo(new TempoAuth.None());
    assertThat(config.tenant()).isNull();
    assertThat(config.timeout()).isEqualTo(Duration.ofSeconds(30));
    assertThat(config.apiVersion()).isEqualTo(TempoConfig.ApiVersion.AUTO);
    assertThat(config.maxSearchLimit()).isEqualTo(262_144);
    assertThat(config.maxSearchDuration()).isEqualTo(Duration.ofHours(168));
    assertThat(config.hydrationConcurrency()).isEqualTo(8);
  }

  @Test
  void anApiKeyAloneIsABearerToken() {
    TempoConfig config = TempoConfig.from(new TestBackendSettings().with("api_key", "s3cr3t-token"));

    assertThat(config.auth().header()).contains("Bearer s3cr3t-token");
  }

  @Test
  void aUsernameWithTheKeyIsBasicAuthAsGrafanaCloudWants() {
    TempoConfig config = TempoConfig.from(new TestBackendSettings().with("username", "1234567").with("api_key", "glc_abc"));

    // base64("1234567:glc_abc")
    assertThat(config.auth().header()).contains("Basic MTIzNDU2NzpnbGNfYWJj");
    assertThat(config.auth().describe()).isEqualTo("basic auth as user 1234567");
  }

  @Test
  void aKeyInUserColonTokenFormIsBasicAuthToo() {
    TempoConfig config = TempoConfig.from(new TestBackendSettings().with("api_key", "1234567:glc_abc"));

    assertThat(config.auth()).isEqualTo(new TempoAuth.Basic("1234567", "glc_abc"));
  }

  @Test
  void aUsernameWithoutAKeyIsAConfigurationError() {
    assertThatThrownBy(() -> TempoConfig.from(new TestBackendSettings().with("username", "1234567")))
        .isInstanceOf(InvalidQueryException.class).hasMessageContaining("'username' needs 'api_key'");
  }

  @Test
  void secretsNeverShowInToStringAndAreScrubbedFromText() {
    TempoConfig config = TempoConfig.from(new TestBackendSettings().with("username", "1234567").with("api_key", "glc_abc")
        .with("tenant", "team-a").header("X-Api-Token", "header-secret"));

    assertThat(config.toString()).doesNotContain("glc_abc").doesNotContain("header-secret").contains("team-a");
    assertThat(config.scrub("key glc_abc and MTIzNDU2NzpnbGNfYWJj and header-secret"))
        .isEqualTo("key *** and *** and ***");
  }

  @Test
  void invalidSettingsAreNamed() {
    assertThatThrownBy(() -> TempoConfig.from(TestBackendSettings.url("ftp://tempo:3200")))
        .isInstanceOf(InvalidQueryException.class).hasMessageContaining("'url'");
    assertThatThrownBy(() -> TempoConfig.from(TestBackendSettings.url("https://user:pw@tempo.example.com")))
        .isInstanceOf(InvalidQueryException.class).hasMessageContaining("user:password").hasMessageNotContaining("pw@");
    assertThatThrownBy(() -> TempoConfig.from(new TestBackendSettings().with("api_version", "v3")))
        .isInstanceOf(InvalidQueryException.class).hasMessageContaining("'api_version'");
    assertThatThrownBy(() -> TempoConfig.from(new TestBackendSettings().with("max_search_limit", "0")))
        .isInstanceOf(InvalidQueryException.class).hasMessageContaining("'max_search_limit'");
    assertThatThrownBy(() -> TempoConfig.from(new TestBackendSettings().with("api_key", "line\nbreak")))
        .isInstanceOf(InvalidQueryException.class).hasMessageContaining("'api_key'").hasMessageNotContaining("break");
    assertThatThrownBy(() -> TempoConfig.from(new TestBackendSettings().header("Host", "x")))
        .isInstanceOf(InvalidQueryException.class).hasMessageContaining("'headers'");
  }

  @Test
  void aBasePathIsKeptWithoutItsTrailingSlash() {
    assertThat(TempoConfig.from(TestBackendSettings.url("https://tempo-prod-04-prod-us-east-0.grafana.net/tempo/")).url())
        .isEqualTo("https://tempo-prod-04-prod-us-east-0.grafana.net/tempo");
  }
}
