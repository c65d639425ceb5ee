package dev.otelmcp.adapters.jaeger;

import dev.otelmcp.domain.llm.LlmAttributeKeys;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The tags a search read for the LLM views keeps ({@link JaegerLlmScan}): the span attributes the views read
 * ({@link LlmAttributeKeys}), the tags the span mapping turns into span fields, and the keys a filter of the scan
 * names; of logs, the event name and the event attributes the views read. The values of every other tag are passed
 * over by the parser, never made into strings: prompts and completions are most of an LLM trace's bytes, and an
 * aggregate never reads them.
 *
 * <p>Process tags (the resource) are kept whole: each distinct process is read once per answer and shared.
 */
final class LlmViewTags {

  private final Set<String> spanKeys;

  /** @param filterKeys attribute keys the scan's filters compare, kept so that the filters see them */
  LlmViewTags(Collection<String> filterKeys) {
    Set<String> keys = new HashSet<>(LlmAttributeKeys.SPAN_KEYS);
    keys.add(LlmAttributeKeys.OUTPUT_MESSAGES);
    keys.addAll(UiSpanMapper.MAPPING_TAGS);
    keys.addAll(filterKeys);
    this.spanKeys = Set.copyOf(keys);
  }

  /**
   * Which span tags to keep, for one answer: a tag's key repeats on thousands of spans, so each key's answer is
   * remembered (per-choice finish reason keys are told by their pattern).
   */
  Predicate<String> spanTagsOfOneAnswer() {
    Map<String, Boolean> known = new HashMap<>();
    return key -> {
      Boolean keep = known.get(key);
      if (keep == null) {
        keep = spanKeys.contains(key) || LlmAttributeKeys.perChoiceFinishReason(key);
        known.put(key, keep);
      }
      return keep;
    };
  }

  /** Which log fields to keep: the event's name and the event attributes the views read. */
  Predicate<String> logFields() {
    return key -> key.equals(UiSpanMapper.EVENT) || LlmAttributeKeys.EVENT_KEYS.contains(key);
  }
}
