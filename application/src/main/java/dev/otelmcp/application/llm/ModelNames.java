package dev.otelmcp.application.llm;

import dev.otelmcp.domain.llm.LlmCall;
import java.util.Comparator;
import java.util.HashMap;
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

  /** Counts which model answered each requested name, call by call, for a read that keeps no calls. */
  public static final class Counter {
    private final Map<String, Map<String, int[]>> responses = new HashMap<>();

    public void count(LlmCall call) {
      count(call.requestModel(), call.responseModel(), 1);
    }

    /** Counts {@code calls} calls that asked for {@code requestModel} and were answered by {@code responseModel}. */
    public void count(String requestModel, String responseModel, long calls) {
      if (requestModel != null && responseModel != null) {
        responses.computeIfAbsent(requestModel, k -> new HashMap<>())
            .computeIfAbsent(responseModel, k -> new int[1])[0] += (int) calls;
      }
    }

    public ModelNames names() {
      Map<String, Map<String, Integer>> counts = new HashMap<>();
      responses.forEach((request, answered) -> answered.forEach((response, count) ->
          counts.computeIfAbsent(request, k -> new HashMap<>()).put(response, count[0])));
      return fromResponses(counts);
    }
  }

  private static ModelNames fromResponses(Map<String, Map<String, Integer>> responses) {
    Map<String, String> answeredAs = new HashMap<>();
    responses.forEach((request, counts) -> answeredAs.put(request, counts.entrySet().stream()
        // Most frequent; on a tie the alphabetically first, so the row is the same on every run.
        .max(Map.Entry.<String, Integer>comparingByValue().thenComparing(Map.Entry::getKey, Comparator.reverseOrder()))
        .orElseThrow().getKey()));
    return new ModelNames(answeredAs);
  }

  /** The row the call counts in. */
  public String rowOf(LlmCall call) {
    return rowOf(call.requestModel(), call.responseModel());
  }

  /** The row of a call that asked for {@code requestModel} and was answered by {@code responseModel} (either null). */
  public String rowOf(String requestModel, String responseModel) {
    if (responseModel != null) {
      return responseModel;
    }
    if (requestModel != null) {
      return answeredAs.getOrDefault(requestModel, requestModel);
    }
    return LlmCall.UNKNOWN_MODEL;
  }

  /** Whether the call was asked for, answered by, or counted under {@code name}. */
  public boolean matches(LlmCall call, String name) {
    return call.isModel(name) || rowOf(call).equals(name);
  }
}
