package dev.otelmcp.bootstrap.bench;

import dev.otelmcp.application.usecase.GetLlmUsageUseCase;
import dev.otelmcp.bootstrap.config.MapBackendSettings;
import dev.otelmcp.domain.model.TimeRange;
import dev.otelmcp.domain.port.TraceStore;
import dev.otelmcp.domain.port.TraceStoreProvider;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The built-in store beside ClickHouse: {@link StoreBenchmark}'s data — copies of the sample traces over the last
 * 23 hours, sent to the store's OTLP/HTTP receiver as protobuf — then the same three tools, timed the same way.
 * The data is not the ClickHouse run's (the store is filled over OTLP, not by SQL), but of the same kind: real
 * instrumentation output of LLM apps with workflows, agents, tools and calls.
 */
final class BuiltInComparison {

  private BuiltInComparison() {}

  static List<ClickHouseBenchmark.Row> run(Path samples, long spans, int runs, Duration timeout) throws Exception {
    Path dir = Files.createTempDirectory("otel-mcp-bench-builtin");
    try {
      return run(samples, dir, Math.toIntExact(spans), runs, timeout);
    } finally {
      try (var paths = Files.walk(dir)) {
        for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
          Files.delete(path);
        }
      }
    }
  }

  private static List<ClickHouseBenchmark.Row> run(Path samples, Path dir, int spans, int runs, Duration timeout)
      throws Exception {
    Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    Path requests = dir.resolve("requests.bin");
    int count = new SampleReplicas(samples).write(requests, spans, now);
    TraceStoreProvider provider = ServiceLoader.load(TraceStoreProvider.class).stream()
        .map(ServiceLoader.Provider::get).filter(p -> p.name().equals("otlp")).findFirst().orElseThrow();
    TraceStore store = provider.create(new MapBackendSettings(Map.of("otlp_port", "0",
        "data_dir", dir.resolve("data").toString(), "retention", "off", "max_spans", "0"), Map.of()));
    try {
      TimeRange window = new TimeRange(now.minus(Duration.ofHours(24)), now.plusSeconds(1));
      store.listServices(window); // waits until the store has started
      long started = System.nanoTime();
      StoreBenchmark.send(requests, StoreBenchmark.endpoint(store));
      System.out.printf("%n== built-in store: %,d spans of sample copies sent in %,d OTLP/HTTP requests in %.1f s; %s%n",
          spans, count, (System.nanoTime() - started) / 1e9, store.health().detail());

      // Copies are whole traces: the store holds a little more than asked for; its own count is the truth.
      Matcher held = Pattern.compile("(\\d+) spans in").matcher(store.health().detail());
      if (!held.find()) {
        throw new IllegalStateException("the store's health names no span count: " + store.health().detail());
      }
      try (ClickHouseBenchmark.ToolSet tools = ClickHouseBenchmark.ToolSet.of(store,
          Clock.fixed(now.plusSeconds(1), ZoneOffset.UTC))) {
        return rows(tools, Integer.parseInt(held.group(1)), runs, timeout);
      }
    } finally {
      store.close();
    }
  }

  private static List<ClickHouseBenchmark.Row> rows(ClickHouseBenchmark.ToolSet tools, int spans, int runs,
      Duration timeout) {
    List<ClickHouseBenchmark.Row> rows = new ArrayList<>();
    String backend = "built-in store";
    ClickHouseBenchmark.Measured usage = ClickHouseBenchmark.measure(tools.usage(), tools.usage(), Map.of(), runs,
        timeout, null);
    check("get_llm_usage", usage.answer(), spans);
    rows.add(usage.row(backend, spans, "get_llm_usage"));
    GetLlmUsageUseCase.Result result = (GetLlmUsageUseCase.Result) usage.answer().result();
    String model = ClickHouseBenchmark.topModel(result);
    ClickHouseBenchmark.Measured stats = ClickHouseBenchmark.measure(tools.modelStats(), tools.modelStats(),
        Map.of("model_name", model), runs, timeout, null);
    check("get_llm_model_stats", stats.answer(), spans);
    if (stats.answer().whole() && stats.answer().count() != ClickHouseBenchmark.callsOf(result, model)) {
      throw new IllegalStateException("get_llm_model_stats counted " + stats.answer().count() + " calls of " + model
          + ", get_llm_usage " + ClickHouseBenchmark.callsOf(result, model));
    }
    rows.add(stats.row(backend, spans, "get_llm_model_stats (" + model + ")"));
    ClickHouseBenchmark.Measured expensive = ClickHouseBenchmark.measure(tools.expensive(), tools.expensive(),
        Map.of(), runs, timeout, null);
    check("get_llm_expensive_traces", expensive.answer(), spans);
    rows.add(expensive.row(backend, spans, "get_llm_expensive_traces"));
    return rows;
  }

  /** A whole answer must have read every span the store holds. */
  private static void check(String tool, ClickHouseBenchmark.Answer answer, int spans) {
    if (answer.whole() && answer.scope().spansScanned() != spans) {
      throw new IllegalStateException(tool + " read " + answer.describe() + " of " + spans + " spans held");
    }
  }
}
