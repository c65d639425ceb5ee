package dev.otelmcp.adapters.clickhouse;

import com.fasterxml.jackson.databind.JsonNode;
import dev.otelmcp.domain.error.UnsupportedQueryException;
import dev.otelmcp.domain.model.Trace;
import dev.otelmcp.domain.port.LlmTraceRanking;
import dev.otelmcp.domain.pricing.UnitRates;
import dev.otelmcp.domain.llm.LlmAttributeKeys;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The window's traces ranked inside ClickHouse, and only the page's traces read. Three statements: the price keys of
 * the window's calls (provider, model, and where they fall among the price breaks), each then given its rates by
 * otel-mcp ({@link RateColumns}); the ranking, which prices every counted call of every trace as {@link WindowCalls}
 * reads them, sums each trace and keeps the top of the ranking; and the page's traces, whole. A ranking cut short
 * would be a wrong one: the statements stop at the call's stop time and the call says it stopped.
 *
 * <p>Only the {@code Map} variant, as the other SQL aggregates.
 */
final class ClickHouseTraceRanking implements LlmTraceRanking {

  /** The deepest page a statement keeps the top of the ranking for; a deeper one is read instead. */
  static final int DEEPEST = 100_000;
  /** The most characters of parameters a ranking sends: half of a server's default bound on a request's URI. */
  static final long MAX_PARAMETERS = 512 * 1024;

  /** A span's end in nanoseconds: a trace lasts from its first start to its last end. */
  private static final String END = "toUnixTimestamp64Nano(Timestamp) + toInt64(Duration) AS end_c_";

  private final WindowCalls window;

  ClickHouseTraceRanking(WindowCalls window) {
    this.window = window;
  }

  @Override
  public Report rank(Request request, Consumer<Trace> page) {
    if ((long) request.offset() + request.size() > DEEPEST && request.size() > 0) {
      throw new UnsupportedQueryException("a page beyond rank " + DEEPEST + " is not ranked in SQL",
          "otel-mcp reads the traces instead.");
    }
    Map<RateColumns.Key, UnitRates> priced = priced(request) ? prices(request) : Map.of();
    Ranking ranking = ranking(request, priced);
    List<TraceSearch.Found> found = ranking.top().stream().skip(request.offset())
        .map(top -> new TraceSearch.Found(top.traceId(), top.startNanos())).toList();
    window.traces(request.window(), found).forEach(page);
    return ranking.report();
  }

  /**
   * A trace at the top of the ranking, with what it was ranked by ({@code first}, then {@code second}: cost in whole
   * billionths of a dollar, tokens, or duration in nanoseconds).
   */
  record Top(String traceId, long startNanos, long first, long second) {}

  /** The ranking statement's answer: the top of the ranking down to the page's end, and what was read. */
  record Ranking(List<Top> top, Report report) {}

  /** Runs the ranking statement, the calls priced with {@code priced}. */
  Ranking ranking(Request request, Map<RateColumns.Key, UnitRates> priced) {
    SqlParams params = new SqlParams();
    JsonNode row = window.rows("LLM trace ranking", params, settings -> {
      String statement = statement(request, priced, params, settings);
      // The rates travel in the URI, which a server bounds (1 MiB by default): far more prices than that are read.
      if (params.length() > MAX_PARAMETERS) {
        throw new UnsupportedQueryException("the prices of this window's " + priced.size() + " price keys are too "
            + "many to send with a statement", "otel-mcp reads the traces instead.");
      }
      return statement;
    }).get(0);
    List<Top> top = new ArrayList<>();
    for (JsonNode t : row.path("top")) {
      top.add(new Top(t.path(2).asText(), Long.parseLong(t.path(3).asText()), -Long.parseLong(t.path(0).asText()),
          -Long.parseLong(t.path(1).asText())));
    }
    WindowCalls.Totals totals = new WindowCalls.Totals();
    totals.add(row);
    return new Ranking(top, new Report(row.path("ranked").asLong(), row.path("ranked_calls").asLong(),
        totals.traces(), totals.spans(), row.path("warnings").asLong(), totals.more(request.traceLimit())));
  }

