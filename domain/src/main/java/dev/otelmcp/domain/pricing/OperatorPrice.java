package dev.otelmcp.domain.pricing;

/**
 * A price the operator sets (negotiated discounts, self-hosted models at 0, models a table lacks): the models it
 * applies to, optionally only from one provider, and their prices. Operator prices win over any table.
 *
 * @param provider the providers it applies to, or {@code null} for any
 */
public record OperatorPrice(NameMatch model, NameMatch provider, ModelPrices prices) {

  public boolean appliesTo(String providerName, String modelName) {
    String model = PriceTable.normalise(modelName);
    return this.model.matches(model)
        && (provider == null || (providerName != null && provider.matches(PriceTable.normalise(providerName))));
  }
}
