package dev.otelmcp.application.llm;

import dev.otelmcp.domain.llm.LlmCall;
import dev.otelmcp.domain.model.Trace;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The calls of a few models, kept as the window is read — for the tools that need every call of a model at once
 * (exact percentiles, repricing) without holding every call of the window. A call's row is known only once the whole
 * window was read ({@link ModelNames}: a failed call counts with the model that answered its request), so the calls
 * that may still turn out to belong are kept too (those without a response model), and the rows are decided at the end.
 */
public final class ModelCalls implements LlmScan.Visitor {

  private final CallFilter filter;
  private final Predicate<LlmCall> mayBelong;
  private final ModelNames.Counter counter = new ModelNames.Counter();
  private final Map<List<String>, long[]> pairs = new LinkedHashMap<>();
  private final List<LlmCall> kept = new ArrayList<>();
  private final Set<Answering> answering = new java.util.HashSet<>();
  private boolean everyCallOffered;
  private long callsRead;
  private ModelNames names;

  /**
   * @param filter which calls count at all
   * @param models the names asked for: calls asked for or answered by one of them are kept
   * @param alsoKeep other calls worth keeping (e.g. those priced as one of the models)
   */
  public ModelCalls(CallFilter filter, List<String> models, Predicate<LlmCall> alsoKeep) {
    this.filter = filter;
    this.mayBelong = call -> call.responseModel() == null || models.stream().anyMatch(call::isModel)
        || alsoKeep.test(call);
  }

  /** A provider and the name of a model that answered its calls. */
  public record Answering(String provider, String model) {}

  @Override
  public void visit(Trace trace, List<LlmCall> calls) {
    everyCallOffered = true;
    for (LlmCall call : calls) {
      pair(call.provider(), call.requestModel(), call.responseModel(), 1);
      offer(call);
    }
  }

  /**
   * {@code calls} calls read of {@code provider} that asked for {@code requestModel} and were answered by
   * {@code responseModel}.
   */
  public void pair(String provider, String requestModel, String responseModel, long calls) {
    callsRead += calls;
    if (responseModel != null) {
      answering.add(new Answering(provider, responseModel));
    }
    counter.count(requestModel, responseModel, calls);
    pairs.computeIfAbsent(java.util.Arrays.asList(requestModel, responseModel), k -> new long[1])[0] += calls;
  }

  /** A call read (already counted in its {@link #pair}), kept when it counts and may be in one of the rows. */
  public void offer(LlmCall call) {
    if (filter.matches(call) && mayBelong.test(call)) {
      kept.add(call);
    }
  }

  /** The calls in {@code model}'s row (or {@code orAlso}), among those the filter counts. */
  public List<LlmCall> callsOf(String model, Predicate<LlmCall> orAlso) {
    ModelNames rows = names();
    return kept.stream().filter(call -> rows.matches(call, model) || orAlso.test(call)).toList();
  }

  /** How many calls each row of the window holds (every call read, whatever the filter), in the order first seen. */
  public Map<String, Long> rowCounts() {
    ModelNames rows = names();
    Map<String, Long> counts = new LinkedHashMap<>();
    pairs.forEach((pair, count) -> counts.merge(rows.rowOf(pair.get(0), pair.get(1)), count[0], Long::sum));
    return counts;
  }

  /**
   * Whether every call read was offered ({@link #visit}); when a store picked the calls ({@code LlmModelCalls}), only
   * those of the models it was asked about were.
   */
  public boolean everyCallOffered() {
    return everyCallOffered;
  }

  /** The providers and models that answered calls read. */
  public Set<Answering> answering() {
    return Set.copyOf(answering);
  }

  /** Every LLM call read. */
  public long callsRead() {
    return callsRead;
  }

  private ModelNames names() {
    if (names == null) {
      names = counter.names();
    }
    return names;
  }
}
