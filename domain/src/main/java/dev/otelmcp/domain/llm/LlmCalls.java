package dev.otelmcp.domain.llm;

import dev.otelmcp.domain.model.Attributes;
import dev.otelmcp.domain.model.ErrorDetails;
import dev.otelmcp.domain.model.Span;
import dev.otelmcp.domain.model.Trace;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Finds the LLM calls in spans and traces.
 *
 * <p>A span is an LLM call when it names a model or reports token usage and is not an orchestration or
 * tool span ({@link SpanRole}): a workflow span repeating {@code gen_ai.system} is not a request.
 *
 * <p>In a trace, a call that has descendant calls carrying usage is a wrapper (a framework span around
 * the provider's span, each reporting the same tokens): only the leaves count, so nothing is counted
 * twice.
 */
public final class LlmCalls {

  private LlmCalls() {}

  /** The call a span records, if it records one. */
  public static Optional<LlmCall> read(Span span) {
    if (!mayRecordCall(span.attributes()) || SpanRole.of(span).excludesLlmCall()) {
      return Optional.empty();
    }
    AttributeReader reader = new AttributeReader(span.attributes());
    String requestModel = reader.text(LlmConventions.REQUEST_MODEL);
    String responseModel = reader.text(LlmConventions.RESPONSE_MODEL);
    TokenUsage usage = new TokenUsage(
        reader.count(LlmConventions.INPUT_TOKENS),
        reader.count(LlmConventions.OUTPUT_TOKENS),
        reader.count(LlmConventions.TOTAL_TOKENS),
        reader.count(LlmConventions.CACHE_READ_TOKENS),
        reader.count(LlmConventions.CACHE_CREATION_TOKENS),
        reader.count(LlmConventions.REASONING_TOKENS));
    if (requestModel == null && responseModel == null && !usage.isReported()) {
      return Optional.empty();
    }
    Optional<ErrorDetails> error = ErrorDetails.of(span);
    return Optional.of(new LlmCall(
        span,
        reader.text(LlmConventions.PROVIDER),
        reader.text(LlmConventions.OPERATION),
        requestModel,
        responseModel,
        usage,
        FinishReasons.of(span.attributes()),
        error.isPresent(),
        error.map(ErrorDetails::type).orElse(null),
        reader.text(LlmConventions.CONVERSATION),
        reader.warnings(),
        null));
  }

  /**
   * Whether a span has any key a model or a token count is read from ({@link LlmConventions#CALL_KEY_PREFIXES}): most
   * spans of a trace have none, and are passed over with one look at their keys instead of some thirty lookups.
   */
  static boolean mayRecordCall(Attributes attributes) {
    for (String key : attributes.keys()) {
      for (String prefix : LlmConventions.CALL_KEY_PREFIXES) {
        if (key.startsWith(prefix)) {
          return true;
        }
      }
    }
    return false;
  }

  /** The calls of a trace that count, in span order (wrappers of calls with usage left out). */
  public static List<LlmCall> of(Trace trace) {
    return counted(trace, candidates(trace.spans()));
  }

  /** Every span's call, wrappers included, in span order: what {@link #counted} chooses from. */
  public static List<LlmCall> candidates(List<Span> spans) {
    List<LlmCall> candidates = new ArrayList<>();
    for (Span span : spans) {
      read(span).ifPresent(candidates::add);
    }
    return candidates;
  }

  /**
   * The calls that count among a trace's {@link #candidates}: a call with a descendant call reporting usage is a
   * wrapper and is left out. Stores that keep the candidates of each span (read once, when it arrived) call this
   * instead of {@link #of}, so a trace's spans are not read again on every aggregate.
   */
  public static List<LlmCall> counted(Trace trace, List<LlmCall> candidates) {
    if (candidates.size() < 2) {
      return List.copyOf(candidates);
    }
    Map<String, LlmCall> bySpan = new LinkedHashMap<>();
    candidates.forEach(call -> bySpan.put(call.span().spanId(), call));
    Map<String, List<String>> children = new HashMap<>();
    for (Span span : trace.spans()) {
      span.parent().ifPresent(p -> children.computeIfAbsent(p, k -> new ArrayList<>()).add(span.spanId()));
    }
    Map<String, Boolean> usageBelow = new HashMap<>();
    List<LlmCall> counted = new ArrayList<>();
    Set<String> path = new HashSet<>(); // empty again after each walk
    for (Map.Entry<String, LlmCall> entry : bySpan.entrySet()) {
      if (!hasUsageBelow(entry.getKey(), children, bySpan, usageBelow, path)) {
        counted.add(entry.getValue());
      }
    }
    return List.copyOf(counted);
  }

  /** Whether any descendant of the span is a call reporting tokens (memoised; cycles cut). */
  private static boolean hasUsageBelow(String spanId, Map<String, List<String>> children,
      Map<String, LlmCall> candidates, Map<String, Boolean> memo, Set<String> path) {
    Boolean known = memo.get(spanId);
    if (known != null) {
      return known;
    }
    if (!path.add(spanId)) {
      return false;
    }
    boolean found = false;
    for (String child : children.getOrDefault(spanId, List.of())) {
      LlmCall call = candidates.get(child);
      if ((call != null && call.usage().isReported()) || hasUsageBelow(child, children, candidates, memo, path)) {
        found = true;
        break;
      }
    }
    path.remove(spanId);
    memo.put(spanId, found);
    return found;
  }
}
