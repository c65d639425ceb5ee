package dev.otelmcp.adapters.mcp.paging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.otelmcp.adapters.mcp.ResultMapper;
import dev.otelmcp.domain.error.InvalidQueryException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

@SuppressWarnings("unchecked")
class AnswerFitterTest {

  private static final ResultMapper MAPPER = new ResultMapper();
  private final List<Position> issued = new ArrayList<>();
  private final Function<Position, String> cursorFor = position -> {
    issued.add(position);
    return "cursor-" + issued.size();
  };

  private static Map<String, Object> answer(int items, int itemChars) {
    List<Object> rows = new ArrayList<>();
    for (int i = 0; i < items; i++) {
      rows.add(Map.of("name", "item-" + i, "text", "x".repeat(itemChars)));
    }
    Map<String, Object> answer = new LinkedHashMap<>();
    answer.put("count", items);
    answer.put("items", rows);
    answer.put("truncated", false);
    answer.put("scope", Map.of("start_time", "2026-12-01T00:00:00Z"));
    return answer;
  }

  private static int size(Map<String, Object> answer) {
    return MAPPER.toJson(answer).length();
  }

  @Test
  void anAnswerThatFitsIsUntouchedApartFromSayingItIsWhole() {
    Map<String, Object> fitted = new AnswerFitter(MAPPER, 10_000).fit(answer(3, 10), Paging.offset("items"), null, null, cursorFor);

    assertThat((List<Object>) fitted.get("items")).hasSize(3);
    assertThat(fitted).containsEntry("truncated", false).doesNotContainKeys("next_cursor", "omitted_count");
  }

  @Test
  void offsetPagesStayWithinTheBudgetAndTogetherReturnEveryItemOnce() {
    AnswerFitter fitter = new AnswerFitter(MAPPER, 2_000);
    List<String> seen = new ArrayList<>();
    Position position = null;
    int pages = 0;
    do {
      Map<String, Object> fitted = fitter.fit(answer(100, 100), Paging.offset("items"), position, null, cursorFor);
      assertThat(size(fitted)).isLessThanOrEqualTo(2_000);
      ((List<Map<String, Object>>) fitted.get("items")).forEach(item -> seen.add((String) item.get("name")));
      assertThat(fitted.get("count")).isEqualTo(((List<Object>) fitted.get("items")).size());
      if (Boolean.TRUE.equals(fitted.get("truncated"))) {
        assertThat(fitted.get("omitted_count")).isEqualTo(100 - seen.size());
        assertThat(fitted.get("next_cursor")).isEqualTo("cursor-" + issued.size());
      }
      position = Boolean.TRUE.equals(fitted.get("truncated")) ? issued.get(issued.size() - 1) : null;
      pages++;
    } while (position != null);

    assertThat(seen).hasSize(100).doesNotHaveDuplicates();
    assertThat(pages).isBetween(7, 10);
  }

  @Test
  void aPageSizeCutsBeforeTheBudget() {
    Map<String, Object> fitted = new AnswerFitter(MAPPER, 100_000)
        .fit(answer(30, 10), Paging.offset("items").pagedBy("limit", 10), null, 10, cursorFor);

    assertThat((List<Object>) fitted.get("items")).hasSize(10);
    assertThat(fitted).containsEntry("truncated", true).containsEntry("omitted_count", 20);
    assertThat(issued.get(issued.size() - 1)).isEqualTo(new Position.Offset(10, 30));
  }

