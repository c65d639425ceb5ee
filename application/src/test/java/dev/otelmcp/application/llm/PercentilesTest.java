package dev.otelmcp.application.llm;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class PercentilesTest {

  @Test
  void interpolatesLinearlyAtNMinusOneTimesP() {
    // n = 5: p50 at index 2 (30); p95 at 3.8 -> 40 + 0.8 * (100 - 40) = 88; p99 at 3.96 -> 97.6
    Percentiles p = Percentiles.of(List.of(100, 10, 40, 20, 30));

    assertThat(p.mean()).isEqualTo(40.0);
    assertThat(p.min()).isEqualTo(10.0);
    assertThat(p.max()).isEqualTo(100.0);
    assertThat(p.p50()).isEqualTo(30.0);
    assertThat(p.p95()).isEqualTo(88.0);
    assertThat(p.p99()).isEqualTo(97.6);
  }

  @Test
  void evenSizedSamplesInterpolateTheMedian() {
    assertThat(Percentiles.of(List.of(1, 2, 3, 4)).p50()).isEqualTo(2.5);
  }

  @Test
  void oneValueIsEveryPercentileAndNoValueIsAllZero() {
    assertThat(Percentiles.of(List.of(7.5))).isEqualTo(new Percentiles(7.5, 7.5, 7.5, 7.5, 7.5, 7.5));
    assertThat(Percentiles.of(List.of())).isEqualTo(Percentiles.EMPTY);
  }
}
