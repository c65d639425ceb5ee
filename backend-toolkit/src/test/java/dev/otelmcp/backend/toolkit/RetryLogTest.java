package dev.otelmcp.backend.toolkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.otelmcp.domain.error.BackendUnavailableException;
import feign.Request;
import feign.Request.HttpMethod;
import feign.RetryableException;
import feign.Retryer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * One DEBUG line per retry naming the backend, the method and path, the attempt and the wait; never the query
 * string (user input, TraceQL) nor a header (credentials). The log file is set by the surefire configuration.
 */
class RetryLogTest {

  private static final String SECRET = "Bearer s3cr3t";

  @Test
  void eachRetryIsLoggedWithoutQueryOrSecrets() throws IOException {
    Path log = Path.of(System.getProperty("org.slf4j.simpleLogger.logFile"));
    Request request = Request.create(HttpMethod.GET, "http://tempo:3200/api/search?q=%7Bspan.user%3D%22alice%22%7D",
        Map.of("Authorization", java.util.List.of(SECRET)), null, StandardCharsets.UTF_8, null);
    RetryableException failure = new RetryableException(503, "Tempo failed with HTTP 503 for " + request.url(),
        HttpMethod.GET, new BackendUnavailableException("Tempo failed with HTTP 503", "retry"), (Long) null, request);
    Retryer retryer = new BackendRetryer("LogProbe", new RetryPlanner(RetryPolicy.STANDARD, Jitter.seeded(1)),
        wait -> { }, Clock.systemUTC()).clone();

    while (catchThrowable(() -> retryer.continueOrPropagate(failure)) == null) {
      // until it gives up
    }

    // Other tests of this JVM log too; this one's lines name its own backend.
    String logged = String.join("\n", Files.readAllLines(log).stream().filter(l -> l.contains("LogProbe")).toList());
    assertThat(logged.lines().filter(l -> l.contains("retrying in"))).hasSize(7)
        .allSatisfy(line -> assertThat(line).contains("DEBUG").contains("LogProbe GET /api/search: attempt ")
            .contains("(HTTP 503)"));
    assertThat(logged).contains("LogProbe GET /api/search: giving up after 8 attempt(s)");
    assertThat(logged).doesNotContain("alice").doesNotContain("q=").doesNotContain("s3cr3t");
  }
}
