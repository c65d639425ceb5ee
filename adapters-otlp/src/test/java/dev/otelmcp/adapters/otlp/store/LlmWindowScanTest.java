package dev.otelmcp.adapters.otlp.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.otelmcp.domain.call.CallContext;
import dev.otelmcp.domain.call.ProgressSink;
import dev.otelmcp.domain.call.StopReason;
import dev.otelmcp.domain.llm.LlmCall;
import dev.otelmcp.domain.model.Attributes;
import dev.otelmcp.domain.model.Span;
import dev.otelmcp.domain.model.TimeRange;
import dev.otelmcp.domain.port.LlmCallScan;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The built-in store's own reading of a window's LLM calls: what it caches, and how it stops. */
class LlmWindowScanTest {

  private static final Instant START = Instant.parse("2026-11-20T00:00:00Z");
  private static final TimeRange WINDOW = new TimeRange(START.minus(Duration.ofDays(2)), START.plus(Duration.ofDays(1)));

  private final OtlpTraceStore store = OtlpTraceStore.start(StoreConfigs.inMemory(), Clock.systemUTC());

  @AfterEach
  void close() {
    store.close();
  }

  @Test
  void aCallThatGainsACallWithUsageBelowItIsNoLongerCounted() throws IOException {
    Span wrapper = llmSpan("aaaaaaaaaaaaaaaa", null);
    store.ingest(List.of(wrapper), null);
    assertThat(callSpans()).containsExactly("aaaaaaaaaaaaaaaa");

    // The provider's span arrives in a later batch: the framework span around it is a wrapper from now on.
    store.ingest(List.of(llmSpan("bbbbbbbbbbbbbbbb", "aaaaaaaaaaaaaaaa")), null);

    assertThat(callSpans()).containsExactly("bbbbbbbbbbbbbbbb");
  }

  @Test
  void aScanPastItsStopTimeEndsAndSaysHowFarItRead() throws Exception {
    store.ingest(new SyntheticTraces(3, START, Duration.ofHours(20)).traces(3000), null);
    CallContext call = CallContext.startingNow(Duration.ofMillis(20), Duration.ZERO, ProgressSink.NONE);
    Thread.sleep(40);
    List<Instant> starts = new ArrayList<>();

    LlmCallScan.Report report = call.call(() -> scan().scan(WINDOW, List.of(), Integer.MAX_VALUE,
        (trace, calls) -> starts.add(trace.startTime())));

    assertThat(report.tracesRead()).isEqualTo(starts.size()).isLessThan(3000);
    assertThat(report.shortfall().stoppedBy()).isEqualTo(StopReason.DEADLINE);
    assertThat(report.shortfall().searchedFrom()).isEqualTo(starts.get(starts.size() - 1));
    assertThat(report.tracesKnown()).as("the traces of the window, read or not").isEqualTo(3000);
  }

  private List<String> callSpans() {
    List<String> spans = new ArrayList<>();
    scan().scan(WINDOW, List.of(), Integer.MAX_VALUE,
        (trace, calls) -> calls.stream().map(LlmCall::span).map(Span::spanId).forEach(spans::add));
    return spans;
  }

  private LlmCallScan scan() {
    return store.llmCallScan().orElseThrow();
  }

  private static Span llmSpan(String spanId, String parent) {
    return Span.builder().traceId("0123456789abcdef0123456789abcdef").spanId(spanId).parentSpanId(parent)
        .name("chat gpt-4o").serviceName("agent").startTime(START).duration(Duration.ofMillis(900))
        .attributes(Attributes.ofPairs("gen_ai.request.model", "gpt-4o", "gen_ai.usage.input_tokens", 120L,
            "gen_ai.usage.output_tokens", 30L))
        .build();
  }
}
