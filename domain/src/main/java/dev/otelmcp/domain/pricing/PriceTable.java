package dev.otelmcp.domain.pricing;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A provider/model price table with genai-prices' lookup rules:
 *
 * <ol>
 *   <li>Names are compared lower-cased and trimmed.
 *   <li>A named provider is found by its id, else by the first provider whose {@code providerMatch} holds; a
 *       provider name no rule knows gets no price (it is not guessed from the model). A call naming no provider
 *       goes to the first provider whose {@code modelMatch} holds for the model.
 *   <li>The model is the provider's first model whose rule holds, else the first of its fallback providers' models
 *       (one level); failing both, a {@code -YYYYMMDD} date in the name is tried again as {@code -YYYY-MM-DD}.
 * </ol>
 */
public final class PriceTable {

  /** The provider and model a call was priced as. */
  public record Resolved(PriceProvider provider, PricedModel model) {}

  private static final Pattern COMPACT_DATE =
      Pattern.compile("-(20\\d{2})(0[1-9]|1[0-2])(0[1-9]|[12]\\d|3[01])(?=-|:|$)");
  private static final String LITELLM = "litellm";

  private final PriceSource source;
  private final List<PriceProvider> providers;
  private final Map<String, PriceProvider> byId = new HashMap<>();

  public PriceTable(PriceSource source, List<PriceProvider> providers) {
    this.source = source;
    this.providers = List.copyOf(providers);
    for (PriceProvider provider : this.providers) {
      byId.putIfAbsent(provider.id(), provider);
    }
  }

  public PriceSource source() {
    return source;
  }

  public List<PriceProvider> providers() {
    return providers;
  }

  /**
   * @param providerName the provider as the call names it, or {@code null}
   */
  public Optional<Resolved> find(String providerName, String modelName) {
    if (modelName == null || modelName.isBlank()) {
      return Optional.empty();
    }
    String model = normalise(modelName);
    String provider = providerName == null || providerName.isBlank() ? null : normalise(providerName);
    if (LITELLM.equals(provider) && model.indexOf('/') > 0 && model.indexOf('/') < model.length() - 1) {
      String prefix = model.substring(0, model.indexOf('/'));
      if (provider(prefix).isPresent()) {
        provider = prefix;
        model = model.substring(model.indexOf('/') + 1);
      }
    }
    Optional<PriceProvider> found = provider == null ? byModel(model) : provider(provider);
    if (found.isEmpty() && LITELLM.equals(provider)) {
      // A LiteLLM proxy names itself, not the provider: the model decides.
      found = byModel(model);
    }
    String name = model;
    return found.flatMap(p -> model(p, name).map(m -> new Resolved(p, m)));
  }

  private Optional<PriceProvider> provider(String id) {
    PriceProvider exact = byId.get(id);
    if (exact != null) {
      return Optional.of(exact);
    }
    return providers.stream().filter(p -> p.providerMatch() != null && p.providerMatch().matches(id)).findFirst();
  }

  private Optional<PriceProvider> byModel(String model) {
    return providers.stream().filter(p -> p.modelMatch() != null && p.modelMatch().matches(model)).findFirst();
  }

  private Optional<PricedModel> model(PriceProvider provider, String model) {
    Optional<PricedModel> found = modelOrFallback(provider, model);
    if (found.isPresent()) {
      return found;
    }
    String dated = withDashedDates(model);
    return dated.equals(model) ? Optional.empty() : modelOrFallback(provider, dated);
  }

  private Optional<PricedModel> modelOrFallback(PriceProvider provider, String model) {
    Optional<PricedModel> own = first(provider, model);
    if (own.isPresent()) {
      return own;
    }
    for (String fallback : provider.fallbackProviders()) {
      PriceProvider other = byId.get(fallback);
      Optional<PricedModel> found = other == null ? Optional.empty() : first(other, model);
      if (found.isPresent()) {
        return found;
      }
    }
    return Optional.empty();
  }

  private static Optional<PricedModel> first(PriceProvider provider, String model) {
    return provider.models().stream().filter(m -> m.match().matches(model)).findFirst();
  }

  /** {@code gpt-4o-20240806} as {@code gpt-4o-2024-08-06}: only real dates, only after a dash. */
  static String withDashedDates(String model) {
    Matcher matcher = COMPACT_DATE.matcher(model);
    StringBuilder out = new StringBuilder();
    while (matcher.find()) {
      String replacement = matcher.group();
      try {
        LocalDate.of(Integer.parseInt(matcher.group(1)), Integer.parseInt(matcher.group(2)),
            Integer.parseInt(matcher.group(3)));
        replacement = "-" + matcher.group(1) + "-" + matcher.group(2) + "-" + matcher.group(3);
      } catch (DateTimeException notADate) {
        // left as it is
      }
      matcher.appendReplacement(out, Matcher.quoteReplacement(replacement));
    }
    matcher.appendTail(out);
    return out.toString();
  }

  static String normalise(String name) {
    return name.strip().toLowerCase(Locale.ROOT);
  }
}
