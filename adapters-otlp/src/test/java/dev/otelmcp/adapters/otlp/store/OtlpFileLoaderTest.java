package dev.otelmcp.adapters.otlp.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.otelmcp.domain.error.InvalidQueryException;
import dev.otelmcp.domain.model.TimeRange;
import dev.otelmcp.domain.model.Trace;
import dev.otelmcp.domain.model.TraceId;
import dev.otelmcp.domain.query.TraceQuery;
import dev.otelmcp.tck.TestResources;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** --load: single requests, Collector file-exporter JSON Lines, gzip, directories. */
class OtlpFileLoaderTest {

  @TempDir
  Path dir;

  private static String oneLine(String json) {
    return json.replaceAll("\\s*\\n\\s*", "");
  }

  @Test
  void loadsRequestsJsonLinesAndGzipFromADirectoryButNotItsSubdirectories() throws IOException {
    String proto = TestResources.text("fixtures/opentelemetry-proto/trace.json");
    String jaeger = TestResources.text("fixtures/jaeger/otlp2jaeger-in.json");
    Files.writeString(dir.resolve("a.json"), proto);
    Files.writeString(dir.resolve("b.jsonl"), oneLine(jaeger) + "\n" + oneLine(TestResources.text(
        "fixtures/tempo/trace.json")) + "\n");
    try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(dir.resolve("c.json.gz")))) {
      out.write(TestResources.text("fixtures/jaeger/example_trace.json").getBytes(StandardCharsets.UTF_8));
    }
    Files.writeString(dir.resolve("notes.txt"), "not traces");
    Files.createDirectories(dir.resolve("generator"));
    Files.writeString(dir.resolve("generator/package.json"), "{\"name\":\"x\"}");

    assertThat(OtlpFileLoader.files(dir)).extracting(p -> p.getFileName().toString())
        .containsExactly("a.json", "b.jsonl", "c.json.gz");
    try (OtlpTraceStore store = OtlpTraceStore.start(StoreConfigs.loading(List.of(dir), false),
        Clock.systemUTC())) {
      assertThat(store.getTrace(new TraceId("5b8efff798038103d269b633813fc60c"))).isPresent();
      assertThat(store.getTrace(new TraceId("83a9efd15c1c98a977e0711cc93ee28b"))).isPresent();
      assertThat(store.spanCount()).isGreaterThan(3);
      assertThat(store.health().detail()).doesNotContain("could not load");
    }
  }

  @Test
  void aFileThatIsNotOtlpIsReportedAndTheOthersStillLoad() throws IOException {
    Files.writeString(dir.resolve("bad.json"), "{\"hello\":");
    Path good = dir.resolve("good.json");
    Files.writeString(good, TestResources.text("fixtures/opentelemetry-proto/trace.json"));

    try (OtlpTraceStore store = OtlpTraceStore.start(StoreConfigs.loading(List.of(dir), false),
        Clock.systemUTC())) {
      assertThat(store.spanCount()).isEqualTo(1);
      assertThat(store.health().detail()).contains("could not load").contains("bad.json");
    }
  }

  @Test
  void rebasedLoadsEndNowAndKeepTheirShape() throws IOException {
    Path file = dir.resolve("trace.json");
    Files.writeString(file, TestResources.text("fixtures/jaeger/example_trace.json"));
    Instant now = Instant.parse("2026-12-01T12:00:00Z");
    Trace original;
    try (OtlpTraceStore plain = OtlpTraceStore.start(StoreConfigs.loading(List.of(file), false),
        Clock.systemUTC())) {
      original = plain.searchTraces(new TraceQuery(new TimeRange(Instant.EPOCH, now), List.of(), 1)).hits().stream()
          .map(Trace.class::cast).findFirst().orElseThrow();
    }

    try (OtlpTraceStore rebased = OtlpTraceStore.start(StoreConfigs.loading(List.of(file), true),
        Clock.fixed(now, ZoneOffset.UTC))) {
      Trace moved = rebased.getTrace(new TraceId(original.traceId())).orElseThrow();
      Duration shift = Duration.between(original.startTime(), moved.startTime());
      assertThat(moved.endTime()).isEqualTo(now);
      assertThat(moved.duration()).isEqualTo(original.duration());
      assertThat(moved.spans()).hasSameSizeAs(original.spans());
      for (int i = 0; i < moved.spans().size(); i++) {
        assertThat(moved.spans().get(i).startTime()).isEqualTo(original.spans().get(i).startTime().plus(shift));
      }
      assertThat(rebased.listServices(new TimeRange(now.minus(Duration.ofDays(1)), now.plusSeconds(1))))
          .isNotEmpty();
    }
  }

  @Test
  void aMissingPathIsAConfigurationError() {
    assertThatThrownBy(() -> OtlpFileLoader.files(dir.resolve("nope")))
        .isInstanceOf(InvalidQueryException.class).hasMessageContaining("load").hasMessageContaining("nope");
  }
}
