package dev.otelmcp.bootstrap.e2e;

import dev.otelmcp.otlp.codec.OtlpJsonDecoder;
import dev.otelmcp.domain.model.Span;
import dev.otelmcp.domain.model.SpanEvent;
import dev.otelmcp.domain.model.Trace;
import dev.otelmcp.domain.model.Traces;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The repository's sample traces (real instrumentation output), decoded once with the project's own OTLP/JSON
 * decoder and moved, all by the same whole number of seconds, so that the newest span ends five minutes before the
 * test started: every backend fake serves exactly these spans, and every call asks for {@link #window()}.
 */
final class ParityDataset {

  private final List<Span> spans;
  private final List<Trace> traces;
  private final Instant start;
  private final Instant end;

  private ParityDataset(List<Span> spans) {
    this.spans = List.copyOf(spans);
    this.traces = Traces.group(spans);
    this.start = spans.stream().map(Span::startTime).min(Comparator.naturalOrder()).orElseThrow();
    this.end = spans.stream().map(Span::endTime).max(Comparator.naturalOrder()).orElseThrow();
  }

  /** Reads {@code samples/*.jsonl} (one export request per line) from the repository root. */
  static ParityDataset load(Path samplesDir, Instant now) {
    List<Span> decoded = new ArrayList<>();
    try (Stream<Path> files = Files.list(samplesDir)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".jsonl")).sorted().toList()) {
        for (String line : Files.readAllLines(file)) {
          if (!line.isBlank()) {
            decoded.addAll(new OtlpJsonDecoder().decode(line).spans());
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Instant newestEnd = decoded.stream().map(Span::endTime).max(Comparator.naturalOrder()).orElseThrow();
    Instant target = now.truncatedTo(ChronoUnit.SECONDS).minus(Duration.ofMinutes(5));
    // Whole seconds: the sub-second parts of every time stay as the instrumentation wrote them.
    Duration shift = Duration.ofSeconds(Duration.between(newestEnd, target).getSeconds());
    return new ParityDataset(decoded.stream().map(s -> shifted(s, shift)).toList());
  }

  private static Span shifted(Span span, Duration shift) {
    List<SpanEvent> events = span.events().stream()
        .map(e -> new SpanEvent(e.name(), e.time().plus(shift), e.attributes())).toList();
    return span.toBuilder().startTime(span.startTime().plus(shift)).events(events).build();
  }

  /** The same spans without the traces that have no root span. */
  ParityDataset rootedOnly() {
    return new ParityDataset(traces.stream().filter(t -> t.spans().stream().anyMatch(Span::isRoot))
        .flatMap(t -> t.spans().stream()).toList());
  }

  List<Span> spans() {
    return spans;
  }

  List<Trace> traces() {
    return traces;
  }

  /** The tools' window: a minute either side of the data, so no backend's rounding of the bounds matters. */
  Map<String, Object> window() {
    return Map.of("start_time", start.minus(Duration.ofMinutes(1)).truncatedTo(ChronoUnit.SECONDS).toString(),
        "end_time", end.plus(Duration.ofMinutes(1)).truncatedTo(ChronoUnit.SECONDS).toString());
  }

  /** Writes the spans as one OTLP/JSON export request per trace into {@code dir/parity.jsonl}, for {@code --load}. */
  Path writeOtlpJson(Path dir) {
    List<String> lines = traces.stream().map(t -> OtlpJson.spec().request(t.spans()).toString()).toList();
    try {
      Files.write(dir.resolve("parity.jsonl"), lines);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return dir;
  }
}
