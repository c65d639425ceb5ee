package dev.otelmcp.application.llm;

import static dev.otelmcp.application.llm.LlmTraces.agent;
import static org.assertj.core.api.Assertions.assertThat;
import dev.otelmcp.application.ApplicationSettings;
import dev.otelmcp.application.InMemoryTraceStore;
import dev.otelmcp.application.TestPrices;
import dev.otelmcp.application.TestTraces;
import dev.otelmcp.application.search.TraceHydrator;
import dev.otelmcp.application.search.TraceSearcher;
import dev.otelmcp.application.usecase.GetLlmModelStatsUseCase;
import dev.otelmcp.application.usecase.GetLlmUsageUseCase;
import dev.otelmcp.application.usecase.ListLlmModelsUseCase;
import dev.otelmcp.domain.model.Attributes;
import dev.otelmcp.domain.model.Span;
import dev.otelmcp.domain.model.TimeRange;
import dev.otelmcp.domain.model.Trace;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * One row per model: 44 calls asked for gpt-4o-mini and were answered by gpt-4o-mini-2024-07-18; 3 more asked for
 * it and failed, so no response model was recorded. Every LLM tool must count all 47 in one row, with 3 errors.
 */
class ModelRowsTest {

  private static final TimeRange WINDOW = new TimeRange(TestTraces.T0.minusSeconds(10), TestTraces.T0.plusSeconds(10_000));
  private static final ApplicationSettings SETTINGS = ApplicationSettings.DEFAULTS;
  private static final String ASKED = "gpt-4o-mini";
  private static final String ANSWERED = "gpt-4o-mini-2024-07-18";

  private static List<Trace> traces() {
    List<Trace> traces = new ArrayList<>();
    for (int i = 1; i <= 47; i++) {
      boolean failed = i <= 3;
      Trace trace = agent(i, 2_000, List.of(new LlmTraces.Call("bot", "openai", ASKED, failed ? "-" : ANSWERED, 100, 10, 0,
          "stop", failed, 500, 0)), List.of());
      traces.add(failed ? withoutResponseModel(trace) : trace);
    }
    return traces;
  }

  /** A failed call records no response model. */
  private static Trace withoutResponseModel(Trace trace) {
    List<Span> spans = new ArrayList<>();
    for (Span span : trace.spans()) {
      Attributes.Builder kept = Attributes.builder();
      span.attributes().asMap().forEach((key, value) -> {
        if (!key.equals("gen_ai.response.model")) {
          kept.put(key, value);
        }
      });
      spans.add(span.toBuilder().attributes(kept.build()).build());
    }
    return new Trace(trace.traceId(), spans);
  }

  private static LlmScan scan() {
    InMemoryTraceStore store = new InMemoryTraceStore(traces());
    return new LlmScan(store, new TraceSearcher(store, new TraceHydrator(store, SETTINGS), SETTINGS), TestPrices.pricing(), SETTINGS);
  }

  @Test
  void aFailedCallCountsInTheRowOfTheModelThatAnsweredItsRequest() {
    LlmRequest request = new LlmRequest(WINDOW, LlmTraces.ALL_CALLS, 1000);

    GetLlmUsageUseCase.Result usage = new GetLlmUsageUseCase(scan()).execute(request);
    ListLlmModelsUseCase.Result models = new ListLlmModelsUseCase(scan()).execute(request);
    GetLlmModelStatsUseCase.Result byAnswer = new GetLlmModelStatsUseCase(scan()).execute(ANSWERED, request);
    GetLlmModelStatsUseCase.Result byRequest = new GetLlmModelStatsUseCase(scan()).execute(ASKED, request);

    assertThat(usage.byModel()).singleElement().satisfies(row -> {
      assertThat(row.name()).isEqualTo(ANSWERED);
      assertThat(row.totals().requestCount()).isEqualTo(47);
      assertThat(row.totals().errorCount()).isEqualTo(3);
    });
    assertThat(models.models()).singleElement().satisfies(row -> {
      assertThat(row.model()).isEqualTo(ANSWERED);
      assertThat(row.totals().requestCount()).isEqualTo(47);
      assertThat(row.totals().errorCount()).isEqualTo(3);
      assertThat(row.requestModels()).containsExactly(ASKED);
    });
    assertThat(List.of(byAnswer, byRequest)).allSatisfy(stats -> {
      assertThat(stats.requestCount()).isEqualTo(47);
      assertThat(stats.errorCount()).isEqualTo(3);
    });
  }

  @Test
  void aModelThatNeverAnsweredKeepsTheRequestedName() {
    ModelNames names = new ModelNames.Counter().names();
    Trace trace = withoutResponseModel(agent(1, 1_000, List.of(LlmTraces.call("claude-x", "-", 10, 1)), List.of()));

    assertThat(dev.otelmcp.domain.llm.LlmCalls.of(trace)).singleElement()
        .satisfies(call -> assertThat(names.rowOf(call)).isEqualTo("claude-x"));
  }
}
