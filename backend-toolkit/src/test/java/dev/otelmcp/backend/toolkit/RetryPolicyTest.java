package dev.otelmcp.backend.toolkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.otelmcp.backend.toolkit.TransportFailure;
import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** Which failures the standard policy retries, and how its backoff ceiling grows. */
class RetryPolicyTest {

  private static final RetryPolicy STANDARD = RetryPolicy.STANDARD;

  @ParameterizedTest
  @ValueSource(ints = {429, 500, 502, 503, 504})
  void overloadAndRestartStatusesAreRetried(int status) {
    assertThat(STANDARD.retriesStatus(status)).isTrue();
  }

  @ParameterizedTest
  @ValueSource(ints = {200, 400, 401, 403, 404, 409, 413, 422, 501, 505, 599})
  void otherStatusesAreNot(int status) {
    assertThat(STANDARD.retriesStatus(status)).isFalse();
  }

  @ParameterizedTest
  @EnumSource(value = TransportFailure.class, names = {"REFUSED", "RESET", "CLOSED_EARLY"})
  void connectionsRefusedResetOrCutShortAreRetried(TransportFailure failure) {
    assertThat(STANDARD.retriesTransport(failure)).isTrue();
  }

  @ParameterizedTest
  @EnumSource(value = TransportFailure.class, names = {"TIMEOUT", "CONNECT_TIMEOUT", "UNKNOWN_HOST", "INTERRUPTED",
      "OTHER"})
  void timeoutsUnknownHostsInterruptsAndTheRestAreNot(TransportFailure failure) {
    assertThat(STANDARD.retriesTransport(failure)).isFalse();
  }

  @Test
  void theCeilingDoublesFromTheBaseUpToTheCap() {
    assertThat(STANDARD.backoffCeiling(1)).isEqualTo(Duration.ofMillis(100));
    assertThat(STANDARD.backoffCeiling(2)).isEqualTo(Duration.ofMillis(200));
    assertThat(STANDARD.backoffCeiling(3)).isEqualTo(Duration.ofMillis(400));
    assertThat(STANDARD.backoffCeiling(5)).isEqualTo(Duration.ofMillis(1600));
    assertThat(STANDARD.backoffCeiling(6)).isEqualTo(Duration.ofSeconds(2));
    assertThat(STANDARD.backoffCeiling(60)).as("no overflow").isEqualTo(Duration.ofSeconds(2));
  }

  @Test
  void theStandardNumbers() {
    assertThat(STANDARD.maxAttempts()).isEqualTo(8);
    assertThat(STANDARD.maxRetryAfter()).isEqualTo(Duration.ofSeconds(10));
    assertThat(STANDARD.maxTotalWait()).isEqualTo(Duration.ofSeconds(15));
    assertThatThrownBy(() -> new RetryPolicy(0, Duration.ZERO, Duration.ZERO, Duration.ZERO, Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