  @Test
  void aToolThatBuildsOnlyThePageAskedForIsPagedLikeOneThatBuildsTheWholeList() {
    // The whole list, and the same list as a tool that builds only the page from the cursor's offset answers it.
    Map<String, Object> whole = answer(95, 100);
    Paging.ByOffset pageOnly = Paging.offset("items").pagedBy("limit", 10).pageOnly("count");
    AnswerFitter fitter = new AnswerFitter(MAPPER, 2_000);
    List<Object> seen = new ArrayList<>();
    Position position = null;
    do {
      int offset = position instanceof Position.Offset o ? o.offset() : 0;
      List<Object> all = (List<Object>) whole.get("items");
      Map<String, Object> page = new LinkedHashMap<>(whole);
      page.put("items", new ArrayList<>(all.subList(offset, Math.min(all.size(), offset + 10))));
      Map<String, Object> expected = fitter.fit(whole, Paging.offset("items").pagedBy("limit", 10), position, 10,
          p -> "cursor-" + p);

      Map<String, Object> fitted = fitter.fit(page, pageOnly, position, 10, p -> "cursor-" + p);

      assertThat(fitted).isEqualTo(expected);
      seen.addAll((List<Object>) fitted.get("items"));
      position = Boolean.TRUE.equals(fitted.get("truncated"))
          ? new Position.Offset(offset + ((List<Object>) fitted.get("items")).size(), 95) : null;
    } while (position != null);

    assertThat(seen).isEqualTo(whole.get("items"));
    assertThatThrownBy(() -> fitter.fit(answer(3, 10), pageOnly, new Position.Offset(5, 95), 10, cursorFor))
        .isInstanceOf(InvalidQueryException.class).hasMessageContaining("stale");
  }

  @Test
  void anOffsetIntoAListThatChangedIsStale() {
    AnswerFitter fitter = new AnswerFitter(MAPPER, 2_000);

    assertThatThrownBy(() -> fitter.fit(answer(12, 10), Paging.offset("items"), new Position.Offset(5, 10), null, cursorFor))
        .isInstanceOf(InvalidQueryException.class).hasMessageContaining("stale");
  }

  @Test
  void keyPagesResumeAfterTheLastItemAndKnowNoTotalWhenTheSearchHadMore() {
    List<Object> rows = new ArrayList<>();
    for (int i = 0; i < 50; i++) {
      rows.add(Map.of("trace_id", String.format("%032x", i), "start_time", Instant.ofEpochSecond(1_000 - i).toString(),
          "text", "y".repeat(80)));
    }
    Map<String, Object> answer = new LinkedHashMap<>(Map.of("count", 50, "traces", rows, "truncated", true));

    Map<String, Object> fitted = new AnswerFitter(MAPPER, 1_500).fit(answer, Paging.key("traces"), null, null, cursorFor);

    List<Map<String, Object>> kept = (List<Map<String, Object>>) fitted.get("traces");
    assertThat(size(fitted)).isLessThanOrEqualTo(1_500);
    assertThat(fitted).containsEntry("truncated", true).doesNotContainKey("omitted_count");
    Position.Key key = (Position.Key) issued.get(issued.size() - 1);
    assertThat(key.after().traceId()).isEqualTo(kept.get(kept.size() - 1).get("trace_id"));
    assertThat(key.after().spanId()).isNull();
  }

  @Test
  void anItemLargerThanTheBudgetIsShrunkNotDropped() {
    Map<String, Object> attributes = new LinkedHashMap<>();
    for (int i = 0; i < 300; i++) {
      attributes.put("gen_ai.prompt." + i + ".content", "z".repeat(3_000));
    }
    Map<String, Object> answer = new LinkedHashMap<>(Map.of("spans", List.of(Map.of("span_id", "s1", "attributes", attributes),
        Map.of("span_id", "s2", "attributes", Map.of()))));

    Map<String, Object> fitted = new AnswerFitter(MAPPER, 4_000).fit(answer, Paging.offset("spans"), null, null, cursorFor);

    assertThat(size(fitted)).isLessThanOrEqualTo(4_000);
    List<Map<String, Object>> spans = (List<Map<String, Object>>) fitted.get("spans");
    assertThat(spans).singleElement().satisfies(span -> assertThat(span.get("span_id")).isEqualTo("s1"));
    assertThat(MAPPER.toJson(spans.get(0))).contains("more chars]").contains("more entries not shown");
    assertThat(fitted).containsEntry("truncated", true).containsEntry("omitted_count", 1);
  }

  @Test
  void anAnswerWithoutAListIsShrunkIntoTheBudget() {
    Map<String, Object> answer = new LinkedHashMap<>(Map.of("summary", "w".repeat(50_000), "count", 3));

    Map<String, Object> fitted = new AnswerFitter(MAPPER, 3_000).fit(answer, Paging.NONE, null, null, cursorFor);

    assertThat(size(fitted)).isLessThanOrEqualTo(3_000);
    assertThat(fitted).containsEntry("count", 3);
  }
}