  /** Whether the ranking needs the calls' prices: to rank by them, or to keep traces that cost enough. */
  private static boolean priced(Request request) {
    return request.measure() != Measure.DURATION || request.minCostUsd() != null;
  }

  /**
   * The window's price keys, each with its rates (keys without rates are left out: their calls add no cost). Every
   * provider, model, dated period and part of the day a span of the scan names is listed, with one start in it; each is
   * then given the rates of every tier, asked with an input in that tier (a call's rates depend on nothing else).
   */
  Map<RateColumns.Key, UnitRates> prices(Request request) {
    SqlParams params = new SqlParams();
    List<JsonNode> keys = window.rows("LLM price keys", params, settings -> keysStatement(request, params, settings));
    List<Long> tierStarts = request.breaks().tierStarts();
    Map<RateColumns.Key, UnitRates> priced = new LinkedHashMap<>();
    for (JsonNode key : keys) {
      String provider = key.path("kprov_").asText();
      String model = key.path("kmodel_").asText();
      Instant at = SpanRows.instant(Long.parseLong(key.path("at_ns").asText()));
      for (int tier = 0; tier <= tierStarts.size(); tier++) {
        // The least input past the tier's start: in that tier, and in no later one (the starts are ascending).
        long input = tier == 0 ? 0 : tierStarts.get(tier - 1) + 1;
        RateColumns.Key priceKey = new RateColumns.Key(provider, model, tier, key.path("kd_").asInt(),
            key.path("ko_").asInt());
        request.rates().rates(provider.isEmpty() ? null : provider, model, at, input)
            .ifPresent(rates -> priced.put(priceKey, rates));
      }
    }
    return priced;
  }

  /**
   * The providers, models, dated periods and parts of the day the spans of the scan name, with one start each: the
   * spans' model and provider keys read as the call reading reads them ({@link CallColumns#text}), no more — a few of
   * the keys of every span, not the whole call reading (a span naming a model that is no call only adds a key).
   */
  String keysStatement(Request request, SqlParams params, String settings) {
    CallColumns columns = new CallColumns(params);
    LlmAttributeKeys.CallKeys keys = LlmAttributeKeys.CALL_KEYS;
    List<String> read = new ArrayList<>();
    String texts = String.join(", ", columns.text(keys.provider(), "prov_", read),
        columns.text(keys.requestModel(), "req_", read), columns.text(keys.responseModel(), "resp_", read));
    List<String> segments = PriceSegments.of(request.breaks(), "0", "ns_", window.scanNanos(request.window()), params);
    return "SELECT ifNull(prov_, '') AS kprov_, ifNull(resp_, ifNull(req_, '')) AS kmodel_, " + segments.get(1)
        + " AS kd_, " + segments.get(2) + " AS ko_, toString(min(ns_)) AS at_ns FROM (SELECT ns_, " + texts
        + " FROM (SELECT toUnixTimestamp64Nano(Timestamp) AS ns_, " + String.join(", ", read) + " FROM "
        + window.config().spansTable() + " WHERE " + window.scanRange(params, request.window()) + "))"
        + " WHERE kmodel_ != '' GROUP BY kprov_, kmodel_, kd_, ko_" + SpanRows.SETTINGS + settings
        + " FORMAT JSONEachRow";
  }

