package dev.otelmcp.domain.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class AccessTokenTest {

  private static final String SECRET = "Tok-0123456789abcdef";
  private final AccessToken token = AccessToken.of(SECRET, "--auth-token");

  @Test
  void onlyTheExactTokenIsAdmitted() {
    assertThat(token.admits("Bearer " + SECRET)).isTrue();
    assertThat(token.admits("bearer " + SECRET + "  ")).as("scheme in any case, padding trimmed").isTrue();
    assertThat(token.admits("Bearer " + SECRET.toLowerCase())).isFalse();
    assertThat(token.admits("Bearer " + SECRET + "0")).isFalse();
    assertThat(token.admits("Bearer " + SECRET.substring(1))).isFalse();
    assertThat(token.admits("Bearer " + SECRET + SECRET)).as("a repetition of the token").isFalse();
    assertThat(token.admits("Bearer ")).isFalse();
    assertThat(token.admits(SECRET)).as("no scheme").isFalse();
    assertThat(token.admits("Basic " + SECRET)).isFalse();
    assertThat(token.admits(null)).isFalse();
  }

  @Test
  void shortTokensAreRefusedWithoutEchoingThem() {
    assertThatThrownBy(() -> AccessToken.of("hunter2", "--otlp-auth-token"))
        .hasMessageContaining("--otlp-auth-token must be at least 16 characters, got 7")
        .hasMessageNotContaining("hunter2");
    assertThat(token.toString()).doesNotContain(SECRET);
  }
}
