package dev.otelmcp.domain.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.otelmcp.domain.error.ErrorCode;
import dev.otelmcp.domain.error.InvalidQueryException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The port's trace id: canonical by construction; a caller's non-id is an invalid query (spellings: IdsTest). */
class TraceIdTest {

  private static final String TRACE = "42ff472d7feb6215bec0cf4e350675b2";

  @Test
  void holdsTheCanonicalHexAndPrintsIt() {
    TraceId id = new TraceId(TRACE);

    assertThat(id.hex()).isEqualTo(TRACE);
    assertThat(id).hasToString(TRACE).isEqualTo(new TraceId(TRACE));
  }

  @ParameterizedTest(name = "constructor refuses \"{0}\"")
  @NullSource
  @ValueSource(strings = {"42FF472D7FEB6215BEC0CF4E350675B2", "abc", " 42ff472d7feb6215bec0cf4e350675b2",
      "Qv9HLX/rYhW+wM9ONQZ1sg==", "34fcf1bb3fafa39e", "42ff472d7feb6215bec0cf4e350675b2ff", ""})
  void theConstructorTakesOnlyCanonicalHex(String notCanonical) {
    assertThatThrownBy(() -> new TraceId(notCanonical)).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("not a canonical trace id: '" + notCanonical + "'");
  }

  @Test
  void aCallersTraceIdIsCanonicalOrAnInvalidQueryThatQuotesItShort() {
    assertThat(TraceId.parse(" Qv9HLX/rYhW+wM9ONQZ1sg== ").hex()).isEqualTo(TRACE);
    assertThat(TraceId.parse("ABC").hex()).isEqualTo("00000000000000000000000000000abc");

    assertThatThrownBy(() -> TraceId.parse("not-a-trace-id"))
        .isInstanceOfSatisfying(InvalidQueryException.class, e -> {
          assertThat(e.code()).isEqualTo(ErrorCode.INVALID_ARGUMENT);
          assertThat(e.hint()).contains("32 hex characters", "base64");
        })
        .hasMessage("trace_id 'not-a-trace-id' is not a trace id");
    assertThatThrownBy(() -> TraceId.parse("g".repeat(500))).isInstanceOf(InvalidQueryException.class)
        .hasMessageContaining("(+380 chars)");
    assertThatThrownBy(() -> TraceId.parse(null)).hasMessage("trace_id 'null' is not a trace id");
    assertThat(TraceId.normalize(null)).isEmpty();
  }
}
