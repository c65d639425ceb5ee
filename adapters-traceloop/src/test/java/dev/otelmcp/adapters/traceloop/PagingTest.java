package dev.otelmcp.adapters.traceloop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.otelmcp.domain.error.InvalidQueryException;
import dev.otelmcp.domain.model.TimeRange;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Requests and the reading of recorded pages. */
class PagingTest {

  private static Wire.SpanPage page(String cassette, String path, String envelope) {
    return Fixtures.read(Fixtures.body(cassette, path).path(envelope), Wire.SpanPage.class);
  }

  @Test
  void theFirstRequestHasTheRecordedShapeWithTheWindowInSeconds() {
    TimeRange window = new TimeRange(Instant.parse("2025-11-15T11:10:18.500Z"), Instant.parse("2025-11-16T11:10:18.500Z"));

    JsonNode body = Fixtures.JSON.valueToTree(Paging.request(List.of(), List.of("prd"), window, 10, null));

    assertThat(body.toString()).isEqualTo("{\"filters\":[],\"logical_operator\":\"and\",\"environments\":[\"prd\"],"
        + "\"sort_by\":\"timestamp\",\"sort_order\":\"DESC\",\"cursor\":0,\"limit\":10,"
        + "\"from_timestamp_sec\":1763205018,\"to_timestamp_sec\":1763291419}");
    assertThat(Paging.request(List.of(), List.of("prd"), window, 10, "1763272914648").cursor()).isEqualTo(1763272914648L);
    assertThatThrownBy(() -> Paging.request(List.of(), List.of("prd"), window, 10, "abc"))
        .isInstanceOf(InvalidQueryException.class).hasMessageContaining("cursor 'abc'");
  }

  @Test
  void aPageShorterThanTheLimitIsTheLast() {
    // 3 root spans for limit 10; next_cursor "1763272914648" is the last row's timestamp, not a further page.
    Paging.Page page = Paging.page(page("TestTraceloopSearchTraces.test_search_traces_basic", Fixtures.ROOT_SPANS,
        "root_spans"), 10, null);

    assertThat(page.rows()).hasSize(3);
    assertThat(page.mayHaveMore()).isFalse();
    assertThat(page.nextCursor()).isNull();
  }

  @Test
  void aFullPageHandsOnTheApisCursor() {
    Paging.Page page = Paging.page(page("TestTraceloopSearchSpans.test_search_spans_with_limit", Fixtures.SPANS,
        "spans"), 10, null);

    assertThat(page.rows()).hasSize(10);
    assertThat(page.mayHaveMore()).isTrue();
    assertThat(page.nextCursor()).isEqualTo("1763273065021");
    assertThat(page.rows().get(9).timestamp()).isEqualTo(1763273065021L);
  }

  @Test
  void aFullFirstPageHoldingEveryMatchIsTheLast() {
    // limit 1: one root span of total_results 3 has more; the recorded limit-1000 page of 248 of 248 has none.
    Paging.Page one = Paging.page(Fixtures.read(Fixtures.json(Fixtures.interaction(
        "TestTraceloopGetTrace.test_get_trace_by_id", Fixtures.ROOT_SPANS).responseBody()).path("root_spans"),
        Wire.SpanPage.class), 1, null);
    assertThat(one.mayHaveMore()).isTrue();
    assertThat(one.nextCursor()).isEqualTo("1763273059770");

    Wire.SpanPage all = page("TestTraceloopListServices.test_list_services", Fixtures.ROOT_SPANS, "root_spans");
    assertThat(Paging.page(all, 248, null).mayHaveMore()).isFalse();
    assertThat(Paging.page(all, 248, "1763272914648").mayHaveMore()).isTrue();
  }

  @Test
  void anEmptyPageEndsTheSearch() {
    // Recorded: {"data":[],"page_size":0,"total_results":0,"next_cursor":"-1"}.
    Paging.Page page = Paging.page(Fixtures.read(Fixtures.json(Fixtures.cassette(
        "TestTraceloopSearchSpans.test_search_spans_with_service_filter")
        .find(i -> i.path().equals(Fixtures.SPANS)).responseBody()).path("spans"), Wire.SpanPage.class), 20, null);

    assertThat(page.rows()).isEmpty();
    assertThat(page.mayHaveMore()).isFalse();
    assertThat(page.nextCursor()).isNull();
  }

  @Test
  void rowsBeyondTheLimitAreDroppedAndTheNextPageStartsAtTheLastKeptRow() {
    Paging.Page page = Paging.page(page("TestTraceloopSearchTraces.test_search_traces_basic", Fixtures.ROOT_SPANS,
        "root_spans"), 2, null);

    assertThat(page.rows()).extracting(Wire.WireSpan::traceId)
        .containsExactly(Fixtures.TRACE_ID, "f53581d7de2b03275fad361fd5a2a9fe");
    assertThat(page.mayHaveMore()).isTrue();
    assertThat(page.nextCursor()).isEqualTo("1763272977019");
  }
}
