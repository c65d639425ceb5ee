package dev.otelmcp.application.llm;

import dev.otelmcp.domain.llm.LlmCall;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Which model row a call counts in, the same in every LLM tool. Rows carry the name of the model that
 * answered ({@code gen_ai.response.model}, e.g. {@code gpt-4o-mini-2024-07-18}). A call that failed has no
 * response model; it counts in the row of the model that answered calls asking for the same name in the same
 * window (the most frequent one), so that its error lands beside the successes of that model instead of in a
 * row of its own. Only when no call asking for that name was answered does the row carry the requested name.
 */
public final class ModelNames {

  private final Map<String, String> answeredAs;

  private ModelNames(Map<String, String> answeredAs) {
    this.answeredAs = answeredAs;
  }

  public static ModelNames of(List<LlmCall> calls) {
    Map<String, Map<String, Integer>> responses = new HashMap<>();
    for (LlmCall call : calls) {
      if (call.requestModel() != null && call.responseModel() != null) {
        responses.computeIfAbsent(call.requestModel(), k -> new HashMap<>()).merge(call.responseModel(), 1, Integer::sum);
      }
    }
    Map<String, String> answeredAs = new HashMap<>();
    responses.forEach((request, counts) -> answeredAs.put(request, counts.entrySet().stream()
        // Most frequent; on a tie the alphabetically first, so the row is the same on every run.
        .max(Map.Entry.<String, Integer>comparingByValue().thenComparing(Map.Entry::getKey, Comparator.reverseOrder()))
        .orElseThrow().getKey()));
    return new ModelNames(answeredAs);
  }

  /** The row the call counts in. */
  public String rowOf(LlmCall call) {
    if (call.responseModel() != null) {
      return call.responseModel();
    }
    if (call.requestModel() != null) {
      return answeredAs.getOrDefault(call.requestModel(), call.requestModel());
    }
    return LlmCall.UNKNOWN_MODEL;
  }

  /** Whether the call was asked for, answered by, or counted under {@code name}. */
  public boolean matches(LlmCall call, String name) {
    return call.isModel(name) || rowOf(call).equals(name);
  }
}
