package dev.otelmcp.adapters.otlp.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.otelmcp.domain.model.Span;
import dev.otelmcp.domain.model.TimeRange;
import dev.otelmcp.domain.model.Trace;
import dev.otelmcp.domain.model.TraceId;
import dev.otelmcp.domain.query.TraceQuery;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The log: what was acknowledged survives a restart, a torn tail is skipped and reported, retention compacts. */
class PersistenceTest {

  static final Instant START = Instant.parse("2026-11-21T08:00:00Z");
  static final TimeRange WINDOW = new TimeRange(START.minus(Duration.ofDays(1)), START.plus(Duration.ofDays(1)));

  @TempDir
  Path dir;

  private final MutableClock clock = new MutableClock(START.plus(Duration.ofHours(2)));

  private OtlpTraceStore open(Optional<Duration> retention, long maxSpans) {
    return OtlpTraceStore.start(StoreConfigs.persisted(dir, retention, maxSpans), clock);
  }

  private static List<String> traceIds(OtlpTraceStore store) {
    return store.searchTraces(new TraceQuery(WINDOW, List.of(), 10_000)).hits().stream().map(h -> h.traceId()).toList();
  }

  @Test
  void acknowledgedSpansAreThereAfterARestart() throws IOException {
    List<Span> spans = new SyntheticTraces(1, START, Duration.ofHours(1)).traces(50);
    List<String> before;
    try (OtlpTraceStore store = open(Optional.empty(), 0)) {
      store.ingest(spans.subList(0, 100), null);
      store.ingest(spans.subList(100, spans.size()), null);
      before = traceIds(store);
    }

    try (OtlpTraceStore store = open(Optional.empty(), 0)) {
      assertThat(store.spanCount()).isEqualTo(spans.size());
      assertThat(traceIds(store)).isEqualTo(before).hasSize(50);
      Trace trace = store.getTrace(new TraceId(spans.get(0).traceId())).orElseThrow();
      assertThat(trace.spans()).contains(spans.get(0));
    }
  }

  @Test
  void aTornLastRecordIsSkippedReportedAndCutOffSoNewRecordsFollowTheGoodOnes() throws IOException {
    List<Span> spans = new SyntheticTraces(2, START, Duration.ofHours(1)).traces(10);
    try (OtlpTraceStore store = open(Optional.empty(), 0)) {
      store.ingest(spans.subList(0, 20), null);
      store.ingest(spans.subList(20, spans.size()), null);
    }
    Path log = dir.resolve(SpanLog.FILE_NAME);
    long size = Files.size(log);
    try (FileChannel channel = FileChannel.open(log, StandardOpenOption.WRITE)) {
      channel.truncate(size - 7); // the process died while writing the second record
    }

    try (OtlpTraceStore store = open(Optional.empty(), 0)) {
      assertThat(store.spanCount()).isEqualTo(20);
      assertThat(store.health().detail()).contains("torn record").contains("skipped");
      try (Stream<Path> files = Files.list(dir)) {
        assertThat(files.map(p -> p.getFileName().toString())).anyMatch(n -> n.startsWith("spans.log.torn-"));
      }
      store.ingest(spans.subList(20, spans.size()), null);
    }
    try (OtlpTraceStore store = open(Optional.empty(), 0)) {
      assertThat(store.spanCount()).isEqualTo(spans.size());
      assertThat(store.health().detail()).doesNotContain("torn");
    }
  }

  @Test
  void aCorruptedRecordFailsItsChecksum() throws IOException {
    List<Span> spans = new SyntheticTraces(5, START, Duration.ofHours(1)).traces(4);
    try (OtlpTraceStore store = open(Optional.empty(), 0)) {
      store.ingest(spans.subList(0, 6), null);
      store.ingest(spans.subList(6, spans.size()), null);
    }
    Path log = dir.resolve(SpanLog.FILE_NAME);
    byte[] bytes = Files.readAllBytes(log);
    bytes[bytes.length - 3] ^= 0x5a;
    Files.write(log, bytes);

    try (OtlpTraceStore store = open(Optional.empty(), 0)) {
      assertThat(store.spanCount()).isEqualTo(6);
      assertThat(store.health().detail()).contains("torn record");
    }
  }

