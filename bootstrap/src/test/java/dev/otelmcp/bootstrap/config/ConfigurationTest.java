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
    assertThat(parse(Map.of(), "--env-file", "missing.env").get(ConfigOption.BACKEND)).contains("otlp");
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
  void builtInStoreOptionsReachTheBackendSettings() {
    BackendSettings defaults = parse(Map.of()).backendSettings();
    BackendSettings given = parse(Map.of("OTLP_PORT", "4319", "OTEL_MCP_LOAD", "x.json, y/", "BACKEND_RETENTION", "2d"),
        "--otlp-host", "0.0.0.0", "--no-persist", "--max-spans=5000", "--data-dir", "/tmp/otel").backendSettings();
    BackendSettings repeated = parse(Map.of("OTEL_MCP_LOAD", "ignored.json"), "--load", "a.json", "--load", "samples/")
        .backendSettings();

    assertThat(defaults.getString("otlp_host")).contains("127.0.0.1");
    assertThat(defaults.getString("otlp_port")).contains("4318");
    assertThat(defaults.getString("data_dir")).contains("~/.otel-mcp/data");
    assertThat(defaults.getString("retention")).contains("7d");
    assertThat(defaults.getString("max_spans")).contains("1000000");
    assertThat(defaults.getString("persist")).isEmpty();
    assertThat(defaults.getString("load")).isEmpty();
    assertThat(defaults.getString("load_rebase")).isEmpty();
    assertThat(given.getString("otlp_host")).contains("0.0.0.0");
    assertThat(given.getString("otlp_port")).contains("4319");
    assertThat(given.getString("persist")).contains("false");
    assertThat(given.getString("max_spans")).contains("5000");
    assertThat(given.getString("data_dir")).contains("/tmp/otel");
    assertThat(given.getString("retention")).as("BACKEND_RETENTION beats the default").contains("2d");
    assertThat(given.getString("load")).contains("x.json,y/");
    assertThat(repeated.getString("load")).contains("a.json,samples/");
    assertThat(parse(Map.of("OTEL_MCP_NO_PERSIST", "1")).backendSettings().getString("persist")).contains("false");
    assertThat(parse(Map.of("OTEL_MCP_NO_PERSIST", "false")).backendSettings().getString("persist")).isEmpty();
    assertThatThrownBy(() -> parse(Map.of("OTEL_MCP_NO_PERSIST", "maybe")).backendSettings())
        .hasMessageContaining("--no-persist / OTEL_MCP_NO_PERSIST must be true or false");
  }

  @Test
  void theHttpEdgeIsSecureByDefault() {
    assertThat(parse(Map.of()).httpSettings().maxSessions()).isEqualTo(100);
    assertThat(parse(Map.of()).httpSettings().sessionIdleTimeout()).isEqualTo(Duration.ofMinutes(30));
    assertThat(parse(Map.of(), "--max-sessions", "5", "--session-idle", "90s").httpSettings())
        .satisfies(http -> assertThat(http.maxSessions()).isEqualTo(5))
        .satisfies(http -> assertThat(http.sessionIdleTimeout()).isEqualTo(Duration.ofSeconds(90)));
    assertThatThrownBy(() -> parse(Map.of(), "--host", "0.0.0.0").httpSettings())
        .isInstanceOf(ConfigurationException.class).hasMessageContaining("refusing to listen on 0.0.0.0 without --auth-token")
        .hasMessageContaining("--insecure-no-auth");
    assertThatThrownBy(() -> parse(Map.of("MCP_AUTH_TOKEN", "short"), "--host", "0.0.0.0").httpSettings())
        .isInstanceOf(ConfigurationException.class).hasMessageContaining("at least 16 characters, got 5")
        .hasMessageNotContaining("short");
    assertThat(parse(Map.of(), "--host", "0.0.0.0", "--insecure-no-auth").httpSettings().insecureNoAuth()).isTrue();
    assertThat(parse(Map.of("MCP_AUTH_TOKEN", "a-long-enough-random-token"), "--host", "0.0.0.0").httpSettings()
        .authToken()).isNotNull();
    assertThatThrownBy(() -> parse(Map.of(), "--max-sessions", "0").httpSettings()).isInstanceOf(ConfigurationException.class);
  }

  @Test
  void aSwitchTakesNoValueSoTheNextFlagIsStillRead() {
    Configuration config = parse(Map.of(), "--no-persist", "--load-rebase", "--backend", "jaeger");

    assertThat(config.isSet(ConfigOption.NO_PERSIST)).isTrue();
    assertThat(config.backendSettings().getString("load_rebase")).contains("true");
    assertThat(config.backendName()).isEqualTo("jaeger");
  }

  @Test
  void helpAndVersionFlags() {
    assertThat(parse(Map.of(), "-h").helpRequested()).isTrue();
    assertThat(parse(Map.of(), "--version").versionRequested()).isTrue();
    assertThat(parse(Map.of(), "--backend", "JAEGER").backendName()).isEqualTo("jaeger");
  }
}
