package dev.otelmcp.bootstrap.bench;

import dev.otelmcp.otlp.codec.OtlpJsonDecoder;
import dev.otelmcp.otlp.codec.OtlpProtobufEncoder;
import dev.otelmcp.domain.model.Span;
import dev.otelmcp.domain.model.SpanEvent;
import dev.otelmcp.domain.model.Trace;
import dev.otelmcp.domain.model.Traces;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.Stream;

/**
 * Benchmark data made from the repository's sample traces (real instrumentation output): each sample trace is
 * copied with fresh trace and span ids and moved to a random start within the last 24 hours, until the wanted
 * number of spans is reached. Written as OTLP protobuf export requests of about 1,000 spans each.
 */
final class SampleReplicas {

  private static final HexFormat HEX = HexFormat.of();

  private final List<Trace> samples;
  private final SplittableRandom random = new SplittableRandom(42);

  SampleReplicas(Path samplesDir) throws IOException {
    List<Span> spans = new ArrayList<>();
    try (Stream<Path> files = Files.list(samplesDir)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".jsonl")).sorted().toList()) {
        try (InputStream in = Files.newInputStream(file)) {
          spans.addAll(new OtlpJsonDecoder().decode(in).spans());
        }
      }
    }
    this.samples = Traces.group(spans);
  }

  int sampleSpans() {
    return samples.stream().mapToInt(Trace::spanCount).sum();
  }

  /**
   * Writes export requests holding {@code totalSpans} spans to {@code file} ({@code [int length][bytes]} each).
   *
   * @return how many requests
   */
  int write(Path file, int totalSpans, Instant now) throws IOException {
    int requests = 0;
    int written = 0;
    try (DataOutputStream out = new DataOutputStream(new java.io.BufferedOutputStream(Files.newOutputStream(file), 1 << 20))) {
      List<Span> batch = new ArrayList<>(1_100);
      while (written < totalSpans) {
        Trace sample = samples.get(random.nextInt(samples.size()));
        batch.addAll(copy(sample, now));
        if (batch.size() >= 1_000 || written + batch.size() >= totalSpans) {
          byte[] request = OtlpProtobufEncoder.encode(batch).toByteArray();
          out.writeInt(request.length);
          out.write(request);
          written += batch.size();
          requests++;
          batch.clear();
        }
      }
    }
    return requests;
  }

  /** {@code count} copies of sample traces, each with fresh ids and a random start within the last 23 hours. */
  List<Trace> traces(int count, Instant now) {
    List<Trace> traces = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      List<Span> spans = copy(samples.get(random.nextInt(samples.size())), now);
      traces.add(new Trace(spans.get(0).traceId(), spans));
    }
    return traces;
  }

  private List<Span> copy(Trace sample, Instant now) {
    String traceId = id(16);
    Map<String, String> ids = new HashMap<>();
    sample.spans().forEach(s -> ids.put(s.spanId(), id(8)));
    Instant start = now.minus(Duration.ofMillis(1 + random.nextLong(Duration.ofHours(23).toMillis())));
    Duration shift = Duration.between(sample.startTime(), start);
    List<Span> out = new ArrayList<>(sample.spanCount());
    for (Span span : sample.spans()) {
      List<SpanEvent> events = span.events().stream()
          .map(e -> new SpanEvent(e.name(), e.time().plus(shift), e.attributes())).toList();
      out.add(span.toBuilder().traceId(traceId).spanId(ids.get(span.spanId()))
          .parentSpanId(span.parentSpanId() == null ? null : ids.getOrDefault(span.parentSpanId(), id(8)))
          .startTime(span.startTime().plus(shift)).events(events).build());
    }
    return out;
  }

  private String id(int bytes) {
    byte[] raw = new byte[bytes];
    random.nextBytes(raw);
    raw[0] |= 1;
    return HEX.formatHex(raw);
  }
}
