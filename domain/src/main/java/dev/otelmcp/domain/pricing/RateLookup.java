package dev.otelmcp.domain.pricing;

import java.time.Instant;
import java.util.Optional;

/**
 * The prices that apply to calls of a provider and model made at a time with some input tokens — what a store that
 * prices calls itself asks for once per group of calls between the same {@link PriceBreaks}. {@link PriceBook#rates}
 * is the one otel-mcp uses.
 */
@FunctionalInterface
public interface RateLookup {

  /**
   * @param provider the provider the calls name, or {@code null}
   * @param model the model they are priced as ({@code LlmCall.model()}), or {@code null} when they name none
   * @param at when one of them was made
   * @param tierInput the billable input tokens of one of them
   * @return the rates, or empty when the calls have no price
   */
  Optional<UnitRates> rates(String provider, String model, Instant at, long tierInput);
}
