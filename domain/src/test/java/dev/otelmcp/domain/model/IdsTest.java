package dev.otelmcp.domain.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.otelmcp.domain.error.InvalidQueryException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Canonical ids: lower-case hex of fixed length, from hex in any case and padding, or from base64; the port's
 * {@link TraceId} and {@link SpanId} read every spelling alike.
 */
class IdsTest {

  private static final String TRACE = "42ff472d7feb6215bec0cf4e350675b2";

  @ParameterizedTest(name = "trace \"{0}\"")
  @CsvSource(textBlock = """
      42ff472d7feb6215bec0cf4e350675b2,  42ff472d7feb6215bec0cf4e350675b2
      42FF472D7FEB6215BEC0CF4E350675B2,  42ff472d7feb6215bec0cf4e350675b2
      '  42ff472d7feb6215bec0cf4e350675b2 ', 42ff472d7feb6215bec0cf4e350675b2
      1,                                 00000000000000000000000000000001
      3c3e8b5d9a4b1f2e,                  00000000000000003c3e8b5d9a4b1f2e
      ABC,                               00000000000000000000000000000abc
      Qv9HLX/rYhW+wM9ONQZ1sg==,          42ff472d7feb6215bec0cf4e350675b2
      Qv9HLX/rYhW+wM9ONQZ1sg,            42ff472d7feb6215bec0cf4e350675b2
      Qv9HLX_rYhW-wM9ONQZ1sg==,          42ff472d7feb6215bec0cf4e350675b2
      Qv9HLX_rYhW-wM9ONQZ1sg,            42ff472d7feb6215bec0cf4e350675b2
      AAAAAAAAAAAAAAAAAAAAAQ==,          00000000000000000000000000000001
      """)
  void traceIdSpellings(String raw, String canonical) {
    assertThat(Ids.normalizeTraceId(raw)).contains(canonical);
    assertThat(Ids.traceId(raw)).isEqualTo(canonical);
    assertThat(Ids.isCanonicalTraceId(canonical)).isTrue();
    assertThat(TraceId.normalize(raw)).contains(new TraceId(canonical));
    assertThat(TraceId.parse(raw)).isEqualTo(new TraceId(canonical));
  }

  @ParameterizedTest(name = "span \"{0}\"")
  @CsvSource(textBlock = """
      34fcf1bb3fafa39e,  34fcf1bb3fafa39e
      34FCF1BB3FAFA39E,  34fcf1bb3fafa39e
      a,                 000000000000000a
      NPzxuz+vo54=,      34fcf1bb3fafa39e
      NPzxuz+vo54,       34fcf1bb3fafa39e
      NPzxuz-vo54=,      34fcf1bb3fafa39e
      NPzxuz-vo54,       34fcf1bb3fafa39e
      """)
  void spanIdSpellings(String raw, String canonical) {
    assertThat(Ids.normalizeSpanId(raw)).contains(canonical);
    assertThat(Ids.spanId(raw)).isEqualTo(canonical);
    assertThat(Ids.isCanonicalSpanId(canonical)).isTrue();
    assertThat(SpanId.normalize(raw)).contains(new SpanId(canonical));
    assertThat(SpanId.parse(raw)).isEqualTo(new SpanId(canonical));
  }

  @ParameterizedTest(name = "trace \"{0}\" rejected")
  @NullSource
  @ValueSource(strings = {
      "", "   ",
      "xyz",                                   // base64 of 2 bytes, not an id
      "not-a-trace-id",                        // url-safe base64 of 10 bytes
      "hello world",
      "42ff472d-7feb-6215-bec0-cf4e350675b2",  // UUID spelling
      "42ff472d7feb6215bec0cf4e350675b2ff",    // 34 hex digits: too long
      "042ff472d7feb6215bec0cf4e350675b2",     // 33 hex digits
      "42ff472d7feb6215bec0cf4e350675b242ff472d7feb6215",
      "NPzxuz+vo54=",                          // a span id's 8 bytes
      "Qv9HLX/rYhW+wM9ONQZ1sgAA",              // 18 bytes
      "Qv9HLX/rYhW+wM9O NQZ1sg==",
      "Qv9HLX/rYhW-wM9ONQZ1sg==",              // mixes the two base64 alphabets
      "0xabc"})
  void traceIdGarbageIsRejected(String raw) {
    assertThat(Ids.normalizeTraceId(raw)).isEmpty();
    assertThat(TraceId.normalize(raw)).isEmpty();
    assertThatThrownBy(() -> TraceId.parse(raw)).isInstanceOf(InvalidQueryException.class);
    assertThatThrownBy(() -> Ids.traceId(raw))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("not a trace id: '" + raw + "'");
  }

  @ParameterizedTest(name = "span \"{0}\" rejected")
  @ValueSource(strings = {"", "hello", "xyz", "34fcf1bb3fafa39e00", "34fcf1bb3fafa39e0", TRACE,
      "Qv9HLX/rYhW+wM9ONQZ1sg==", "AAAAAA==", "g"})
  void spanIdGarbageIsRejected(String raw) {
    assertThat(Ids.normalizeSpanId(raw)).isEmpty();
    assertThat(SpanId.normalize(raw)).isEmpty();
    assertThatThrownBy(() -> SpanId.parse(raw)).isInstanceOf(InvalidQueryException.class);
    assertThatThrownBy(() -> Ids.spanId(raw)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("not a span id");
  }

  @Test
  void fromBytesPadsToTheRequestedLength() {
    assertThat(Ids.fromBytes(new byte[] {0x01, (byte) 0xab}, Ids.SPAN_ID_HEX_LENGTH)).isEqualTo("00000000000001ab");
    assertThat(Ids.fromBytes(new byte[16], Ids.TRACE_ID_HEX_LENGTH)).isEqualTo("0".repeat(32));
    assertThat(Ids.fromBytes(new byte[] {(byte) 0xff}, 2)).isEqualTo("ff");
  }

  @Test
  void canonicalChecks() {
    assertThat(Ids.isCanonicalTraceId(TRACE)).isTrue();
    assertThat(Ids.isCanonicalTraceId(TRACE.toUpperCase())).isFalse();
    assertThat(Ids.isCanonicalTraceId("1")).isFalse();
    assertThat(Ids.isCanonicalTraceId(null)).isFalse();
    assertThat(Ids.isCanonicalSpanId("34fcf1bb3fafa39e")).isTrue();
    assertThat(Ids.isCanonicalSpanId(TRACE)).isFalse();
    assertThat(Ids.isCanonicalSpanId("34fcf1bb3fafa39g")).isFalse();
  }
}
