package dev.otelmcp.domain.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.otelmcp.domain.model.TimeRange;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** TraceQuery and SpanQuery: validation, immutability and the with-ers. */
class QueriesTest {

  private static final TimeRange WINDOW = TimeRange.lastDuration(Fixtures.T0, Duration.ofHours(1));
  private static final Filter SERVICE = Fixtures.eq("service.name", "checkout");
  private static final Filter SLOW = Filter.number("duration", FilterOperator.GT, 500);

  @Test
  void traceQueryCopiesFiltersAndValidatesLimit() {
    List<Filter> filters = new ArrayList<>(List.of(SERVICE));
    TraceQuery query = new TraceQuery(WINDOW, filters, 20);
    filters.add(SLOW);

    assertThat(query.filters()).containsExactly(SERVICE);
    assertThat(query.cursorValue()).isEmpty();
    assertThat(query.equalsValue(IntrinsicField.SERVICE_NAME)).contains("checkout");
    assertThat(query.equalsValue(IntrinsicField.NAME)).isEmpty();
    assertThatThrownBy(() -> new TraceQuery(WINDOW, List.of(), 0))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("0");
    assertThatThrownBy(() -> new TraceQuery(null, List.of(), 1)).isInstanceOf(NullPointerException.class);
  }

  @Test
  void traceQueryWithersKeepTheOtherParts() {
    TraceQuery query = new TraceQuery(WINDOW, List.of(SERVICE), 20, "page-1");

    assertThat(query.withLimit(5)).isEqualTo(new TraceQuery(WINDOW, List.of(SERVICE), 5, "page-1"));
    assertThat(query.withCursor("page-2").cursorValue()).contains("page-2");
    assertThat(query.withCursor(null).cursorValue()).isEmpty();
    assertThat(query.withFilters(List.of(SLOW))).isEqualTo(new TraceQuery(WINDOW, List.of(SLOW), 20, "page-1"));
    assertThatThrownBy(() -> query.withLimit(-1)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void spanQueryCopiesFiltersAndValidatesLimit() {
    List<Filter> filters = new ArrayList<>(List.of(SLOW, SERVICE));
    SpanQuery query = new SpanQuery(WINDOW, filters, 100);
    filters.clear();

    assertThat(query.filters()).containsExactly(SLOW, SERVICE);
    assertThat(query.equalsValue(IntrinsicField.SERVICE_NAME)).contains("checkout");
    assertThat(query.withLimit(3).limit()).isEqualTo(3);
    assertThat(query.withCursor("c").cursorValue()).contains("c");
    assertThat(query.withCursor("c").filters()).containsExactly(SLOW, SERVICE);
    assertThatThrownBy(() -> new SpanQuery(WINDOW, List.of(), 0)).isInstanceOf(IllegalArgumentException.class);
  }
}
