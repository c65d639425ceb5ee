package dev.otelmcp.adapters.jaeger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.otelmcp.domain.error.InvalidQueryException;
import dev.otelmcp.tck.TestBackendSettings;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class JaegerConfigTest {

  @Test
  void defaults() {
    JaegerConfig config = JaegerConfig.from(new TestBackendSettings());

    assertThat(config.url()).isEqualTo("http://localhost:16686");
    assertThat(config.apiKey()).isNull();
    assertThat(config.headers()).isEmpty();
    assertThat(config.timeout()).isEqualTo(Duration.ofSeconds(30));
    assertThat(config.apiVersion()).isEqualTo(JaegerConfig.ApiVersion.AUTO);
    assertThat(config.fanoutConcurrency()).isEqualTo(8);
  }

  @Test
  void urlKeepsItsBasePathWithoutTrailingSlashes() {
    assertThat(JaegerConfig.from(TestBackendSettings.url("https://tracing.example.com/jaeger//")).url())
        .isEqualTo("https://tracing.example.com/jaeger");
    assertThat(JaegerConfig.from(TestBackendSettings.url("http://jaeger:16686/")).url()).isEqualTo("http://jaeger:16686");
  }

  @Test
  void everySettingIsRead() {
    JaegerConfig config = JaegerConfig.from(TestBackendSettings.url("http://jaeger:16686")
        .with("api_key", " token ").with("timeout", "5s").with("api_version", "V3")
        .with("fanout_concurrency", "3").header("X-Scope-OrgID", "tenant-a"));

    assertThat(config.apiKey()).isEqualTo("token");
    assertThat(config.timeout()).isEqualTo(Duration.ofSeconds(5));
    assertThat(config.apiVersion()).isEqualTo(JaegerConfig.ApiVersion.V3);
    assertThat(config.fanoutConcurrency()).isEqualTo(3);
    assertThat(config.headers()).containsEntry("X-Scope-OrgID", "tenant-a");
    assertThat(config.toString()).doesNotContain("token").contains("apiKey=***");
  }

  @Test
  void badSettingsAreInvalidNamingTheSetting() {
    assertInvalid(TestBackendSettings.url("ftp://jaeger"), "setting 'url'");
    assertInvalid(TestBackendSettings.url("http://"), "setting 'url'");
    assertInvalid(TestBackendSettings.url("http://jaeger:16686/?x=1"), "setting 'url'");
    assertInvalid(TestBackendSettings.url("not a url"), "setting 'url'");
    assertInvalid(new TestBackendSettings().with("api_version", "v2"), "setting 'api_version'");
    assertInvalid(new TestBackendSettings().with("timeout", "soon"), "setting 'timeout'");
    assertInvalid(new TestBackendSettings().with("timeout", "0"), "setting 'timeout'");
    assertInvalid(new TestBackendSettings().with("fanout_concurrency", "0"), "setting 'fanout_concurrency'");
    assertInvalid(new TestBackendSettings().with("fanout_concurrency", "many"), "setting 'fanout_concurrency'");
    assertInvalid(new TestBackendSettings().header("Host", "evil"), "setting 'headers'");
    assertInvalid(new TestBackendSettings().header("Bad Name", "x"), "setting 'headers'");
  }

  @Test
  void credentialsInTheUrlAreRefusedWithoutEchoingThem() {
    assertThatThrownBy(() -> JaegerConfig.from(TestBackendSettings.url("http://admin:hunter22@jaeger:16686")))
        .isInstanceOf(InvalidQueryException.class)
        .hasMessageContaining("setting 'url'")
        .hasMessageNotContaining("hunter22");
  }

  private static void assertInvalid(TestBackendSettings settings, String naming) {
    assertThatThrownBy(() -> JaegerConfig.from(settings))
        .isInstanceOf(InvalidQueryException.class)
        .hasMessageContaining(naming);
  }
}
