package dev.otelmcp.adapters.mcp.completions;

import dev.otelmcp.adapters.mcp.answers.ToolAnswer;
import dev.otelmcp.adapters.mcp.answers.ToolBox;
import dev.otelmcp.adapters.mcp.prompts.OtelPrompts;
import dev.otelmcp.adapters.mcp.prompts.PromptArgument;
import dev.otelmcp.adapters.mcp.prompts.PromptDefinition;
import dev.otelmcp.adapters.mcp.resources.OtelResources;
import dev.otelmcp.domain.error.ErrorCode;
import dev.otelmcp.domain.error.Quote;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * Completes the arguments of prompts and of the trace template with names from the backend — services, their
 * operations, models, agents' tools, recent trace ids — or from fixed choices. Backend values are read through the
 * tools and kept for {@link #TTL}, so typing one letter after another asks the backend once; matching is by prefix,
 * ignoring case, at most {@link #MAX_VALUES} values.
 */
public final class Completions {

  public static final int MAX_VALUES = 100;
  public static final Duration TTL = Duration.ofSeconds(30);
  static final List<String> WINDOWS = List.of("-15m", "-1h", "-6h", "-24h", "-7d", "-30d");
  private static final int RECENT_TRACES = 100;
  /** Operations are kept per service: a bound on how many lists are kept. */
  private static final int MAX_CACHED = 1_000;
  /**
   * Longer typed text or context (a service name) matches nothing we hold; refused before it is cached or echoed
   * (a model list puts what was typed before each value).
   */
  public static final int MAX_TYPED_CHARS = 1_000;

  /** Values read from a tool's answer, and whether that answer was cut (then more may match than we hold). */
  private record Values(List<String> values, boolean partial) {}

  private record Cached(long at, Values values) {}

  private final ToolBox tools;
  private final OtelPrompts prompts;
  private final LongSupplier nanoClock;
  private final Map<String, Cached> cache = new ConcurrentHashMap<>();

  public Completions(ToolBox tools, OtelPrompts prompts) {
    this(tools, prompts, System::nanoTime);
  }

  /** @param nanoClock the clock the cache's entries age by, in nanoseconds */
  public Completions(ToolBox tools, OtelPrompts prompts, LongSupplier nanoClock) {
    this.tools = tools;
    this.prompts = prompts;
    this.nanoClock = nanoClock;
  }

  /**
   * @param context the other arguments already given (the service whose operations to complete)
   * @throws CompletionException for an unknown prompt or argument, or values the backend could not give
   */
  public Completion forPrompt(String prompt, String argument, String typed, Map<String, String> context) {
    PromptDefinition definition = prompts.find(prompt).orElseThrow(() -> CompletionException.unknown(
        "no prompt " + Quote.of(prompt)));
    PromptArgument wanted = definition.arguments().stream().filter(a -> a.name().equals(argument)).findFirst()
        .orElseThrow(() -> CompletionException.unknown(prompt + " has no argument " + Quote.of(argument)));
    return complete(wanted.kind(), typed, context);
  }

  /** @throws CompletionException for a template or argument we do not have */
  public Completion forTemplate(String uriTemplate, String argument, String typed, Map<String, String> context) {
    if (!OtelResources.TRACE_TEMPLATE.equals(uriTemplate)) {
      throw CompletionException.unknown("no resource template " + Quote.of(uriTemplate));
    }
    if (!"trace_id".equals(argument)) {
      throw CompletionException.unknown(uriTemplate + " has no argument " + Quote.of(argument));
    }
    return complete(ValueKind.TRACE_ID, typed, context);
  }

  Completion complete(ValueKind kind, String typed, Map<String, String> context) {
    String value = typed == null ? "" : typed;
    Map<String, String> given = context == null ? Map.of() : context;
    if (value.length() > MAX_TYPED_CHARS || given.values().stream().anyMatch(v -> v != null
        && v.length() > MAX_TYPED_CHARS)) {
      return new Completion(List.of(), 0, false);
    }
    return switch (kind) {
      case WINDOW -> match(new Values(WINDOWS, false), value, "");
      case COST_GROUPING -> match(new Values(OtelPrompts.GROUPINGS, false), value, "");
      case SERVICE -> match(cached("services", () -> strings("list_services", Map.of(), "services", null)), value, "");
      case OPERATION -> operations(given.get("service_name"), value);
      case MODEL -> match(models(), value, "");
      case MODEL_LIST -> modelList(value);
      case LLM_TOOL -> match(cached("tools", () -> strings("list_llm_tools", Map.of(), "tools", "tool_name")), value, "");
      case TRACE_ID -> match(cached("traces", () -> strings("search_traces", Map.of("limit", RECENT_TRACES), "traces",
          "trace_id")), value, "");
    };
  }

  /** Operations need their service: without one there is nothing to complete from (all would be one call each). */
  private Completion operations(String service, String typed) {
    if (service == null || service.isBlank()) {
      return new Completion(List.of(), 0, false);
    }
    return match(cached("operations:" + service, () -> strings("list_operations", Map.of("service_name", service),
        "operations", "name")), typed, "");
  }

  private Values models() {
    return cached("models", () -> strings("list_llm_models", Map.of(), "models", "model"));
  }

  /** {@code gpt-4o, cl} completes the last name: {@code gpt-4o, claude-sonnet-4} (what was typed stays as typed). */
  private Completion modelList(String typed) {
    int comma = typed.lastIndexOf(',');
    String name = typed.substring(comma + 1).stripLeading();
    String done = typed.substring(0, typed.length() - name.length());
    List<String> chosen = List.of(done.split(",")).stream().map(m -> m.strip().toLowerCase(Locale.ROOT)).toList();
    Values models = models();
    List<String> rest = models.values().stream().filter(model -> !chosen.contains(model.toLowerCase(Locale.ROOT)))
        .toList();
    return match(new Values(rest, models.partial()), name, done);
  }

  private static Completion match(Values values, String prefix, String before) {
    String wanted = prefix.toLowerCase(Locale.ROOT);
    List<String> matched = values.values().stream().filter(Objects::nonNull)
        .filter(value -> value.toLowerCase(Locale.ROOT).startsWith(wanted)).distinct().toList();
    List<String> shown = matched.stream().limit(MAX_VALUES).map(value -> before + value).toList();
    return new Completion(shown, matched.size(), matched.size() > shown.size() || values.partial());
  }

  private Values cached(String key, java.util.function.Supplier<Values> read) {
    long now = nanoClock.getAsLong();
    Cached hit = cache.get(key);
    if (hit != null && now - hit.at() < TTL.toNanos()) {
      return hit.values();
    }
    Values values = read.get();
    if (cache.size() >= MAX_CACHED) {
      cache.clear();
    }
    cache.put(key, new Cached(now, values));
    return values;
  }

  /**
   * The strings of a list in a tool's answer: the list itself, or one field of each of its objects; partial when the
   * answer was cut to its budget.
   */
  private Values strings(String tool, Map<String, Object> arguments, String list, String field) {
    ToolAnswer answer = tools.call(tool, arguments);
    if (answer.errorCode() == ErrorCode.NOT_FOUND) {
      return new Values(List.of(), false); // a service not (or no longer) known has no operations to offer
    }
    if (answer.isError()) {
      throw CompletionException.failed("cannot complete from " + tool + ": " + answer.error().get("message"));
    }
    Object items = answer.structured().get(list);
    boolean partial = Boolean.TRUE.equals(answer.structured().get("truncated"));
    if (!(items instanceof List<?> rows)) {
      return new Values(List.of(), partial);
    }
    return new Values(rows.stream()
        .map(row -> field == null ? row : row instanceof Map<?, ?> object ? object.get(field) : null)
        .filter(value -> value instanceof String)
        .map(String.class::cast)
        .toList(), partial);
  }
}
