package dev.otelmcp.adapters.mcp.paging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.otelmcp.application.page.After;
import dev.otelmcp.domain.error.InvalidQueryException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CursorCodecTest {

  private final CursorCodec codec = new CursorCodec();

  private static final Cursor KEYED = new Cursor("search_spans",
      Map.of("service_name", "checkout", "limit", 50, "filters", List.of(Map.of("field", "x", "operator", "exists"))),
      "2026-12-01T00:00:00Z", "2026-12-02T00:00:00Z",
      new Position.Key(new After(Instant.parse("2026-12-01T10:00:00.123456789Z"), "a".repeat(32), "b".repeat(16))));

  @Test
  void roundTripsEveryPart() {
    assertThat(codec.decode(codec.encode(KEYED))).isEqualTo(KEYED);
    Cursor offset = new Cursor("get_trace", Map.of("trace_id", "c".repeat(32)), null, null, new Position.Offset(40, 1500));
    assertThat(codec.decode(codec.encode(offset))).isEqualTo(offset);
  }

  @Test
  void tokensAreUrlSafeAndCompact() {
    String token = codec.encode(KEYED);
    assertThat(token).matches("[A-Za-z0-9_\\-]+\\.[A-Za-z0-9_\\-]+");
    assertThat(token.length()).isLessThan(600);
  }

  @Test
  void aTamperedTokenIsRefused() {
    String token = codec.encode(KEYED);
    String payload = new String(Base64.getUrlDecoder().decode(token.substring(0, token.indexOf('.'))), StandardCharsets.UTF_8);
    String forged = Base64.getUrlEncoder().withoutPadding().encodeToString(
        payload.replace("checkout", "payments").getBytes(StandardCharsets.UTF_8)) + token.substring(token.indexOf('.'));

    assertThatThrownBy(() -> codec.decode(forged)).isInstanceOf(InvalidQueryException.class)
        .hasMessageContaining("changed or cut short");
    assertThatThrownBy(() -> codec.decode(token.substring(0, token.length() - 3))).isInstanceOf(InvalidQueryException.class);
    assertThatThrownBy(() -> codec.decode("not-a-cursor")).isInstanceOf(InvalidQueryException.class);
    assertThatThrownBy(() -> codec.decode("%%%.###")).isInstanceOf(InvalidQueryException.class);
    assertThatThrownBy(() -> codec.decode("x".repeat(100_000))).isInstanceOf(InvalidQueryException.class)
        .hasMessageContaining("longer");
  }

  @Test
  void aTokenOfAnotherVersionIsStale() throws Exception {
    byte[] payload = new ObjectMapper().writeValueAsBytes(Map.of("v", 0, "t", "search_traces", "a", Map.of(),
        "p", Map.of("o", 0, "n", 1)));
    String token = Base64.getUrlEncoder().withoutPadding().encodeToString(payload) + "."
        + checksumOf(payload);

    assertThatThrownBy(() -> codec.decode(token)).isInstanceOf(InvalidQueryException.class).hasMessageContaining("stale");
  }

  @Test
  void aCursorContinuesOnlyItsOwnToolAndQuery() {
    String token = codec.encode(KEYED);

    Continuation alone = Continuation.of("search_spans", Map.of("cursor", token), codec);
    assertThat(alone.effective()).containsEntry("service_name", "checkout")
        .containsEntry("start_time", "2026-12-01T00:00:00Z").containsEntry("end_time", "2026-12-02T00:00:00Z");
    assertThat(alone.position()).isEqualTo(KEYED.position());
    assertThat(Continuation.of("search_spans", Map.of("cursor", token, "service_name", "checkout"), codec).position())
        .isEqualTo(KEYED.position());

    assertThatThrownBy(() -> Continuation.of("search_traces", Map.of("cursor", token), codec))
        .isInstanceOf(InvalidQueryException.class).hasMessageContaining("issued by search_spans");
    assertThatThrownBy(() -> Continuation.of("search_spans", Map.of("cursor", token, "service_name", "payments"), codec))
        .isInstanceOf(InvalidQueryException.class).hasMessageContaining("service_name differs");
    assertThatThrownBy(() -> Continuation.of("search_spans", Map.of("cursor", 12), codec))
        .isInstanceOf(InvalidQueryException.class);
  }

  @Test
  void aFirstCallPinsTheWindowItsAnswerCovered() {
    Continuation first = Continuation.of("search_traces", Map.of("start_time", "-1h"), codec);
    Cursor next = first.next("search_traces",
        Map.of("scope", Map.of("start_time", "2026-12-01T09:00:00Z", "end_time", "2026-12-01T10:00:00Z")),
        new Position.Offset(5, 10));

    assertThat(next.arguments()).containsEntry("start_time", "-1h");
    assertThat(next.windowStart()).isEqualTo("2026-12-01T09:00:00Z");
    assertThat(next.windowEnd()).isEqualTo("2026-12-01T10:00:00Z");
  }

  private static String checksumOf(byte[] payload) throws Exception {
    java.security.MessageDigest sha = java.security.MessageDigest.getInstance("SHA-256");
    sha.update("otel-mcp cursor\0".getBytes(StandardCharsets.UTF_8));
    return Base64.getUrlEncoder().withoutPadding().encodeToString(java.util.Arrays.copyOf(sha.digest(payload), 9));
  }
}
