package dev.otelmcp.backend.toolkit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.otelmcp.domain.error.OtelMcpException;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A config record composing ConnectionSettings reads them as its own and hides every secret it has. */
class HttpBackendConfigTest {

  private static final ConnectionSettings CONNECTION = new ConnectionSettings("http://tempo:3200", "user:glc_abc",
      Map.of("X-Api-Token", "header-secret"), Duration.ofMillis(1500));

  /** A backend with one secret more than its connection: a token derived from the key. */
  record DerivingConfig(ConnectionSettings connection, String derived) implements HttpBackendConfig {
    @Override
    public List<String> secrets() {
      List<String> secrets = new ArrayList<>(connection.secrets());
      secrets.add(derived);
      return secrets;
    }
  }

  @Test
  void theConnectionsValuesReadAsTheConfigsOwn() {
    DerivingConfig config = new DerivingConfig(CONNECTION, "dXNlcjpnbGNfYWJj");

    assertThat(config.url()).isEqualTo("http://tempo:3200");
    assertThat(config.displayUrl()).isEqualTo("http://tempo:3200");
    assertThat(config.apiKey()).isEqualTo("user:glc_abc");
    assertThat(config.headers()).containsEntry("X-Api-Token", "header-secret");
    assertThat(config.timeout()).isEqualTo(Duration.ofMillis(1500));
  }

  @Test
  void scrubbingAndFailuresHideTheBackendsOwnSecretsToo() {
    DerivingConfig config = new DerivingConfig(CONNECTION, "dXNlcjpnbGNfYWJj");

    assertThat(config.scrub("Basic dXNlcjpnbGNfYWJj, key user:glc_abc, header-secret"))
        .isEqualTo("Basic ***, key ***, ***");
    OtelMcpException failure = config.failures("Tempo").forStatus(403, "GET /api/search",
        "token dXNlcjpnbGNfYWJj refused", Map.of(), new HttpFailures.StatusHints("a", "b", "c", "d"));
    assertThat(failure).hasMessage("Tempo at http://tempo:3200 refused access (HTTP 403 for GET /api/search): token ***"
        + " refused");
    assertThat(config.failures("Tempo").unreachable("GET /api/echo", new HttpTimeoutException("request timed out"),
        "hint")).hasMessage("Tempo at http://tempo:3200 did not answer within 1500ms (GET /api/echo)");
  }
}
