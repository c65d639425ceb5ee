package dev.otelmcp.application.errors;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MessagePatternTest {

  @Test
  void numbersIdsAddressesAndTimesAreReplacedSoOneKindOfFailureIsOneGroup() {
    assertThat(MessagePattern.of("connection refused to 10.0.3.17:5432 after 3012 ms"))
        .isEqualTo(MessagePattern.of("connection refused to 10.0.3.200:5432 after 2980 ms"))
        .isEqualTo("connection refused to <ip>:<n> after <n> ms");
    assertThat(MessagePattern.of("job 3f2a9c1e-77aa-4bcd-9e0f-1234567890ab failed at 2026-12-01T10:00:00.123Z"))
        .isEqualTo("job <uuid> failed at <time>");
    assertThat(MessagePattern.of("trace 4bf92f3577b34da6a3ce929d0e0e4736 missing")).isEqualTo("trace <hex> missing");
    assertThat(MessagePattern.of("first line\n  at a.b.C(D.java:1)")).isEqualTo("first line");
    assertThat(MessagePattern.of("  ")).isNull();
    assertThat(MessagePattern.of("x".repeat(500))).hasSize(MessagePattern.MAX_CHARS + 1);
  }
}
