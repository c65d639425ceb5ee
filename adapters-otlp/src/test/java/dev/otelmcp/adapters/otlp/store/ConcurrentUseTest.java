package dev.otelmcp.adapters.otlp.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.otelmcp.domain.model.Span;
import dev.otelmcp.domain.model.TimeRange;
import dev.otelmcp.domain.model.Trace;
import dev.otelmcp.domain.model.TraceHit;
import dev.otelmcp.domain.model.TraceId;
import dev.otelmcp.domain.model.Traces;
import dev.otelmcp.domain.query.Filter;
import dev.otelmcp.domain.query.FilterEvaluator;
import dev.otelmcp.domain.query.SpanQuery;
import dev.otelmcp.domain.query.TraceQuery;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The receiver writes (and retention and compaction run) while tools read: no failure, and an exact end state. */
class ConcurrentUseTest {

  static final Instant START = Instant.parse("2026-11-20T00:00:00Z");
  static final TimeRange WINDOW = new TimeRange(START.minus(Duration.ofDays(1)), START.plus(Duration.ofDays(1)));

  @TempDir
  Path dir;

  @Test
  void readersNeverFailWhileWritersAddAndRetentionRemoves() throws Exception {
    List<Span> spans = new SyntheticTraces(21, START, Duration.ofHours(6)).traces(3_000);
    OtlpStoreConfig config = StoreConfigs.persisted(dir, Optional.empty(), 12_000);
    ExecutorService pool = Executors.newFixedThreadPool(4);
    AtomicBoolean writing = new AtomicBoolean(true);
    try (OtlpTraceStore store = OtlpTraceStore.start(config, Clock.systemUTC())) {
      Future<?> writer = pool.submit(() -> {
        for (int i = 0; i < spans.size(); i += 250) {
          store.ingest(spans.subList(i, Math.min(spans.size(), i + 250)), null);
          if (i % 5_000 == 0) {
            store.maintain();
          }
        }
        writing.set(false);
        return null;
      });
      List<Future<Integer>> readers = new ArrayList<>();
      List<Filter> filters = StoreFilters.everyOperator();
      for (int r = 0; r < 3; r++) {
        int offset = r;
        readers.add(pool.submit(() -> {
          int calls = 0;
          while (writing.get() || calls < 20) {
            Filter filter = filters.get((calls * 3 + offset) % filters.size());
            for (TraceHit hit : store.searchTraces(new TraceQuery(WINDOW, List.of(filter), 50)).hits()) {
              assertThat(FilterEvaluator.matches((Trace) hit, List.of(filter))).isTrue();
            }
            store.searchSpans(new SpanQuery(WINDOW, List.of(filter), 50));
            store.listServices(WINDOW);
            calls++;
          }
          return calls;
        }));
      }
      writer.get(2, TimeUnit.MINUTES);
      for (Future<Integer> reader : readers) {
        assertThat(reader.get(2, TimeUnit.MINUTES)).isPositive();
      }

      // The end state is exactly the newest traces within max_spans, whatever ran meanwhile.
      List<String> held = store.searchTraces(new TraceQuery(WINDOW, List.of(), 10_000)).hits().stream()
          .map(TraceHit::traceId).sorted().toList();
      assertThat(store.spanCount()).isLessThanOrEqualTo(12_000).isGreaterThan(11_900);
      List<Trace> all = Traces.group(spans);
      List<String> heldTraces = all.stream().filter(t -> store.getTrace(new TraceId(t.traceId())).isPresent())
          .map(Trace::traceId).sorted().toList();
      assertThat(held).isEqualTo(heldTraces);
      assertThat(store.getTrace(new TraceId(spans.get(spans.size() - 1).traceId()))).isPresent();
      assertThat(store.getTrace(new TraceId(spans.get(0).traceId()))).isEmpty();
    } finally {
      pool.shutdownNow();
    }
  }
}
