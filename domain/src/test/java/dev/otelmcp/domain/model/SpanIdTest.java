package dev.otelmcp.domain.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.otelmcp.domain.error.ErrorCode;
import dev.otelmcp.domain.error.InvalidQueryException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

/** A span id: canonical by construction; a caller's non-id is an invalid query (spellings: IdsTest). */
class SpanIdTest {

  private static final String SPAN = "34fcf1bb3fafa39e";

  @Test
  void holdsTheCanonicalHexAndPrintsIt() {
    SpanId id = new SpanId(SPAN);

    assertThat(id.hex()).isEqualTo(SPAN);
    assertThat(id).hasToString(SPAN).isEqualTo(new SpanId(SPAN));
  }

  @ParameterizedTest(name = "constructor refuses \"{0}\"")
  @NullSource
  @ValueSource(strings = {"34FCF1BB3FAFA39E", "a", "NPzxuz+vo54=", "42ff472d7feb6215bec0cf4e350675b2", ""})
  void theConstructorTakesOnlyCanonicalHex(String notCanonical) {
    assertThatThrownBy(() -> new SpanId(notCanonical)).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("not a canonical span id: '" + notCanonical + "'");
  }

  @ParameterizedTest(name = "\"{0}\" refused")
  @ValueSource(strings = {"hello", "34fcf1bb3fafa39e0", "42ff472d7feb6215bec0cf4e350675b2", "AAAAAA==", "g"})
  void aCallersSpanIdIsCanonicalOrAnInvalidQueryThatQuotesIt(String raw) {
    assertThatThrownBy(() -> SpanId.parse(raw))
        .isInstanceOfSatisfying(InvalidQueryException.class, e -> {
          assertThat(e.code()).isEqualTo(ErrorCode.INVALID_ARGUMENT);
          assertThat(e.hint()).contains("16 hex characters");
        })
        .hasMessage("span id '" + raw + "' is not a span id");
  }
}
