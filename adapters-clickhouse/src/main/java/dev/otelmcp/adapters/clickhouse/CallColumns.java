package dev.otelmcp.adapters.clickhouse;

import dev.otelmcp.domain.llm.BillableTokens;
import dev.otelmcp.domain.llm.LlmAttributeKeys;
import dev.otelmcp.domain.llm.SpanRole;
import dev.otelmcp.domain.model.ErrorDetails;
import dev.otelmcp.domain.model.SpanEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The domain's reading of an LLM call ({@code LlmCalls.read}, {@code BillableTokens}) written as ClickHouse
 * expressions over one span of the exporter's {@code Map} variant, from the same key lists the Java reading uses
 * ({@link LlmAttributeKeys#CALL_KEYS}, {@link SpanRole#DECLARED}, the scopes of {@link BillableTokens}), so the two
 * cannot drift apart in what they read — {@code UsageSumsAgreementTest} holds them to the same answers.
 *
 * <p>Each method returns the select items it adds, each under an alias later items and the outer query read:
 * text is trimmed as {@code String.trim} trims (every character up to U+0020), a token count is the first key holding a
 * non-negative whole number in the decimal form {@code AttributeValue.asNumber} reads, and each key before it holding
 * anything else is a warning.
 */
final class CallColumns {

  /** What {@code String.trim} removes, at both ends. */
  private static final String TRIM = "^[\\x00-\\x20]+|[\\x00-\\x20]+$";
  /** The numbers {@code AttributeValue.asNumber} reads from text. */
  private static final String DECIMAL = "^[+-]?([0-9]+(\\.[0-9]*)?|\\.[0-9]+)([eE][+-]?[0-9]+)?$";
  /** The token figures' aliases, in {@link LlmAttributeKeys.CallKeys#tokens} order. */
  static final List<String> TOKENS = List.of("in_", "out_", "tot_", "cr_", "cc_", "rs_");

  private final SqlParams params;
  private final String trim;

  CallColumns(SqlParams params) {
    this.params = params;
    this.trim = params.string(TRIM);
  }

  /**
   * The call's figures and whether the span is a call at all ({@code cand_}) and one reporting usage ({@code uses_}):
   * provider, models, the six token counts, warnings, failure, the billable input, output and reasoning.
   */
  String select(Schema schema) {
    LlmAttributeKeys.CallKeys keys = LlmAttributeKeys.CALL_KEYS;
    List<String> items = new ArrayList<>();
    items.add(text(keys.provider()) + " AS prov_");
    items.add(text(keys.requestModel()) + " AS req_");
    items.add(text(keys.responseModel()) + " AS resp_");
    List<String> warnings = new ArrayList<>();
    for (int i = 0; i < TOKENS.size(); i++) {
      String alias = TOKENS.get(i);
      String keyList = params.keys(keys.tokens().get(i));
      // Per key: present, and readable; the first readable one wins.
      items.add("arrayMap(k_ -> replaceRegexpAll(SpanAttributes[k_], " + trim + ", ''), " + keyList + ") AS " + alias
          + "v");
      items.add("arrayMap(v_ -> match(v_, " + params.string(DECIMAL) + ") AND isFinite(toFloat64OrZero(v_)) "
          + "AND toFloat64OrZero(v_) >= 0 AND toFloat64OrZero(v_) = floor(toFloat64OrZero(v_)) "
          + "AND toFloat64OrZero(v_) < 9223372036854775808.0, " + alias + "v) AS " + alias + "ok");
      items.add("arrayFirstIndex(o_ -> o_, " + alias + "ok) AS " + alias + "i");
      items.add("if(" + alias + "i = 0, NULL, toInt64(toFloat64OrZero(" + alias + "v[" + alias + "i]))) AS " + alias);
      warnings.add("arrayCount((k_, o_, j_) -> mapContains(SpanAttributes, k_) AND NOT o_ AND (" + alias + "i = 0 OR j_ < "
          + alias + "i), " + keyList + ", " + alias + "ok, arrayEnumerate(" + alias + "ok))");
    }
    items.add("toInt64(" + String.join(" + ", warnings) + ") AS warn_");
    String reported = "(" + String.join(" IS NOT NULL OR ", TOKENS) + " IS NOT NULL)";
    items.add("arrayExists(k_ -> arrayExists(p_ -> startsWith(k_, p_), " + params.keys(keys.callKeyPrefixes())
        + "), mapKeys(SpanAttributes)) AND NOT (" + roleDeclared() + ") AND (req_ IS NOT NULL OR resp_ IS NOT NULL OR "
        + reported + ") AS cand_");
    items.add("cand_ AND " + reported + " AS uses_");
    items.add(failed(schema) + " AS failed_");
    items.addAll(billable(schema));
    return String.join(", ", items);
  }

  /** The first non-blank value among the keys, trimmed; NULL when none. */
  private String text(List<String> keys) {
    String values = "arrayMap(k_ -> replaceRegexpAll(SpanAttributes[k_], " + trim + ", ''), " + params.keys(keys) + ")";
    return "arrayFirstOrNull(v_ -> v_ != '', " + values + ")";
  }

  /** Whether a key declares an orchestration or tool role ({@link SpanRole#of}: any declared role excludes a call). */
  private String roleDeclared() {
    List<String> tests = new ArrayList<>();
    for (Map.Entry<String, Map<String, SpanRole>> key : SpanRole.DECLARED.entrySet()) {
      tests.add("lowerUTF8(replaceRegexpAll(SpanAttributes[" + params.string(key.getKey()) + "], " + trim + ", '')) IN "
          + params.keys(key.getValue().keySet()));
    }
    return String.join(" OR ", tests);
  }

  /** As {@code ErrorDetails.of} finds a failure: an ERROR status, an exception event or an error type. */
  private String failed(Schema schema) {
    return "(" + FilterSql.STATUS + " = 'ERROR'"
        + (schema.hasEvents() ? " OR has(`Events.Name`, " + params.string(SpanEvent.EXCEPTION) + ")" : "")
        + " OR mapContains(SpanAttributes, " + params.string(ErrorDetails.ERROR_TYPE) + "))";
  }

  /** {@code BillableTokens.of}: the input with cached tokens added back, the output with thinking added, by scope. */
  private List<String> billable(Schema schema) {
    String scope = schema.hasScope() ? "ScopeName" : "''";
    String inputWithoutCache = params.names(BillableTokens.INPUT_WITHOUT_CACHE);
    String outputWithoutReasoning = params.names(BillableTokens.OUTPUT_WITHOUT_REASONING);
    return List.of(
        "ifNull(cr_, 0) + ifNull(cc_, 0) AS cached_",
        "if(cached_ > 0 AND (has(" + inputWithoutCache + ", " + scope + ") OR ifNull(in_, 0) < cached_), "
            + "ifNull(in_, 0) + cached_, ifNull(in_, 0)) AS bin_",
        "has(" + outputWithoutReasoning + ", " + scope + ") AS thinks_",
        "if(rs_ IS NOT NULL, rs_, if(tot_ IS NOT NULL, greatest(toInt64(0), tot_ - ifNull(in_, 0) - ifNull(out_, 0)), "
            + "toInt64(0))) AS thinking_",
        "if(thinks_, ifNull(out_, 0) + thinking_, ifNull(out_, 0)) AS bout_",
        "least(if(thinks_, thinking_, ifNull(rs_, 0)), bout_) AS brs_",
        "if(tot_ IS NOT NULL, tot_, ifNull(in_, 0) + ifNull(out_, 0)) AS total_");
  }
}
