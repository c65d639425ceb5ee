package dev.otelmcp.adapters.clickhouse;

import com.fasterxml.jackson.databind.JsonNode;
import dev.otelmcp.domain.llm.LlmCall;
import dev.otelmcp.domain.llm.TokenUsage;
import dev.otelmcp.domain.model.Span;
import dev.otelmcp.domain.model.SpanKind;
import dev.otelmcp.domain.port.LlmModelCalls;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * A few models' LLM calls picked out of a window inside ClickHouse, in one statement: the window's traces and their
 * counted calls as {@link WindowCalls} reads them, with each call's duration, scope, token figures as reported and
 * finish reasons ({@link FinishReasonColumns}) besides; the calls are grouped by provider and pair of models, and the
 * calls picked (of one of the models, or without a response model) each make a group of their own. The answer is a row
 * per pair and per call picked — the calls of a model, not every trace of the window — read as it arrives.
 *
 * <p>Only the {@code Map} variant, as {@link ClickHouseUsageSums}.
 */
final class ClickHouseModelCalls implements LlmModelCalls {

  /** The fields added to each call's tuple, from its 18th on: duration, scope, the figures as reported, reasons. */
  private static final String CALL_FIELDS = ", dur_, scope_, in_, out_, tot_, cr_, cc_, rs_, reasons_";

  private final WindowCalls window;

  ClickHouseModelCalls(WindowCalls window) {
    this.window = window;
  }

  @Override
  public Report calls(Request request, Visitor visitor) {
    SqlParams params = new SqlParams();
    WindowCalls.Totals totals = new WindowCalls.Totals();
    long[] warnings = {0};
    // The rows are read as they arrive: a popular model's calls are many.
    window.stream("LLM calls of " + request.models(), params, settings -> statement(request, params, settings), row -> {
      totals.add(row);
      warnings[0] += row.path("warnings").asLong();
      long calls = row.path("calls").asLong();
      if (calls > 0) {
        visitor.pair(text(row, "prov"), text(row, "req"), text(row, "resp"), calls);
        if (row.path("picked").asInt() == 1) {
          visitor.call(call(row));
        }
      }
      return true;
    });
    return new Report(totals.traces(), totals.spans(), warnings[0], totals.more(request.traceLimit()));
  }

  /** @param settings more settings, each after a comma ({@code ""}: none) */
  String statement(Request request, SqlParams params, String settings) {
    // One trace more than asked for says whether more remain; its spans are read but not counted.
    int limit = WindowCalls.kept(request.traceLimit());
    String kept = "rank_ <= " + params.uint32(limit);
    List<String> models = new ArrayList<>();
    request.models().stream().sorted().forEach(model -> models.add(params.string(model)));
    String named = "(" + String.join(", ", models) + ")";
    String picked = "n_ > 0 AND (c_.6 IS NULL OR c_.5 IN " + named + " OR c_.6 IN " + named + ")";
    String spans = window.spans(request.window(), request.traceFilters(), limit, params,
        withDuration(new FinishReasonColumns(params, new CallColumns(params)).stages()));
    // A call picked is a group of its own (its trace and span id); the others are grouped by provider and models.
    String pick = "if(" + picked + ", concat(TraceId, ':', c_.1), '')";
    return "SELECT c_.4 AS prov, c_.5 AS req, c_.6 AS resp, toUInt8(" + pick + " != '') AS picked, "
        + "countIf(n_ > 0) AS calls, sumIf(c_.8, n_ > 0) AS warnings, " + String.format(WindowCalls.TOTALS, kept)
        + ", any(TraceId) AS trace_id, any(c_.1) AS span_id, any(c_.2) AS service, toString(any(c_.3)) AS start_ns, "
        + "toString(any(c_.18)) AS duration_ns, any(c_.19) AS scope, any(c_.7) AS failed, "
        + "any(c_.8) AS call_warnings, any(c_.20) AS input, any(c_.21) AS output, any(c_.22) AS total, "
        + "any(c_.23) AS cache_read, any(c_.24) AS cache_creation, any(c_.25) AS reasoning, any(c_.26) AS reasons"
        // A trace without counted calls still gives a row (n_ = 0), which counts the trace and its spans.
        + " FROM (" + WindowCalls.traces(spans, kept, CALL_FIELDS, "", ", TraceId") + ")"
        + " LEFT ARRAY JOIN counted_ AS c_, arrayEnumerate(counted_) AS n_"
        + " GROUP BY prov, req, resp, " + pick + SpanRows.SETTINGS + settings + " FORMAT JSONCompactEachRowWithNames";
  }

  /** The finish reasons' select lists, the span's duration in nanoseconds added to the first. */
  private static List<String> withDuration(List<String> stages) {
    List<String> all = new ArrayList<>(stages);
    all.set(0, all.get(0) + ", " + FilterSql.DURATION_NANOS + " AS dur_");
    return all;
  }

  /** The call a picked row holds, with what the SPI hands on. */
  private static LlmCall call(JsonNode row) {
    Span span = Span.builder().traceId(row.path("trace_id").asText()).spanId(row.path("span_id").asText())
        .name("").kind(SpanKind.UNSPECIFIED)
        .startTime(SpanRows.instant(Long.parseLong(row.path("start_ns").asText("0"))))
        .duration(Duration.ofNanos(Long.parseLong(row.path("duration_ns").asText("0"))))
        .serviceName(row.path("service").asText(""))
        .scopeName(row.path("scope").asText("")).build();
    List<String> reasons = new ArrayList<>();
    row.path("reasons").forEach(reason -> reasons.add(reason.asText()));
    TokenUsage usage = new TokenUsage(count(row, "input"), count(row, "output"), count(row, "total"),
        count(row, "cache_read"), count(row, "cache_creation"), count(row, "reasoning"));
    return new LlmCall(span, text(row, "prov"), null, text(row, "req"), text(row, "resp"), usage, List.copyOf(reasons),
        row.path("failed").asBoolean() || row.path("failed").asInt() == 1, null, null,
        row.path("call_warnings").asInt(), null);
  }

  private static Long count(JsonNode row, String field) {
    JsonNode value = row.path(field);
    return value.isNull() || value.isMissingNode() ? null : value.asLong();
  }

  private static String text(JsonNode row, String field) {
    JsonNode value = row.path(field);
    return value.isNull() || value.isMissingNode() ? null : value.asText();
  }
}
