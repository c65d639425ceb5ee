package dev.otelmcp.adapters.jaeger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.otelmcp.domain.error.InvalidQueryException;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class JaegerConfigTest {

  @Test
  void defaults() {
    JaegerConfig config = JaegerConfig.from(new TestSettings());

    assertThat(config.url()).isEqualTo("http://localhost:16686");
    assertThat(config.apiKey()).isNull();
    assertThat(config.headers()).isEmpty();
    assertThat(config.timeout()).isEqualTo(Duration.ofSeconds(30));
    assertThat(config.apiVersion()).isEqualTo(JaegerConfig.ApiVersion.AUTO);
    assertThat(config.fanoutConcurrency()).isEqualTo(8);
  }

  @Test
  void urlKeepsItsBasePathWithoutTrailingSlashes() {
    assertThat(JaegerConfig.from(TestSettings.url("https://tracing.example.com/jaeger//")).url())
        .isEqualTo("https://tracing.example.com/jaeger");
    assertThat(JaegerConfig.from(TestSettings.url("http://jaeger:16686/")).url()).isEqualTo("http://jaeger:16686");
  }

  @Test
  void everySettingIsRead() {
    JaegerConfig config = JaegerConfig.from(TestSettings.url("http://jaeger:16686")
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
    assertInvalid(TestSettings.url("ftp://jaeger"), "setting 'url'");
    assertInvalid(TestSettings.url("http://"), "setting 'url'");
    assertInvalid(TestSettings.url("http://jaeger:16686/?x=1"), "setting 'url'");
    assertInvalid(TestSettings.url("not a url"), "setting 'url'");
    assertInvalid(new TestSettings().with("api_version", "v2"), "setting 'api_version'");
    assertInvalid(new TestSettings().with("timeout", "soon"), "setting 'timeout'");
    assertInvalid(new TestSettings().with("timeout", "0"), "setting 'timeout'");
    assertInvalid(new TestSettings().with("fanout_concurrency", "0"), "setting 'fanout_concurrency'");
    assertInvalid(new TestSettings().with("fanout_concurrency", "many"), "setting 'fanout_concurrency'");
    assertInvalid(new TestSettings().header("Host", "evil"), "setting 'headers'");
    assertInvalid(new TestSettings().header("Bad Name", "x"), "setting 'headers'");
  }

  @Test
  void credentialsInTheUrlAreRefusedWithoutEchoingThem() {
    assertThatThrownBy(() -> JaegerConfig.from(TestSettings.url("http://admin:hunter22@jaeger:16686")))
        .isInstanceOf(InvalidQueryException.class)
        .hasMessageContaining("setting 'url'")
        .hasMessageNotContaining("hunter22");
  }

  private static void assertInvalid(TestSettings settings, String naming) {
    assertThatThrownBy(() -> JaegerConfig.from(settings))
        .isInstanceOf(InvalidQueryException.class)
        .hasMessageContaining(naming);
  }
}
