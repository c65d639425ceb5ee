package dev.otelmcp.bootstrap.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.otelmcp.domain.port.BackendSettings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigurationTest {

  @TempDir
  Path dir;

  private Configuration parse(Map<String, String> env, String... args) {
    return Configuration.parse(args, env, dir);
  }

  @Test
  void commandLineBeatsEnvironmentBeatsDotEnvBeatsDefaults() throws IOException {
    Files.writeString(dir.resolve(".env"), """
        # written by hand
        export BACKEND_URL="http://from-dotenv:16686"
        BACKEND_TIMEOUT=12
        LOG_LEVEL=debug
        MAX_TRACES_PER_QUERY=50
        """);

    Configuration onlyDotEnv = parse(Map.of());
    Configuration envToo = parse(Map.of("BACKEND_URL", "http://from-env:16686", "LOG_LEVEL", "warn"));
    Configuration cliToo = parse(Map.of("BACKEND_URL", "http://from-env:16686"), "--url", "http://from-cli:16686");

    assertThat(onlyDotEnv.get(ConfigOption.URL)).contains("http://from-dotenv:16686");
    assertThat(onlyDotEnv.get(ConfigOption.LOG_LEVEL)).contains("debug");
    assertThat(envToo.get(ConfigOption.URL)).contains("http://from-env:16686");
    assertThat(envToo.get(ConfigOption.LOG_LEVEL)).contains("warn");
    assertThat(cliToo.get(ConfigOption.URL)).contains("http://from-cli:16686");
    assertThat(cliToo.timeout()).isEqualTo(Duration.ofSeconds(12));
    assertThat(cliToo.applicationSettings().maxTracesPerQuery()).isEqualTo(50);
    assertThat(parse(Map.of(), "--env-file", "missing.env").get(ConfigOption.BACKEND)).contains("jaeger");
  }

  @Test
  void backendSettingsCarryUrlKeyHeadersTimeoutAndBackendSpecificKeys() {
    Configuration config = parse(
        Map.of("BACKEND_API_KEY", "s3cret", "BACKEND_API_VERSION", "v3", "BACKEND_HEADERS", "X-A=1, X-B=2",
            "BACKEND_TYPE", "jaeger"),
        "--url=http://jaeger:16686", "--header", "X-Scope-OrgID=team-a", "--header", "X-C=3",
        "--backend-option", "environments=prd,stg", "--timeout", "1500ms");

    BackendSettings settings = config.backendSettings();

    assertThat(settings.getString(BackendSettings.URL)).contains("http://jaeger:16686");
    assertThat(settings.getString(BackendSettings.API_KEY)).contains("s3cret");
    assertThat(settings.getString("api_version")).contains("v3");
    assertThat(settings.getString("type")).isEmpty();
    assertThat(settings.getList("environments")).containsExactly("prd", "stg");
    assertThat(settings.getMap(BackendSettings.HEADERS)).containsExactly(
        Map.entry("X-Scope-OrgID", "team-a"), Map.entry("X-C", "3"));
    assertThat(settings.getDuration(BackendSettings.TIMEOUT, Duration.ZERO)).isEqualTo(Duration.ofMillis(1500));
    assertThat(settings.toString()).doesNotContain("s3cret");
  }

  @Test
  void headersFromTheEnvironmentAreCommaSeparatedPairs() {
    assertThat(parse(Map.of("BACKEND_HEADERS", "X-A=1, X-B=2")).backendSettings().getMap(BackendSettings.HEADERS))
        .containsExactly(Map.entry("X-A", "1"), Map.entry("X-B", "2"));
  }

  @Test
  void mistakesAreReportedClearly() {
    assertThatThrownBy(() -> parse(Map.of(), "--bakend", "jaeger")).hasMessage("unknown option --bakend (see --help)");
    assertThatThrownBy(() -> parse(Map.of(), "--url")).hasMessage("option --url needs a value (see --help)");
    assertThatThrownBy(() -> parse(Map.of("MAX_TRACES_PER_QUERY", "lots")).applicationSettings())
        .hasMessage("--max-traces-per-query / MAX_TRACES_PER_QUERY must be a positive integer, got 'lots'");
    assertThatThrownBy(() -> parse(Map.of(), "--timeout", "soon").timeout())
        .hasMessageContaining("--timeout must be a duration");
    assertThatThrownBy(() -> parse(Map.of(), "--header", "novalue").backendSettings())
        .hasMessage("--header needs Name=Value, got 'novalue'");
  }

  @Test
  void helpAndVersionFlags() {
    assertThat(parse(Map.of(), "-h").helpRequested()).isTrue();
    assertThat(parse(Map.of(), "--version").versionRequested()).isTrue();
    assertThat(parse(Map.of(), "--backend", "JAEGER").backendName()).isEqualTo("jaeger");
  }
}
