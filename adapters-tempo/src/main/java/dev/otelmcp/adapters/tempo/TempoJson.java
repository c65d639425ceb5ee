package dev.otelmcp.adapters.tempo;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;

/**
 * Tempo's JSON answers, as far as otel-mcp reads them (gogo jsonpb: lowerCamelCase, 64-bit integers as
 * strings, zero values omitted). Unknown fields are ignored.
 */
final class TempoJson {

  private TempoJson() {}

  /** {@code GET /api/search}. */
  record SearchResponse(List<TraceMetadata> traces) {
    List<TraceMetadata> traceList() {
      return traces == null ? List.of() : traces;
    }
  }

  /**
   * One trace of a search. {@code durationMs} is absent for traces shorter than 1 ms; {@code rootServiceName}
   * is {@code <root span not yet received>} while the root is missing; {@code spanSet} is the deprecated
   * first element of {@code spanSets}.
   */
  record TraceMetadata(
      String traceID,
      String rootServiceName,
      String rootTraceName,
      String startTimeUnixNano,
      Long durationMs,
      SpanSet spanSet,
      List<SpanSet> spanSets,
      Map<String, ServiceStats> serviceStats) {

    /** Every spanset, whichever field this Tempo version filled. */
    List<SpanSet> allSpanSets() {
      if (spanSets != null && !spanSets.isEmpty()) {
        return spanSets;
      }
      return spanSet == null ? List.of() : List.of(spanSet);
    }

    /** How many spans matched the query in this trace; {@code matched} counts beyond the spans sent back. */
    int matchedSpans() {
      int matched = 0;
      for (SpanSet set : allSpanSets()) {
        matched += set.matched() != null ? set.matched() : set.spanList().size();
      }
      return matched;
    }
  }

  /**
   * The spans of a trace that matched the query: {@code spss} of them at most (only counted: the span search fetches
   * the traces whole), and how many matched in all.
   */
  record SpanSet(List<JsonNode> spans, Integer matched) {
    List<JsonNode> spanList() {
      return spans == null ? List.of() : spans;
    }
  }

  /** Per service of a trace: its span count and (omitted when zero) error span count. */
  record ServiceStats(Integer spanCount, Integer errorCount) {}

  /** {@code GET /api/v2/search/tag/{tag}/values}. */
  record TagValuesV2(List<TypedValue> tagValues) {
    List<TypedValue> valueList() {
      return tagValues == null ? List.of() : tagValues;
    }
  }

  /** A tag value: {@code type} is string, int, float, bool, duration or keyword; the value is always text. */
  record TypedValue(String type, String value) {}

  /** {@code GET /api/search/tag/{tag}/values} (Tempo before 2.2). */
  record TagValuesV1(List<String> tagValues) {
    List<String> valueList() {
      return tagValues == null ? List.of() : tagValues;
    }
  }
}
