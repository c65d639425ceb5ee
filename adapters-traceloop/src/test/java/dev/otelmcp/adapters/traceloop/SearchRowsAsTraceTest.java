package dev.otelmcp.adapters.traceloop;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.otelmcp.domain.llm.LlmCall;
import dev.otelmcp.domain.llm.LlmCalls;
import dev.otelmcp.domain.model.Span;
import dev.otelmcp.domain.model.Trace;
import dev.otelmcp.domain.model.TraceId;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The LLM call scan builds traces from span-search rows where the trace search used to read each trace
 * ({@link TraceReader}): on the recorded trace c4c7e548…, both give the same trace, to the millisecond, and the same
 * LLM calls. What the trace endpoint adds ({@code traceloop.llm.cost_micro_usd.*}, events) no LLM call reads.
 */
class SearchRowsAsTraceTest {

  @RegisterExtension
  static WireMockExtension traceloop = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  private final SpanMapper mapper = new SpanMapper(Fixtures.JSON);
  private TraceloopTraceStore store;

  @BeforeEach
  void recordedApi() {
    RecordedTraceloop.serve(traceloop.getRuntimeInfo().getWireMock());
    store = new TraceloopTraceStore(TraceloopConfig.from(Fixtures.settings(traceloop.baseUrl())));
  }

  @AfterEach
  void closeStore() {
    store.close();
  }

  /** The recorded trace from its rows in the recorded newest-20 span search. */
  private Trace fromSearchRows() {
    List<Span> spans = new ArrayList<>();
    for (JsonNode row : Fixtures.body(RecordedTraceloop.SPANS_BASIC, Fixtures.SPANS).path("spans").path("data")) {
      if (row.path("trace_id").asText().equals(Fixtures.TRACE_ID)) {
        spans.add(mapper.span(Fixtures.read(row, Wire.WireSpan.class)).orElseThrow());
      }
    }
    return new Trace(Fixtures.TRACE_ID, spans);
  }

  /** A call as the aggregates read it: everything but the span's attributes. */
  private static List<Object> essence(LlmCall call) {
    Span span = call.span();
    return List.of(span.spanId(), span.startTime(), span.duration(), span.serviceName(), span.status(),
        String.valueOf(call.provider()), String.valueOf(call.operation()), String.valueOf(call.requestModel()),
        String.valueOf(call.responseModel()), call.usage(), call.finishReasons(), call.failed(),
        String.valueOf(call.errorType()), String.valueOf(call.conversationId()), call.warnings());
  }

  @Test
  void searchRowsMakeTheTraceTheTraceEndpointGives() {
    Trace hydrated = store.getTrace(new TraceId(Fixtures.TRACE_ID)).orElseThrow();
    Trace scanned = fromSearchRows();

    assertThat(scanned.spanCount()).isEqualTo(hydrated.spanCount()).isEqualTo(18);
    assertThat(scanned.startTime()).isEqualTo(hydrated.startTime());
    assertThat(scanned.duration()).isEqualTo(hydrated.duration());
    for (int i = 0; i < hydrated.spanCount(); i++) {
      Span a = scanned.spans().get(i);
      Span b = hydrated.spans().get(i);
      assertThat(List.of(a.spanId(), a.startTime(), a.duration(), String.valueOf(a.parentSpanId()), a.name(),
          a.serviceName(), a.status(), a.kind()))
          .isEqualTo(List.of(b.spanId(), b.startTime(), b.duration(), String.valueOf(b.parentSpanId()), b.name(),
              b.serviceName(), b.status(), b.kind()));
    }
    List<LlmCall> fromRows = LlmCalls.of(scanned);
    assertThat(fromRows).hasSize(7);
    assertThat(fromRows.stream().map(SearchRowsAsTraceTest::essence).toList())
        .isEqualTo(LlmCalls.of(hydrated).stream().map(SearchRowsAsTraceTest::essence).toList());
  }
}
