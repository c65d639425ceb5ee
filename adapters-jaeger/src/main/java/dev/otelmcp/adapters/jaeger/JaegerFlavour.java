package dev.otelmcp.adapters.jaeger;

import dev.otelmcp.domain.model.Operation;
import dev.otelmcp.domain.model.Trace;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** One of Jaeger's two query APIs, spoken in domain terms. Implementations are thread-safe. */
interface JaegerFlavour {

  /** For logs and health: {@code classic /api} or {@code api_v3 /api/v3}. */
  String label();

  /** The services Jaeger knows, as it lists them (unsorted, possibly with blanks). */
  List<String> services();

  List<Operation> operations(String service);

  /** One search for one service ({@link NativeSearch#service()} is set). */
  SearchPage search(NativeSearch search);

  /**
   * Like {@link #search(NativeSearch)}, for the LLM views only: the traces may keep only the tags they read
   * ({@link LlmViewTags}). By default the whole traces.
   */
  default SearchPage searchForLlmViews(NativeSearch search, LlmViewTags kept) {
    return search(search);
  }

  Optional<Trace> trace(String traceId);

  /**
   * The traces one search returned.
   *
   * @param traces whole traces, as Jaeger returned them (not yet re-checked against the query)
   * @param full whether Jaeger returned as many traces as asked for, so it may hold more
   */
  record SearchPage(List<Trace> traces, boolean full) {

    public SearchPage {
      traces = List.copyOf(traces);
    }

    /**
     * From where this answer holds all its service's traces of the window searched: a full answer's oldest start (it
     * says nothing of what is older); empty for an answer that is not full (it holds them all).
     */
    Optional<Instant> coveredFrom() {
      return full ? traces.stream().map(Trace::startTime).min(Comparator.naturalOrder()) : Optional.empty();
    }

    /**
     * From where every one of these answers holds all its service's traces: the newest of their {@link #coveredFrom}s,
     * or {@code null} when none was full. A page of a fanned-out search keeps only traces from there on, or the next
     * page (searched up to where this one ends) would skip a full answer's older traces.
     */
    static Instant coveredFrom(List<SearchPage> answers) {
      return answers.stream().map(SearchPage::coveredFrom).flatMap(Optional::stream).max(Comparator.naturalOrder())
          .orElse(null);
    }
  }
}
