package dev.otelmcp.adapters.clickhouse;

import com.fasterxml.jackson.databind.JsonNode;
import dev.otelmcp.domain.llm.ToolGroup;
import dev.otelmcp.domain.port.LlmToolUsage;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * The window's tool calls counted inside ClickHouse, in one statement whose answer is a row per tool and service
 * whatever the window holds: the window's traces and their counted LLM calls as {@link WindowCalls} reads them, each
 * span read as a tool call or not ({@link ToolColumns}); per trace, a tool call with a span of the same tool above it
 * is left out, as {@code ToolCalls.of} leaves it out (its ancestors are walked up the parent links); the tool calls
 * left, of the traces holding an LLM call of the provider asked for, are counted by tool and service.
 *
 * <p>Only the {@code Map} variant, as {@link ClickHouseUsageSums}.
 */
final class ClickHouseToolUsage implements LlmToolUsage {

  private final WindowCalls window;

  ClickHouseToolUsage(WindowCalls window) {
    this.window = window;
  }

  @Override
  public Report count(Request request, Consumer<ToolGroup> groups) {
    SqlParams params = new SqlParams();
    List<JsonNode> rows = window.rows("LLM tool usage", params, settings -> statement(request, params, settings));
    WindowCalls.Totals totals = new WindowCalls.Totals();
    long llmCalls = 0;
    long llmWarnings = 0;
    for (JsonNode row : rows) {
      totals.add(row);
      llmCalls += row.path("llm_calls").asLong();
      llmWarnings += row.path("llm_warnings").asLong();
      if (row.path("calls").asLong() > 0) {
        groups.accept(new ToolGroup(row.path("tool").asText(), row.path("service").asText(""),
            row.path("calls").asLong(), row.path("errors").asLong(), row.path("duration_ns").asLong(),
            SpanRows.instant(Long.parseLong(row.path("first_ns").asText("0"))),
            SpanRows.instant(Long.parseLong(row.path("last_ns").asText("0")))));
      }
    }
    return new Report(totals.traces(), totals.spans(), llmCalls, llmWarnings, totals.more(request.traceLimit()));
  }

  /** @param settings more settings, each after a comma ({@code ""}: none) */
  String statement(Request request, SqlParams params, String settings) {
    // One trace more than asked for says whether more remain; its spans are read but not counted.
    int limit = WindowCalls.kept(request.traceLimit());
    String kept = "rank_ <= " + params.uint32(limit);
    String tools = "groupArray(tname_) AS tnames_, groupArrayIf(tuple(SpanId, tname_, ServiceName, ns_, dur_, "
        + "failed_), tname_ != '') AS tools_";
    String spans = window.spans(request.window(), request.traceFilters(), limit, params,
        new ToolColumns(params).stages());
    String trace = WindowCalls.traces(spans, kept, "", ", " + tools, ", " + counted(request, kept, params)
        + " AS counted_tools_");
    return "SELECT t_.2 AS tool, t_.3 AS service, " + String.format(WindowCalls.TOTALS, kept) + ", "
        + "sumIf(length(counted_), n_ <= 1) AS llm_calls, "
        + "sumIf(arraySum(c_ -> c_.8, counted_), n_ <= 1) AS llm_warnings, countIf(n_ > 0) AS calls, "
        + "sumIf(t_.6, n_ > 0) AS errors, toString(sumIf(t_.5, n_ > 0)) AS duration_ns, "
        + "toString(minIf(t_.4, n_ > 0)) AS first_ns, toString(maxIf(t_.4, n_ > 0)) AS last_ns"
        // A trace without counted tool calls still gives a row (n_ = 0), which counts the trace and its spans.
        + " FROM (" + trace + ") LEFT ARRAY JOIN counted_tools_ AS t_, arrayEnumerate(counted_tools_) AS n_"
        + " GROUP BY tool, service" + SpanRows.SETTINGS + settings + " FORMAT JSONEachRow";
  }

  /**
   * The trace's counted tool calls: none when the trace is not kept or holds no LLM call of the provider; else its
   * tool calls (of the tool service) without a span of the same tool above them.
   */
  private static String counted(Request request, String kept, SqlParams params) {
    String provider = request.provider() == null ? ""
        : " AND arrayExists(c_ -> ifNull(lowerUTF8(c_.4) = "
            + params.string(request.provider().toLowerCase(Locale.ROOT)) + ", 0), counted_)";
    String service = request.toolService() == null ? "" : "t_.3 = " + params.string(request.toolService()) + " AND ";
    // Up the parent links from the tool's span: (the ancestor reached, whether one was the same tool, the tool).
    String nested = "arrayFold((acc_, x_) -> if(acc_.1 = 0 OR acc_.2 = 1, acc_, "
        + "(toUInt64(pidx_[acc_.1]), toUInt8(tnames_[acc_.1] = acc_.3), acc_.3)), range(length(ids_)), "
        + "(toUInt64(pidx_[indexOf(ids_, t_.1)]), toUInt8(0), t_.2)).2 = 1";
    return "if(" + kept + provider + ", arrayFilter(t_ -> " + service + "NOT (" + nested + "), tools_), [])";
  }
}
