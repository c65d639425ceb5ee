package dev.otelmcp.adapters.tempo;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.otelmcp.domain.model.TimeRange;
import dev.otelmcp.domain.model.Trace;
import dev.otelmcp.domain.model.TraceHit;
import dev.otelmcp.domain.model.TraceId;
import dev.otelmcp.domain.model.TraceSummary;
import dev.otelmcp.domain.query.TraceQuery;
import dev.otelmcp.tck.TestBackendSettings;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Tempo's search summaries tell the same story as the whole traces (what a backend returning whole traces,
 * such as Jaeger, reports): for each of the seven recorded traces, the id, root service and operation, start,
 * span and error counts and services agree, and the duration agrees to the millisecond Tempo reports.
 */
class SummaryConsistencyTest {

  @RegisterExtension
  static WireMockExtension tempo = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  @Test
  void everySummaryAgreesWithItsWholeTrace() {
    RecordedTempo.search(tempo.getRuntimeInfo().getWireMock(), RecordedTempo.SERVICES, RecordedTempo.ALL);
    RecordedTempo.tracesV1(tempo.getRuntimeInfo().getWireMock(), RecordedTempo.BASIC);
    try (TempoTraceStore store = new TempoTraceStore(TempoConfig.from(TestBackendSettings.url(tempo.baseUrl())
        .with("api_version", "v1")))) {
      List<TraceHit> hits = store.searchTraces(new TraceQuery(
          new TimeRange(Instant.parse("2025-11-13T00:00:00Z"), Instant.parse("2025-11-14T00:00:00Z")), List.of(), 20))
          .hits();

      assertThat(hits).hasSize(7);
      for (TraceHit hit : hits) {
        TraceSummary summary = (TraceSummary) hit;
        Trace trace = store.getTrace(new TraceId(summary.traceId())).orElseThrow();
        assertThat(summary.traceId()).isEqualTo(trace.traceId());
        assertThat(summary.rootServiceName()).as(summary.traceId()).isEqualTo(trace.serviceName());
        assertThat(summary.rootOperationName()).isEqualTo(trace.rootOperation());
        assertThat(summary.startTime()).isEqualTo(trace.startTime());
        assertThat(summary.spanCount()).as("spans of %s", summary.traceId()).isEqualTo(trace.spanCount());
        assertThat(summary.errorSpanCount().longValue()).isEqualTo(trace.errorSpanCount());
        assertThat(summary.services()).isEqualTo(trace.services());
        assertThat(summary.duration().toMillis()).isEqualTo((long) Math.floor(trace.durationMs()));
      }
    }
  }
}
