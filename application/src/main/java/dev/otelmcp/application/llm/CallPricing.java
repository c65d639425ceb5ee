package dev.otelmcp.application.llm;

import dev.otelmcp.domain.llm.BillableTokens;
import dev.otelmcp.domain.llm.CallGroup;
import dev.otelmcp.domain.llm.LlmCall;
import dev.otelmcp.domain.llm.LlmCalls;
import dev.otelmcp.domain.model.Trace;
import dev.otelmcp.domain.pricing.BillableUsage;
import dev.otelmcp.domain.pricing.PriceBook;
import dev.otelmcp.domain.pricing.PriceBreaks;
import dev.otelmcp.domain.pricing.PriceSource;
import dev.otelmcp.domain.pricing.RateLookup;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Prices LLM calls: the provider and model the span names, the span's start time (dated and off-peak prices), and
 * its tokens as the price table reads them ({@link BillableTokens}). Every call is priced once, when it is read.
 */
@Singleton
public final class CallPricing {

  private final PriceBook book;

  @Inject
  public CallPricing(PriceBook book) {
    this.book = book;
  }

  /** The trace's calls (each once, wrappers left out), priced. */
  public List<LlmCall> callsOf(Trace trace) {
    return price(LlmCalls.of(trace));
  }

  public List<LlmCall> price(List<LlmCall> calls) {
    List<LlmCall> priced = new ArrayList<>(calls.size());
    for (LlmCall call : calls) {
      priced.add(price(call));
    }
    return priced;
  }

  public LlmCall price(LlmCall call) {
    return call.priced(quote(call, call.model(), call.provider()));
  }

  /** What the call would have cost on another model (its tokens counted as they were). */
  public PriceBook.Quote quote(LlmCall call, String model, String provider) {
    BillableUsage usage = BillableTokens.of(call);
    return book.price(provider, LlmCall.UNKNOWN_MODEL.equals(model) ? null : model, call.span().startTime(), usage);
  }

  /** The price of calls a store summed ({@code LlmUsageSums}): every call's price, summed. */
  public PriceBook.Quote quote(CallGroup group) {
    String model = group.model();
    return book.price(group.provider(), LlmCall.UNKNOWN_MODEL.equals(model) ? null : model, group.firstStart(),
        group.billable(), group.tierInput(), group.requests());
  }

  /** The rates calls are priced at, for a store that prices calls itself. */
  public RateLookup rates() {
    return book::rates;
  }

  /** Where prices can change from call to call, for a store that sums calls itself. */
  public PriceBreaks breaks() {
    return book.breaks();
  }

  /** The price-table model a name is priced as, when the table knows it. */
  public Optional<String> tableModel(String model) {
    return book.modelId(null, model);
  }

  /** The price-table model the calls of a provider naming a model are priced as, when the table knows it. */
  public Optional<String> tableModel(String provider, String model) {
    return book.modelId(provider, model);
  }

  /** Whether the prices know a model (named without its provider). */
  public boolean knows(String model) {
    return book.knows(null, model);
  }

  /** Where prices come from, as answers name it. */
  public List<PriceSource> sources() {
    return book.sources();
  }
}
