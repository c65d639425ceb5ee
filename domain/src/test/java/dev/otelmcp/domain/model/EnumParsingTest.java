package dev.otelmcp.domain.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

/** SpanKind and StatusCode as OTLP numbers, OTLP names, and Jaeger/user spellings. */
class EnumParsingTest {

  @ParameterizedTest(name = "\"{0}\" -> {1}")
  @CsvSource(textBlock = """
      0,                   UNSPECIFIED
      1,                   INTERNAL
      2,                   SERVER
      3,                   CLIENT
      4,                   PRODUCER
      5,                   CONSUMER
      03,                  CLIENT
      SPAN_KIND_CLIENT,    CLIENT
      SPAN_KIND_UNSPECIFIED, UNSPECIFIED
      span_kind_server,    SERVER
      client,              CLIENT
      Producer,            PRODUCER
      ' consumer ',        CONSUMER
      internal,            INTERNAL
      """)
  void spanKindSpellings(String raw, SpanKind expected) {
    assertThat(SpanKind.parse(raw)).contains(expected);
  }

  @ParameterizedTest(name = "\"{0}\" is no span kind")
  @NullSource
  @ValueSource(strings = {"", "  ", "6", "-1", "99", "99999999999", "99999999999999999999", "SPAN_KIND_",
      "SPAN_KIND_BOGUS", "rpc", "CLIENT_SERVER", "\u0663"})
  void spanKindGarbage(String raw) {
    assertThat(SpanKind.parse(raw)).isEmpty();
  }

  @Test
  void spanKindWireNames() {
    assertThat(Arrays.stream(SpanKind.values()).map(SpanKind::wireName))
        .containsExactly("unspecified", "internal", "server", "client", "producer", "consumer");
  }

  @ParameterizedTest(name = "\"{0}\" -> {1}")
  @CsvSource(textBlock = """
      0,                  UNSET
      1,                  OK
      2,                  ERROR
      STATUS_CODE_UNSET,  UNSET
      STATUS_CODE_OK,     OK
      STATUS_CODE_ERROR,  ERROR
      status_code_error,  ERROR
      error,              ERROR
      Error,              ERROR
      ok,                 OK
      ' unset ',          UNSET
      """)
  void statusCodeSpellings(String raw, StatusCode expected) {
    assertThat(StatusCode.parse(raw)).contains(expected);
  }

  @ParameterizedTest(name = "\"{0}\" is no status code")
  @NullSource
  @ValueSource(strings = {"", " ", "3", "-1", "failed", "STATUS_CODE_", "STATUS_CODE_FAIL", "err", "true"})
  void statusCodeGarbage(String raw) {
    assertThat(StatusCode.parse(raw)).isEmpty();
  }

  @Test
  void spanStatus() {
    assertThat(SpanStatus.error(null)).isEqualTo(new SpanStatus(StatusCode.ERROR, ""));
    assertThat(SpanStatus.error("boom").isError()).isTrue();
    assertThat(SpanStatus.OK.isError()).isFalse();
    assertThat(SpanStatus.UNSET.code()).isEqualTo(StatusCode.UNSET);
    assertThat(SpanStatus.UNSET.message()).isEmpty();
    assertThatThrownBy(() -> new SpanStatus(null, "x"))
        .isInstanceOf(NullPointerException.class);
  }
}