  @Test
  void retentionBySpanCountDropsTheOldestTracesFirstAndTheLogIsCompacted() throws IOException {
    SyntheticTraces traces = new SyntheticTraces(6, START, Duration.ofHours(1));
    List<Span> first = traces.traces(10_000);
    List<Span> second = traces.traces(2_000);
    try (OtlpTraceStore store = open(Optional.empty(), 15_000)) {
      store.ingest(first, null);
      clock.advance(Duration.ofSeconds(1));
      store.ingest(second, null);
      assertThat(store.spanCount()).isLessThanOrEqualTo(15_000).isGreaterThan(14_900);
      assertThat(store.getTrace(new TraceId(first.get(0).traceId()))).as("oldest trace").isEmpty();
      assertThat(store.getTrace(new TraceId(second.get(second.size() - 1).traceId()))).isPresent();
      long before = Files.size(dir.resolve(SpanLog.FILE_NAME));
      store.ingest(traces.traces(12_000), null); // now most of the log is dead
      store.maintain();
      assertThat(Files.size(dir.resolve(SpanLog.FILE_NAME))).isLessThan(before * 3 / 2);
    }
    try (OtlpTraceStore store = open(Optional.empty(), 15_000)) {
      assertThat(store.spanCount()).isLessThanOrEqualTo(15_000).isGreaterThan(14_900);
    }
  }

  @Test
  void retentionByAgeDropsSpansReceivedLongerAgoAlsoAtReplay() throws IOException {
    SyntheticTraces traces = new SyntheticTraces(8, START, Duration.ofHours(1));
    List<Span> old = traces.traces(5);
    List<Span> recent = traces.traces(5);
    try (OtlpTraceStore store = open(Optional.of(Duration.ofHours(1)), 0)) {
      store.ingest(old, null);
      clock.advance(Duration.ofMinutes(45));
      store.ingest(recent, null);
      clock.advance(Duration.ofMinutes(30));
      store.maintain();
      assertThat(store.spanCount()).isEqualTo(recent.size());
    }
    clock.advance(Duration.ofMinutes(10));
    try (OtlpTraceStore store = open(Optional.of(Duration.ofHours(1)), 0)) {
      assertThat(store.spanCount()).isEqualTo(recent.size());
    }
    clock.advance(Duration.ofHours(1));
    try (OtlpTraceStore store = open(Optional.of(Duration.ofHours(1)), 0)) {
      assertThat(store.spanCount()).isZero();
    }
  }

  @Test
  void underMemoryPressureTheOldestFifthIsDroppedAndTheUserIsTold() throws IOException {
    SyntheticTraces traces = new SyntheticTraces(14, START, Duration.ofHours(1));
    List<Span> old = traces.traces(200);
    List<Span> recent = traces.traces(800);
    try (OtlpTraceStore store = open(Optional.empty(), 0)) {
      store.ingest(old, null);
      clock.advance(Duration.ofSeconds(1));
      store.ingest(recent, null);
      long before = store.spanCount();

      store.relieveMemoryPressure();

      assertThat(store.spanCount()).isBetween(before * 8 / 10 - 20, before * 8 / 10);
      assertThat(store.getTrace(new TraceId(old.get(0).traceId()))).isEmpty();
      assertThat(store.getTrace(new TraceId(recent.get(recent.size() - 1).traceId()))).isPresent();
      assertThat(store.health().detail()).contains("heap was nearly full").contains("-Xmx");
    }
  }

  @Test
  void aSecondProcessOnTheSameDirectoryReadsButDoesNotWrite() throws IOException {
    List<Span> spans = new SyntheticTraces(9, START, Duration.ofHours(1)).traces(3);
    try (OtlpTraceStore owner = open(Optional.empty(), 0)) {
      owner.ingest(spans, null);
      try (OtlpTraceStore second = open(Optional.empty(), 0)) {
        assertThat(second.spanCount()).isEqualTo(spans.size());
        assertThat(second.health().detail()).contains("another otel-mcp process holds");
        second.ingest(new SyntheticTraces(10, START, Duration.ofHours(1)).traces(3), null);
      }
    }
    try (OtlpTraceStore store = open(Optional.empty(), 0)) {
      assertThat(store.spanCount()).isEqualTo(spans.size());
    }
  }

  @Test
  void duplicateSpansFromExporterRetriesAreKeptOnce() throws IOException {
    List<Span> spans = new ArrayList<>(new SyntheticTraces(12, START, Duration.ofHours(1)).traces(3));
    try (OtlpTraceStore store = open(Optional.empty(), 0)) {
      assertThat(store.ingest(spans, null)).isEqualTo(spans.size());
      assertThat(store.ingest(spans, null)).isZero();
    }
    try (OtlpTraceStore store = open(Optional.empty(), 0)) {
      assertThat(store.spanCount()).isEqualTo(spans.size());
    }
  }
}
