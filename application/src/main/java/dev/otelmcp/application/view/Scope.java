package dev.otelmcp.application.view;

import dev.otelmcp.domain.model.TimeRange;
import dev.otelmcp.domain.pricing.PriceSource;
import java.time.Instant;
import java.util.List;

/**
 * What a result covered, so an assistant never mistakes a partial answer for the whole truth.
 *
 * @param startTime start of the window searched
 * @param endTime end of the window searched
 * @param tracesScanned distinct traces read from the backend
 * @param spansScanned spans examined
 * @param limitReached whether the result was cut: more matches exist, or the scan stopped at
 *     {@code MAX_TRACES_PER_QUERY}
 * @param requestCount LLM calls analysed (LLM aggregates only)
 * @param priceSources where the costs' prices come from (LLM aggregates only)
 * @param warnings attributes that were present but unreadable and therefore ignored (LLM aggregates only)
 * @param partial {@code true} when the answer does not cover everything asked (omitted otherwise)
 * @param coverage what a partial answer did read (omitted otherwise)
 */
public record Scope(
    Instant startTime,
    Instant endTime,
    int tracesScanned,
    int spansScanned,
    boolean limitReached,
    Integer requestCount,
    Integer warnings,
    List<PriceSource> priceSources,
    Boolean partial,
    Coverage coverage) {

  public static Scope of(TimeRange window, int tracesScanned, int spansScanned, boolean limitReached) {
    return new Scope(window.start(), window.end(), tracesScanned, spansScanned, limitReached, null, null, null, null,
        null);
  }

  /** This scope, marked partial with what was read; itself when {@code coverage} is {@code null}. */
  public Scope covering(Coverage coverage) {
    if (coverage == null) {
      return this;
    }
    return new Scope(startTime, endTime, tracesScanned, spansScanned, limitReached, requestCount, warnings, priceSources,
        true, coverage);
  }

  /** @param priceSources where the costs' prices come from (the operator's file first, then the table) */
  public static Scope ofLlm(TimeRange window, int tracesScanned, int spansScanned, int requestCount, boolean limitReached,
      int warnings, List<PriceSource> priceSources) {
    return new Scope(window.start(), window.end(), tracesScanned, spansScanned, limitReached, requestCount, warnings,
        priceSources, null, null);
  }
}
