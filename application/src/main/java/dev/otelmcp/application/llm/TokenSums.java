package dev.otelmcp.application.llm;

import dev.otelmcp.domain.llm.CallGroup;
import dev.otelmcp.domain.llm.LlmCall;
import dev.otelmcp.domain.llm.TokenUsage;
import dev.otelmcp.domain.pricing.PriceBook;
import java.util.OptionalDouble;

/**
 * {@link TokenTotals} summed in place: an aggregate over a whole window adds hundreds of thousands of calls to a
 * handful of groups, and a new record per call and group would be most of its work. Not thread-safe.
 */
public final class TokenSums {

  private long requests;
  private long errors;
  private long input;
  private long output;
  private long total;
  private long cacheRead;
  private long cacheCreation;
  private long reasoning;
  private long unpriced;
  private double cost;

  public void add(LlmCall call) {
    TokenUsage usage = call.usage();
    OptionalDouble price = call.costUsd();
    requests++;
    errors += call.failed() ? 1 : 0;
    input += usage.inputOrZero();
    output += usage.outputOrZero();
    total += usage.total();
    cacheRead += usage.cacheReadOrZero();
    cacheCreation += usage.cacheCreationOrZero();
    reasoning += usage.reasoningOrZero();
    if (price.isPresent()) {
      cost += price.getAsDouble();
    } else {
      unpriced++;
    }
  }

  /** Adds calls a store summed ({@code LlmUsageSums}), priced together. */
  public void add(CallGroup group, PriceBook.Quote quote) {
    requests += group.requests();
    errors += group.errors();
    input += group.input();
    output += group.output();
    total += group.total();
    cacheRead += group.cacheRead();
    cacheCreation += group.cacheCreation();
    reasoning += group.reasoning();
    if (quote instanceof PriceBook.Priced priced) {
      cost += priced.cost().totalUsd();
    } else {
      unpriced += group.requests();
    }
  }

  public void add(TokenSums other) {
    requests += other.requests;
    errors += other.errors;
    input += other.input;
    output += other.output;
    total += other.total;
    cacheRead += other.cacheRead;
    cacheCreation += other.cacheCreation;
    reasoning += other.reasoning;
    unpriced += other.unpriced;
    cost += other.cost;
  }

  public long requests() {
    return requests;
  }

  public TokenTotals totals() {
    return new TokenTotals(requests, errors, input, output, total, cacheRead, cacheCreation, reasoning, cost,
        unpriced > 0 ? Boolean.TRUE : null, unpriced > 0 ? unpriced : null);
  }
}
