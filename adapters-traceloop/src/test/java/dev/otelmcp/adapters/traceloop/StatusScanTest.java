package dev.otelmcp.adapters.traceloop;

import static org.assertj.core.api.Assertions.assertThat;

import dev.otelmcp.domain.model.Span;
import dev.otelmcp.domain.port.SpanSearchResult;
import dev.otelmcp.domain.query.Filter;
import dev.otelmcp.domain.query.FilterOperator;
import dev.otelmcp.domain.query.FilterValueType;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Where the status scan goes on, on the recorded newest-20 page: its rows come newest second first, and the three
 * rows of second 1763273059 arrive as …770, …772, …771.
 */
class StatusScanTest {

  private final SpanMapper mapper = new SpanMapper(Fixtures.JSON);

  private static Wire.SpanPage recorded() {
    return Fixtures.read(Fixtures.body(RecordedTraceloop.SPANS_BASIC, Fixtures.SPANS).path("spans"), Wire.SpanPage.class);
  }

  private List<Span> spans() {
    List<Span> spans = new ArrayList<>();
    recorded().data().forEach(row -> mapper.span(row).ifPresent(spans::add));
    return spans;
  }

  @Test
  void aStatusConditionIsTheScansWhateverItsOperator() {
    assertThat(StatusScan.evaluates(Filter.of("status", FilterOperator.NOT_EQUALS, FilterValueType.STRING,
        List.of("ERROR")))).isTrue();
    assertThat(StatusScan.evaluates(Filter.of("status", FilterOperator.IN, FilterValueType.STRING,
        List.of("ERROR", "UNSET")))).isTrue();
    assertThat(StatusScan.evaluates(Filter.equalsString("service.name", "travel-agent-demo2"))).isFalse();
    assertThat(StatusScan.evaluates(Filter.equalsString("span.status", "ERROR"))).isFalse();
  }

  @Test
  void theNextPageStartsAtTheSecondAfterTheLastRows() {
    // The recorded page of 20 ends with 1763272985065: the next one reads all of second 1763272985 again.
    Paging.Page page = Paging.page(recorded(), 20, null);

    assertThat(page.nextCursor()).isEqualTo("1763272985065");
    assertThat(SpanPages.resume(page, null)).isEqualTo("1763272986000");
    assertThat(SpanPages.resume(page, "1763273000000")).isEqualTo("1763272986000");
    // A page that lies within the second it was asked to start at: only the API's cursor moves on.
    assertThat(SpanPages.resume(page, "1763272986000")).isEqualTo("1763272985065");
  }

  @Test
  void withMoreMatchesThanAskedTheAnswerEndsBeforeTheSecondOfTheFirstLeftOut() {
    // Limit 16: the 17th newest span started in second 1763273059, with two more of that second.
    SpanSearchResult cut = StatusScan.cut(spans(), 16);

    assertThat(cut.spans()).hasSize(15).extracting(Span::spanId).doesNotContain("6b3a38f23a58e2ec",
        "1532a6cbf1af0cf4", "0860f990bbf0d202");
    assertThat(cut.spans()).isSortedAccordingTo((a, b) -> b.startTime().compareTo(a.startTime()));
    assertThat(cut.mayHaveMore()).isTrue();
    assertThat(cut.nextCursor()).isEqualTo("1763273060000");
  }

  @Test
  void withMoreMatchesInOneSecondThanAskedTheNewestAreAnswered() {
    List<Span> oneSecond = spans().stream()
        .filter(s -> s.startTime().toEpochMilli() / 1000 == 1763273059L).toList();

    SpanSearchResult cut = StatusScan.cut(oneSecond, 2);

    assertThat(cut.spans()).extracting(Span::spanId).containsExactly("1532a6cbf1af0cf4", "0860f990bbf0d202");
    assertThat(cut.nextCursor()).isEqualTo("1763273059771");
  }
}
