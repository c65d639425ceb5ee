package dev.otelmcp.domain.pricing;

import java.util.List;

/**
 * A provider in a price table.
 *
 * @param providerMatch how instrumentations name this provider ({@code null}: only by its id)
 * @param modelMatch the model names that identify this provider when a call names no provider ({@code null}: none)
 * @param fallbackProviders providers whose models this one also serves (Azure serves OpenAI's), tried in order
 */
public record PriceProvider(
    String id, String name, NameMatch providerMatch, NameMatch modelMatch, List<String> fallbackProviders,
    List<PricedModel> models) {

  public PriceProvider {
    fallbackProviders = List.copyOf(fallbackProviders);
    models = List.copyOf(models);
  }
}
