package dev.otelmcp.domain.model;

import static dev.otelmcp.domain.model.SpanTest.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The small value records: summaries, events, links, operations. */
class ModelRecordsTest {

  @Test
  void traceSummaryDefaultsAndNormalisation() {
    List<String> services = new ArrayList<>(List.of("web", "db"));
    TraceSummary summary = new TraceSummary("ABC", null, null, T0, null, null, null, services);
    services.add("late");

    assertThat(summary.traceId()).isEqualTo("00000000000000000000000000000abc");
    assertThat(summary.rootServiceName()).isEmpty();
    assertThat(summary.rootOperationName()).isEmpty();
    assertThat(summary.duration()).isEqualTo(Duration.ZERO);
    assertThat(summary.spanCount()).isNull();
    assertThat(summary.errorSpanCount()).isNull();
    assertThat(summary.services()).containsExactly("web", "db");
    assertThat(new TraceSummary("1", "s", "o", T0, Duration.ofMillis(3), 4, 1, null).services()).isEmpty();
    assertThatThrownBy(() -> new TraceSummary("1", "s", "o", null, null, null, null, null))
        .isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> new TraceSummary("bogus!", "s", "o", T0, null, null, null, null))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void spanEventDefaults() {
    SpanEvent event = new SpanEvent(null, T0, null);
    assertThat(event.name()).isEmpty();
    assertThat(event.attributes()).isSameAs(Attributes.empty());
    assertThat(SpanEvent.EXCEPTION).isEqualTo("exception");
    assertThatThrownBy(() -> new SpanEvent("e", null, null)).isInstanceOf(NullPointerException.class);
  }

  @Test
  void spanLinkNormalisesIds() {
    SpanLink link = new SpanLink("Qv9HLX/rYhW+wM9ONQZ1sg==", "NPzxuz+vo54=", null);
    assertThat(link.traceId()).isEqualTo("42ff472d7feb6215bec0cf4e350675b2");
    assertThat(link.spanId()).isEqualTo("34fcf1bb3fafa39e");
    assertThat(link.attributes()).isSameAs(Attributes.empty());
    assertThatThrownBy(() -> new SpanLink("1", "not-an-id!", null)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void operation() {
    assertThat(Operation.named("GET /cart").spanKind()).isEmpty();
    assertThat(new Operation("GET /cart", SpanKind.SERVER).spanKind()).contains(SpanKind.SERVER);
    assertThatThrownBy(() -> Operation.named(null)).isInstanceOf(NullPointerException.class);
  }
}
