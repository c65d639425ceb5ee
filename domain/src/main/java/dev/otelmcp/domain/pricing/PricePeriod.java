package dev.otelmcp.domain.pricing;

/** Prices with the condition under which they apply ({@code null}: always, unless a later period applies). */
public record PricePeriod(PriceConstraint constraint, ModelPrices prices) {}
