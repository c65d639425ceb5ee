package dev.otelmcp.backend.toolkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.otelmcp.domain.call.StopReason;
import dev.otelmcp.domain.error.BackendUnavailableException;
import dev.otelmcp.backend.toolkit.HttpFailures;
import dev.otelmcp.domain.error.InvalidQueryException;
import dev.otelmcp.domain.error.OtelMcpException;
import dev.otelmcp.domain.port.Shortfall;
import java.io.EOFException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketException;
import java.net.http.HttpTimeoutException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/** What an answer lacks, tallied over its parts, and each failed part in a few words. */
class ShortfallTallyTest {

  private static final HttpFailures TEMPO = new HttpFailures("Tempo", "http://tempo:3200", "30s", UnaryOperator.identity());
  private static final HttpFailures.StatusHints HINTS = new HttpFailures.StatusHints("a", "b", "c", "d");
  private static final String SEARCH = "GET /api/search";

  private static OtelMcpException status(int status) {
    return TEMPO.forStatus(status, SEARCH, "storage is down", Map.of(), HINTS);
  }

  private static String brief(IOException transport) {
    return FailureBrief.of(TEMPO.unreachable(SEARCH, transport, "hint"));
  }

  @Test
  void eachKindOfFailureInAFewWords() {
    assertThat(FailureBrief.of(status(503))).isEqualTo("HTTP 503");
    assertThat(FailureBrief.of(status(429))).isEqualTo("HTTP 429");
    assertThat(FailureBrief.of(status(400))).isEqualTo("HTTP 400");
    assertThat(brief(new ConnectException())).isEqualTo("connection refused");
    assertThat(brief(new SocketException("Connection reset"))).isEqualTo("the connection was reset");
    assertThat(brief(new EOFException())).isEqualTo("the connection was closed before the answer was complete");
    assertThat(brief(new HttpTimeoutException("request timed out"))).isEqualTo("no answer within 30s");
    assertThat(FailureBrief.of(TEMPO.unreadable(SEARCH, true, "Unexpected end-of-input", "h", null)))
        .isEqualTo("a malformed or truncated JSON answer");
    assertThat(FailureBrief.of(TEMPO.unreadable(SEARCH, false, "Unexpected character", "h", null)))
        .isEqualTo("an answer that is not JSON");
    assertThat(FailureBrief.of(new InvalidQueryException("x".repeat(200), "h"))).hasSize(FailureBrief.MAX_CHARS + 1);
  }

  @Test
  void nothingLackingIsNoShortfall() {
    ShortfallTally tally = new ShortfallTally();
    tally.read();

    assertThat(tally.shortfall()).isNull();
    tally.throwIfNothingRead();
  }

  @Test
  void failedPartsAreListedWithTheirReason() {
    ShortfallTally tally = new ShortfallTally();
    tally.read();
    tally.failed("service checkout", status(503));

    assertThat(tally.shortfall()).isEqualTo(Shortfall.failed(List.of("service checkout: HTTP 503")));
  }

  @Test
  void onlyFailuresAreTheFirstFailure() {
    ShortfallTally tally = new ShortfallTally();
    OtelMcpException first = status(502);
    tally.failed("piece 1", first);
    tally.failed("piece 2", status(503));

    assertThatThrownBy(tally::throwIfNothingRead).isSameAs(first);
  }

  @Test
  void aStopSaysFromWhenTheWindowWasSearched() {
    ShortfallTally tally = new ShortfallTally();
    Instant from = Instant.parse("2026-11-01T00:00:00Z");
    tally.stopped(StopReason.DEADLINE, from);
    tally.stopped(StopReason.CANCELLED);

    assertThat(tally.shortfall()).isEqualTo(Shortfall.stopped(StopReason.DEADLINE, from));
    tally.throwIfNothingRead();
  }

  @Test
  void manyFailuresAreCountedNotRepeated() {
    ShortfallTally tally = new ShortfallTally();
    tally.read();
    for (int i = 0; i < 25; i++) {
      tally.failed("trace " + i, new BackendUnavailableException("Tempo failed with HTTP 500", "h"));
    }

    assertThat(tally.shortfall().failedParts()).hasSize(11).startsWith("trace 0: HTTP 500")
        .endsWith("… and 15 more");
  }

  @Test
  void aSubAnswersShortfallIsIncluded() {
    ShortfallTally tally = new ShortfallTally();
    tally.include(new Shortfall(StopReason.CANCELLED, Instant.parse("2026-11-02T00:00:00Z"), List.of("search a: HTTP 503")));
    tally.missing("traces not fetched: 2 of 5");
    tally.include(null);

    assertThat(tally.shortfall()).isEqualTo(new Shortfall(StopReason.CANCELLED, Instant.parse("2026-11-02T00:00:00Z"),
        List.of("search a: HTTP 503", "traces not fetched: 2 of 5")));
  }

  @Test
  void theResultsOfAPoolRunAreTallied() {
    ShortfallTally tally = new ShortfallTally();
    PartResults<String, Integer> results = new PartResults<>(List.of(PartResult.done("a", 1),
        PartResult.failed("b", status(504)), PartResult.skipped("c")), StopReason.DEADLINE);

    assertThat(tally.collect(results, part -> "service " + part)).containsExactly(1);
    assertThat(tally.shortfall()).isEqualTo(new Shortfall(StopReason.DEADLINE, null, List.of("service b: HTTP 504")));
  }
}