  /** The ranking: what was read, how many traces qualify, and the top of the ranking down to the page's end. */
  String statement(Request request, Map<RateColumns.Key, UnitRates> priced, SqlParams params, String settings) {
    // One trace more than asked for says whether more remain; its spans are read but not ranked.
    int limit = WindowCalls.kept(request.traceLimit());
    String kept = "rank_ <= " + params.uint32(limit);
    boolean costs = priced(request);
    String spans = window.spans(request.window(), request.traceFilters(), limit, params, costs
        ? stages(request, params, new RateColumns(params).costStages(priced,
            PriceSegments.counts(request.breaks(), window.scanNanos(request.window())))) : List.of(END));
    // Rounded to whole billionths as Java rounds (Math.round: half up), the cost answers show and rank by.
    String cost = costs ? "arraySum(c_ -> c_.18, counted_)" : "0.0";
    String columns = ", TraceId AS trace_, toString(start_) AS start_ns_, end_ - start_ AS dur_, "
        + "arraySum(c_ -> ifNull(c_.11, 0), counted_) AS tokens_, toInt64(floor(" + cost + " * 1e9 + 0.5)) AS cost_n_, "
        + qualifies(request, kept, params) + " AS q_";
    String traces = WindowCalls.traces(spans, kept, costs ? ", cost_c_" : "",
        ", min(ns_) AS start_, max(end_c_) AS end_", columns);
    String first = switch (request.measure()) {
      case COST -> "cost_n_";
      case TOKENS -> "tokens_";
      case DURATION -> "dur_";
    };
    String second = switch (request.measure()) {
      case COST -> "tokens_";
      case TOKENS -> "cost_n_";
      case DURATION -> "0";
    };
    long depth = Math.max(1, Math.min((long) request.offset() + request.size(), DEEPEST));
    return "SELECT " + String.format(WindowCalls.TRACE_TOTALS, kept) + ", "
        + "sum(arraySum(c_ -> c_.8, counted_)) AS warnings, countIf(q_) AS ranked, "
        + "sumIf(length(counted_), q_) AS ranked_calls, "
        + "groupArraySortedIf(" + params.uint32((int) depth) + ")(tuple(-toInt64(" + first + "), -toInt64(" + second
        + "), trace_, start_ns_), q_) AS top"
        + " FROM (" + traces + ")" + SpanRows.SETTINGS + settings + " FORMAT JSONEachRow";
  }

  /** The spans' stages: their end, their price key, and the stages after it ({@code costStages}: the price). */
  private List<String> stages(Request request, SqlParams params, List<String> costStages) {
    List<String> segments = PriceSegments.of(request.breaks(), "bin_", "ns_", window.scanNanos(request.window()),
        params);
    List<String> more = new ArrayList<>(List.of(END, "", "", "", "", RateColumns.keyStage(segments)));
    more.addAll(costStages);
    return more;
  }

  /**
   * Whether a trace is ranked: kept, holding a counted call of the service, provider (ignoring case) and models asked
   * for, with the tokens and cost asked for.
   */
  private static String qualifies(Request request, String kept, SqlParams params) {
    Qualifying q = request.qualifying();
    List<String> call = new ArrayList<>();
    call.add("1");
    if (q.serviceName() != null) {
      call.add("c_.2 = " + params.string(q.serviceName()));
    }
    if (q.provider() != null) {
      call.add("ifNull(lowerUTF8(c_.4) = " + params.string(q.provider().toLowerCase(Locale.ROOT)) + ", 0)");
    }
    if (q.requestModel() != null) {
      call.add("ifNull(c_.5 = " + params.string(q.requestModel()) + ", 0)");
    }
    if (q.responseModel() != null) {
      call.add("ifNull(c_.6 = " + params.string(q.responseModel()) + ", 0)");
    }
    String condition = kept + " AND arrayExists(c_ -> " + String.join(" AND ", call) + ", counted_)"
        + " AND tokens_ >= " + params.int64(request.minTokens());
    if (request.minCostUsd() != null) {
      // As Java compares the rounded cost: the whole billionths over 1e9, against the very number asked for.
      condition += " AND cost_n_ / 1e9 >= " + params.float64Exact(request.minCostUsd());
    }
    return "(" + condition + ")";
  }
}
