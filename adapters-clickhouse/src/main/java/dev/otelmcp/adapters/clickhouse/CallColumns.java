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
 * <p>{@link #stages} gives the select lists, each under aliases the later ones and the outer query read: text is
 * trimmed as {@code String.trim} trims (every character up to U+0020), a token count is the first key holding a
 * non-negative whole number in the decimal form {@code AttributeValue.asNumber} reads, and each key before it holding
 * anything else is a warning.
 */
final class CallColumns {

  /** What {@code String.trim} removes at both ends: every character up to U+0020. */
  private static final String TRIM = trimmedCharacters();
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
   * provider, models, the six token counts, warnings, failure, the billable input, output and reasoning — as select
   * lists, each reading the columns of the ones before it. The first reads the span's own columns; each later one is
   * meant for {@code SELECT *, <list> FROM (<the one before>)}. Layered so that no expression names another by its
   * alias: ClickHouse's analyzer copies an aliased expression wherever it is named, and named within names the
   * statement grew to seconds of analysis.
   */
  List<String> stages(Schema schema) {
    LlmAttributeKeys.CallKeys keys = LlmAttributeKeys.CALL_KEYS;
    List<String> read = new ArrayList<>();
    List<String> judged = new ArrayList<>();
    List<String> figures = new ArrayList<>();
    judged.add(text(keys.provider(), "prov_", read));
    judged.add(text(keys.requestModel(), "req_", read));
    judged.add(text(keys.responseModel(), "resp_", read));
    List<String> warnings = new ArrayList<>();
    String decimal = params.string(DECIMAL);
    for (int i = 0; i < TOKENS.size(); i++) {
      // Per key: its trimmed value and whether it is readable; the first readable one wins, each present one before
      // it that is not is a warning. Keys are looked up one by one: a lookup inside a lambda copies the map per key.
      String alias = TOKENS.get(i);
      List<String> firsts = new ArrayList<>();
      List<String> readable = new ArrayList<>();
      List<String> tokenKeys = keys.tokens().get(i);
      for (int j = 0; j < tokenKeys.size(); j++) {
        String key = params.string(tokenKeys.get(j));
        String value = alias + "v" + j;
        String ok = alias + "ok" + j;
        read.add(trimmed(key) + " AS " + value);
        read.add("mapContains(SpanAttributes, " + key + ") AS " + alias + "p" + j);
        String number = "toFloat64OrZero(" + value + ")";
        judged.add("match(" + value + ", " + decimal + ") AND isFinite(" + number + ") AND " + number + " >= 0 AND "
            + number + " = floor(" + number + ") AND " + number + " < 9223372036854775808.0 AS " + ok);
        firsts.add(ok + ", toInt64(if(" + ok + ", " + number + ", 0.0))");
        warnings.add("(" + alias + "p" + j + " AND NOT " + ok
            + (readable.isEmpty() ? "" : " AND NOT (" + String.join(" OR ", readable) + ")") + ")");
        readable.add(ok);
      }
      figures.add("multiIf(" + String.join(", ", firsts) + ", NULL) AS " + alias);
    }
    figures.add("toInt64(" + String.join(" + ", warnings) + ") AS warn_");
    List<String> prefixes = new ArrayList<>();
    keys.callKeyPrefixes().forEach(prefix -> prefixes.add("startsWith(k_, " + params.string(prefix) + ")"));
    read.add("arrayExists(k_ -> " + String.join(" OR ", prefixes) + ", mapKeys(SpanAttributes)) AND NOT ("
        + roleDeclared() + ") AS may_");
    read.add(failed(schema) + " AS failed_");
    read.add((schema.hasScope() ? "ScopeName" : "''") + " AS scope_");
    String reported = "(" + String.join(" IS NOT NULL OR ", TOKENS) + " IS NOT NULL)";
    List<String> calls = new ArrayList<>(List.of(
        "may_ AND (req_ IS NOT NULL OR resp_ IS NOT NULL OR " + reported + ") AS cand_",
        reported + " AS reported_"));
    calls.addAll(billable());
    return List.of(String.join(", ", read), String.join(", ", judged), String.join(", ", figures),
        String.join(", ", calls), "cand_ AND reported_ AS uses_, " + billed());
  }

  /** A key's value, trimmed as {@code String.trim} trims (a set of characters: no regular expression per value). */
  String trimmed(String key) {
    return trim("SpanAttributes[" + key + "]");
  }

  /** A text expression trimmed as {@code String.trim} trims. */
  String trim(String expression) {
    return "trim(BOTH " + trim + " FROM " + expression + ")";
  }

  private static String trimmedCharacters() {
    StringBuilder characters = new StringBuilder();
    for (char c = 0; c <= ' '; c++) {
      characters.append(c);
    }
    return characters.toString();
  }

  /**
   * The first non-blank value among the keys, trimmed, as {@code alias}, NULL when none; adds each key's value to
   * {@code read}.
   */
  String text(List<String> keys, String alias, List<String> read) {
    List<String> firsts = new ArrayList<>();
    for (int j = 0; j < keys.size(); j++) {
      String value = alias + "t" + j;
      read.add(trimmed(params.string(keys.get(j))) + " AS " + value);
      firsts.add(value + " != '', " + value);
    }
    return "multiIf(" + String.join(", ", firsts) + ", NULL) AS " + alias;
  }

  /** Whether a key declares an orchestration or tool role ({@link SpanRole#of}: any declared role excludes a call). */
  private String roleDeclared() {
    List<String> tests = new ArrayList<>();
    for (Map.Entry<String, Map<String, SpanRole>> key : SpanRole.DECLARED.entrySet()) {
      tests.add("lowerUTF8(" + trimmed(params.string(key.getKey())) + ") IN "
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

  /**
   * {@code BillableTokens.of}, first part: the cached tokens, whether the scope leaves thinking out of the output, the
   * thinking tokens, and the usage total.
   */
  private List<String> billable() {
    String outputWithoutReasoning = params.names(BillableTokens.OUTPUT_WITHOUT_REASONING);
    return List.of(
        "ifNull(cr_, 0) + ifNull(cc_, 0) AS cached_",
        "has(" + outputWithoutReasoning + ", scope_) AS thinks_",
        "if(rs_ IS NOT NULL, rs_, if(tot_ IS NOT NULL, greatest(toInt64(0), tot_ - ifNull(in_, 0) - ifNull(out_, 0)), "
            + "toInt64(0))) AS thinking_",
        "if(tot_ IS NOT NULL, tot_, ifNull(in_, 0) + ifNull(out_, 0)) AS total_");
  }

  /** {@code BillableTokens.of}, second part: the input with cached tokens added back, the output with thinking. */
  private String billed() {
    String inputWithoutCache = params.names(BillableTokens.INPUT_WITHOUT_CACHE);
    return String.join(", ",
        "if(cached_ > 0 AND (has(" + inputWithoutCache + ", scope_) OR ifNull(in_, 0) < cached_), "
            + "ifNull(in_, 0) + cached_, ifNull(in_, 0)) AS bin_",
        "if(thinks_, ifNull(out_, 0) + thinking_, ifNull(out_, 0)) AS bout_",
        "least(if(thinks_, thinking_, ifNull(rs_, 0)), if(thinks_, ifNull(out_, 0) + thinking_, ifNull(out_, 0))) "
            + "AS brs_");
  }
}
