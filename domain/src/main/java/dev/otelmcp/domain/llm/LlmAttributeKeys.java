package dev.otelmcp.domain.llm;

import dev.otelmcp.domain.model.ErrorDetails;
import java.util.Set;

import java.util.List;

/**
 * The attribute keys each LLM figure is read from, in the order tried (the first present on a span wins): what
 * otel-mcp documents to users, taken from the very lists the reading uses so that the two never drift apart.
 */
public final class LlmAttributeKeys {

  /** One figure of a call and where it is read from. */
  public record Figure(String name, List<String> keys) {}

  private static final List<Figure> FIGURES = List.of(
      new Figure("provider", LlmConventions.PROVIDER),
      new Figure("operation", LlmConventions.OPERATION),
      new Figure("request model", LlmConventions.REQUEST_MODEL),
      new Figure("response model", LlmConventions.RESPONSE_MODEL),
      new Figure("input tokens", LlmConventions.INPUT_TOKENS),
      new Figure("output tokens", LlmConventions.OUTPUT_TOKENS),
      new Figure("total tokens", LlmConventions.TOTAL_TOKENS),
      new Figure("cache read input tokens", LlmConventions.CACHE_READ_TOKENS),
      new Figure("cache creation input tokens", LlmConventions.CACHE_CREATION_TOKENS),
      new Figure("reasoning output tokens", LlmConventions.REASONING_TOKENS),
      new Figure("finish reasons", finishReasonKeys()),
      new Figure("conversation", LlmConventions.CONVERSATION),
      new Figure("tool name", LlmConventions.TOOL_NAME),
      new Figure("MCP method", List.of(LlmConventions.MCP_METHOD)));

  private LlmAttributeKeys() {}

  /** Where FinishReasons looks, in its order: the list keys, one key per choice, then the output messages. */
  private static List<String> finishReasonKeys() {
    List<String> keys = new java.util.ArrayList<>(LlmConventions.FINISH_REASONS);
    LlmConventions.INDEXED_FINISH_REASON_PREFIXES.forEach(prefix -> keys.add(prefix + "N.finish_reason"));
    keys.add(LlmConventions.OUTPUT_MESSAGES + " (finish_reason of each message)");
    return List.copyOf(keys);
  }

  public static List<Figure> figures() {
    return FIGURES;
  }

  /**
   * Every span attribute key the LLM views read by name: the calls ({@link LlmCalls}), the tool calls
   * ({@link ToolCalls}), the span roles that exclude orchestration and tools ({@link SpanRole}) and the error details
   * both ask for ({@code ErrorDetails}: its type, and the keys that say a span failed). A store that reads spans only
   * for these views ({@code LlmCallScan}) may leave every other attribute out, and from events keep only
   * {@link #EVENT_KEYS}; besides these keys, the views read {@link #perChoiceFinishReason per-choice finish reasons}
   * and the {@link #OUTPUT_MESSAGES output messages}. {@code LlmViewProjectionTest} holds the views to it.
   */
  public static final Set<String> SPAN_KEYS = spanKeys();

  /** The event attributes the views read (of exception events: the type). */
  public static final Set<String> EVENT_KEYS = Set.of(ErrorDetails.EXCEPTION_TYPE);

  /** The keys holding all of a call's finish reasons, in the order tried. */
  public static final List<String> FINISH_REASON_KEYS = LlmConventions.FINISH_REASONS;

  /** The prefixes of the per-choice finish reason keys ({@code <prefix><N>.finish_reason}). */
  public static final List<String> FINISH_REASON_PREFIXES = LlmConventions.INDEXED_FINISH_REASON_PREFIXES;

  /**
   * The output messages, read for finish reasons only when neither {@link #FINISH_REASON_KEYS} nor per-choice keys
   * gave one: content that may be long, so a store may leave it out whenever those gave one.
   */
  public static final String OUTPUT_MESSAGES = LlmConventions.OUTPUT_MESSAGES;

  /** The regular expression whose group is a finish reason in the {@link #OUTPUT_MESSAGES}, each match one reason. */
  public static final String FINISH_REASON_IN_MESSAGES = LlmConventions.FINISH_REASON_IN_MESSAGES;

  /**
   * How a call is read, for a store that works calls out in its own language ({@code LlmUsageSums}) and must read them
   * as {@link LlmCalls#read} does: a span may record a call when a key starts with one of {@code callKeyPrefixes}
   * and no role excludes it ({@link SpanRole#DECLARED}); it does when it names a model (the first non-blank of the
   * model keys) or reports a token figure (the first of the token keys holding a non-negative whole number — each key
   * tried before it that holds anything else is a warning). {@code tokens} lists input, output, total, cache read,
   * cache creation and reasoning, in that order.
   */
  public record CallKeys(List<String> callKeyPrefixes, List<String> provider, List<String> requestModel,
      List<String> responseModel, List<List<String>> tokens) {}

  public static final CallKeys CALL_KEYS = new CallKeys(LlmConventions.CALL_KEY_PREFIXES, LlmConventions.PROVIDER,
      LlmConventions.REQUEST_MODEL, LlmConventions.RESPONSE_MODEL, List.of(LlmConventions.INPUT_TOKENS,
      LlmConventions.OUTPUT_TOKENS, LlmConventions.TOTAL_TOKENS, LlmConventions.CACHE_READ_TOKENS,
      LlmConventions.CACHE_CREATION_TOKENS, LlmConventions.REASONING_TOKENS));

  /**
   * How a tool call is read, for a store that counts tool calls in its own language ({@code LlmToolUsage}) and must
   * read them as {@link ToolCalls#read} does: a span is a tool call when its role is a tool ({@link SpanRole#DECLARED}:
   * the first key declaring a role decides) or its {@code mcpMethod} is exactly {@code mcpToolsCall}. Its name is the
   * first non-blank of {@code names}, trimmed; without one, the span name trimmed, without {@code spanNamePrefixes}
   * (each in turn, when it starts with it) and {@code spanNameSuffix}, trimmed again. A blank name or one holding
   * {@code /} (protocol traffic such as {@code tools/list}) is no tool.
   */
  public record ToolKeys(List<String> names, String mcpMethod, String mcpToolsCall, List<String> spanNamePrefixes,
      String spanNameSuffix) {}

  public static final ToolKeys TOOL_KEYS = new ToolKeys(LlmConventions.TOOL_NAME, LlmConventions.MCP_METHOD,
      "tools/call", List.of("execute_tool ", "tools/call "), ".tool");

  /** Whether a key is a per-choice finish reason key, as {@code FinishReasons} reads them. */
  public static boolean perChoiceFinishReason(String key) {
    return FinishReasons.isIndexed(key);
  }

  private static Set<String> spanKeys() {
    Set<String> keys = new java.util.TreeSet<>();
    for (List<String> list : List.of(LlmConventions.PROVIDER, LlmConventions.OPERATION, LlmConventions.REQUEST_MODEL,
        LlmConventions.RESPONSE_MODEL, LlmConventions.INPUT_TOKENS, LlmConventions.OUTPUT_TOKENS,
        LlmConventions.TOTAL_TOKENS, LlmConventions.CACHE_READ_TOKENS, LlmConventions.CACHE_CREATION_TOKENS,
        LlmConventions.REASONING_TOKENS, LlmConventions.FINISH_REASONS, LlmConventions.CONVERSATION,
        LlmConventions.TOOL_NAME, ErrorDetails.FAILURE_KEYS)) {
      keys.addAll(list);
    }
    keys.add(LlmConventions.MCP_METHOD);
    keys.addAll(SpanRole.KEYS);
    return Set.copyOf(keys);
  }
}
