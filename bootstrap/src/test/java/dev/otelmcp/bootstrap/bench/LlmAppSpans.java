package dev.otelmcp.bootstrap.bench;

import dev.otelmcp.adapters.clickhouse.SampleTables;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

/**
 * The benchmark's data in ClickHouse: the Collector {@code clickhouse} exporter's Map-variant tables (as its
 * {@code create_schema} makes them: the spans table, the trace-id lookup table and the materialized view that fills
 * it), the LLM-app spans generated inside the engine by one {@code INSERT … SELECT … FROM numbers(N)}
 * ({@code bench/llm-app-spans.sql}), and what they hold, counted in SQL — the answers the tools must give.
 */
final class LlmAppSpans {

  static final String DATABASE = "otel";
  static final String SPANS = "otel_traces";
  static final String TABLE = DATABASE + "." + SPANS;

  /** Keys a span's model is read from (the domain's LlmConventions). */
  private static final List<String> MODEL_KEYS = List.of("gen_ai.request.model", "llm.request.model",
      "llm.request.model_name", "embedding.model_name", "gen_ai.response.model", "llm.response.model",
      "llm.response.model_name", "llm.model_name");

  /** Keys a call's token counts are read from (input, output, total, cache, reasoning). */
  private static final List<String> USAGE_KEYS = List.of("gen_ai.usage.input_tokens", "gen_ai.usage.prompt_tokens",
      "llm.usage.prompt_tokens", "llm.usage.input_tokens", "llm.token_count.prompt", "gen_ai.usage.output_tokens",
      "gen_ai.usage.completion_tokens", "llm.usage.completion_tokens", "llm.usage.output_tokens",
      "llm.token_count.completion", "gen_ai.usage.total_tokens", "llm.usage.total_tokens", "llm.token_count.total",
      "gen_ai.usage.cache_read.input_tokens", "gen_ai.usage.cache_read_input_tokens",
      "llm.usage.cache_read_input_tokens", "llm.token_count.prompt_details.cache_read",
      "gen_ai.usage.cache_creation.input_tokens", "gen_ai.usage.cache_creation_input_tokens",
      "llm.usage.cache_creation_input_tokens", "llm.token_count.prompt_details.cache_write",
      "gen_ai.usage.reasoning.output_tokens", "gen_ai.usage.reasoning_tokens", "llm.usage.reasoning_tokens",
      "llm.token_count.completion_details.reasoning");

  /** What the generated data holds. */
  record Truth(long spans, long traces, long candidates, long wrappers, long tracesWithCalls) {
    /** The calls the LLM view counts: every span recording a call but the wrappers of a call reporting usage. */
    long llmCalls() {
      return candidates - wrappers;
    }
  }

  private LlmAppSpans() {}

  /** Creates the tables and the view, then generates about {@code spans} spans before {@code now}. */
  static long generate(ChdbShim engine, long spans, Instant now) {
    engine.execute("CREATE DATABASE IF NOT EXISTS " + DATABASE);
    // The exporter's tables and the view that fills the lookup table on every insert, created before the data.
    engine.execute(SampleTables.mapTable(DATABASE, SPANS));
    engine.execute(SampleTables.lookupTable(DATABASE, SPANS));
    engine.execute(SampleTables.lookupView(DATABASE, SPANS));
    // Five services of 8, 12, 10, 6 and 14 spans: every five traces hold 50 spans.
    long traces = Math.max(5, Math.round(spans / 50.0) * 5);
    String sql = resource("bench/llm-app-spans.sql")
        .replace("{{table}}", TABLE)
        .replace("{{now_ns}}", Long.toString(now.getEpochSecond() * 1_000_000_000L + now.getNano()))
        .replace("{{traces}}", Long.toString(traces));
    engine.execute(sql);
    return traces;
  }

  /**
   * Counts, in SQL and independently of the adapter, what the LLM view must find: spans recording a call (a model or
   * token key, and not an orchestration or tool span by {@code gen_ai.operation.name}, {@code traceloop.span.kind} or
   * {@code openinference.span.kind}), and among them the wrappers — calls with a call reporting usage under them. In
   * this data a wrapper's calls are its children, so children are all that is looked at.
   */
  static Truth truth(ChdbShim engine) {
    String candidates = "SELECT TraceId, SpanId, ParentSpanId, hasAny(mapKeys(SpanAttributes), " + array(USAGE_KEYS)
        + ") AS reports_usage FROM " + TABLE
        + " WHERE (hasAny(mapKeys(SpanAttributes), " + array(MODEL_KEYS) + ") OR reports_usage)"
        + " AND lower(trim(SpanAttributes['gen_ai.operation.name'])) NOT IN"
        + " ('invoke_agent', 'create_agent', 'execute_tool', 'invoke_workflow')"
        + " AND lower(trim(SpanAttributes['traceloop.span.kind'])) NOT IN ('workflow', 'task', 'agent', 'tool')"
        + " AND lower(trim(SpanAttributes['openinference.span.kind'])) NOT IN ('agent', 'tool', 'chain')";
    String[] counts = engine.execute("WITH candidates AS (" + candidates + ")"
        + " SELECT (SELECT count() FROM " + TABLE + "), (SELECT uniqExact(TraceId) FROM " + TABLE + "),"
        + " count(), countIf((TraceId, SpanId) IN (SELECT TraceId, ParentSpanId FROM candidates WHERE reports_usage)),"
        + " uniqExact(TraceId) FROM candidates FORMAT TabSeparated").strip().split("\t");
    return new Truth(Long.parseLong(counts[0]), Long.parseLong(counts[1]), Long.parseLong(counts[2]),
        Long.parseLong(counts[3]), Long.parseLong(counts[4]));
  }

  /** The spans table's size on disk and uncompressed, and the lookup table's rows. */
  static String storage(ChdbShim engine) {
    return engine.execute("SELECT concat(formatReadableSize(sum(bytes_on_disk)), ' on disk, ',"
        + " formatReadableSize(sum(data_uncompressed_bytes)), ' uncompressed, ', toString(count()), ' parts; lookup"
        + " table: ', toString((SELECT count() FROM " + TABLE + "_trace_id_ts FINAL)), ' trace ids')"
        + " FROM system.parts WHERE database = '" + DATABASE + "' AND table = 'otel_traces' AND active"
        + " FORMAT TabSeparatedRaw").strip();
  }

  private static String array(List<String> keys) {
    return "['" + String.join("', '", keys) + "']";
  }

  private static String resource(String name) {
    try (InputStream in = LlmAppSpans.class.getClassLoader().getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException(name + " is not on the classpath");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
