package dev.otelmcp.adapters.tempo;

import com.fasterxml.jackson.databind.JsonNode;
import dev.otelmcp.adapters.tempo.TempoJson.MatchedSpan;
import dev.otelmcp.adapters.tempo.TempoJson.SpanSet;
import dev.otelmcp.adapters.tempo.TempoJson.TraceMetadata;
import dev.otelmcp.domain.model.AttributeValue;
import dev.otelmcp.domain.model.Attributes;
import dev.otelmcp.domain.model.Ids;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Matched spans with the attributes a TraceQL {@code select(...)} asked for, read straight from a search
 * answer: the figures the LLM tools aggregate (models, providers, token counts) without fetching whole traces.
 *
 * <p>Not a domain {@code Span}: a spanset span has no service, kind, status, parent or events unless selected,
 * and Tempo returns at most {@code spss} of them per trace ({@link Selected#complete()} says whether that cut
 * any). The port has no operation for it yet; {@link TempoTraceStore#selectSpans} is ready for one.
 */
final class SelectedSpans {

  /** The LLM keys of the conventions otel-mcp reads (OTel GenAI old and new, OpenLLMetry), asked for on the span. */
  static final List<String> LLM_KEYS = List.of(
      "gen_ai.system", "gen_ai.provider.name", "gen_ai.operation.name", "gen_ai.request.model", "gen_ai.response.model",
      "gen_ai.usage.input_tokens", "gen_ai.usage.output_tokens", "gen_ai.usage.prompt_tokens",
      "gen_ai.usage.completion_tokens", "gen_ai.usage.total_tokens", "gen_ai.usage.cache_read.input_tokens",
      "gen_ai.usage.cache_creation.input_tokens", "gen_ai.usage.cache_read_input_tokens",
      "gen_ai.usage.cache_creation_input_tokens", "gen_ai.usage.reasoning_tokens", "llm.usage.total_tokens",
      "llm.vendor", "llm.request.type", "llm.request.model", "llm.response.model");

  /** Tempo's default {@code max_spans_per_span_set}: the most matched spans one trace can return. */
  static final int MAX_SPANS_PER_SPANSET = 100;

  /**
   * One matched span.
   *
   * @param attributes the selected attributes present on it, under their names (Tempo drops the scope)
   * @param complete whether its trace returned every span that matched (else fetch the trace for the rest)
   */
  record Selected(String traceId, String spanId, String name, Instant startTime, Duration duration,
      Attributes attributes, boolean complete) {}

  private SelectedSpans() {}

  /** The search for a spanset, with {@code select(span.k, …)} for the keys. */
  static String query(String spanset, List<String> keys) {
    return spanset + TraceQl.select(keys.stream().map(k -> TraceQl.attribute(TraceQl.Scope.SPAN, k)).toList());
  }

  /** The matched spans of one search hit that have a readable id and start. */
  static List<Selected> read(TraceMetadata hit) {
    Optional<String> traceId = Ids.normalizeTraceId(hit.traceID());
    if (traceId.isEmpty()) {
      return List.of();
    }
    List<Selected> spans = new ArrayList<>();
    for (SpanSet set : hit.allSpanSets()) {
      boolean complete = set.matched() == null || set.matched() <= set.spanList().size();
      for (MatchedSpan span : set.spanList()) {
        Optional<String> spanId = Ids.normalizeSpanId(span.spanID());
        Optional<Long> start = SummaryMapper.nanos(span.startTimeUnixNano());
        if (spanId.isEmpty() || start.isEmpty()) {
          continue;
        }
        long nanos = SummaryMapper.nanos(span.durationNanos()).orElse(0L);
        spans.add(new Selected(traceId.get(), spanId.get(), span.name() == null ? "" : span.name(),
            SummaryMapper.instant(start.get()), Duration.ofNanos(nanos), attributes(span.attributeList()), complete));
      }
    }
    return spans;
  }

  /** OTLP {@code KeyValue}s in gogo jsonpb (64-bit integers as strings); unreadable values are left out. */
  static Attributes attributes(List<JsonNode> keyValues) {
    Map<String, AttributeValue> values = new LinkedHashMap<>();
    for (JsonNode keyValue : keyValues) {
      String key = keyValue.path("key").asText("");
      if (!key.isEmpty()) {
        value(keyValue.path("value")).ifPresent(v -> values.put(key, v));
      }
    }
    return Attributes.of(values);
  }

  private static Optional<AttributeValue> value(JsonNode any) {
    if (any.hasNonNull("stringValue")) {
      return Optional.of(AttributeValue.of(any.get("stringValue").asText()));
    }
    if (any.hasNonNull("boolValue")) {
      return Optional.of(AttributeValue.of(any.get("boolValue").asBoolean()));
    }
    if (any.hasNonNull("intValue")) {
      try {
        return Optional.of(AttributeValue.of(Long.parseLong(any.get("intValue").asText().trim())));
      } catch (NumberFormatException e) {
        return Optional.empty();
      }
    }
    if (any.hasNonNull("doubleValue") && any.get("doubleValue").isNumber()) {
      return Optional.of(AttributeValue.of(any.get("doubleValue").asDouble()));
    }
    return Optional.empty();
  }
}
