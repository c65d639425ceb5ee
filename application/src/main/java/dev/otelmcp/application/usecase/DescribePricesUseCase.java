package dev.otelmcp.application.usecase;

import dev.otelmcp.domain.pricing.OperatorPrice;
import dev.otelmcp.domain.pricing.PriceBook;
import dev.otelmcp.domain.pricing.PriceSource;
import dev.otelmcp.domain.pricing.PriceTable;
import dev.otelmcp.domain.pricing.UnitPrice;
import jakarta.inject.Inject;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Where costs come from: the price sources, the table's size and the operator's prices over it. */
public final class DescribePricesUseCase {

  /**
   * @param prices the base price of each unit, by its genai-prices name ({@code input_mtok}: USD per million input
   *     tokens); {@code tiered} lists the units whose price changes past a number of input tokens
   */
  public record OverrideView(String model, String provider, Map<String, Double> prices, List<String> tiered) {}

  public record Result(List<PriceSource> sources, int tableProviders, int tableModels, List<OverrideView> overrides) {}

  private final PriceBook book;

  @Inject
  public DescribePricesUseCase(PriceBook book) {
    this.book = book;
  }

  public Result execute() {
    int providers = book.table().map(table -> table.providers().size()).orElse(0);
    int models = book.table().map(DescribePricesUseCase::modelCount).orElse(0);
    List<OverrideView> overrides = book.operatorPrices().stream().map(DescribePricesUseCase::view).toList();
    return new Result(book.sources(), providers, models, overrides);
  }

  private static int modelCount(PriceTable table) {
    return table.providers().stream().mapToInt(provider -> provider.models().size()).sum();
  }

  private static OverrideView view(OperatorPrice price) {
    Map<String, Double> prices = new LinkedHashMap<>();
    List<String> tiered = new java.util.ArrayList<>();
    price.prices().units().entrySet().stream()
        .sorted(Map.Entry.comparingByKey())
        .forEach(unit -> {
          UnitPrice value = unit.getValue();
          prices.put(unit.getKey().wireName(), value.base());
          if (value.isTiered()) {
            tiered.add(unit.getKey().wireName());
          }
        });
    return new OverrideView(price.model().text(), price.provider() == null ? null : price.provider().text(), prices,
        List.copyOf(tiered));
  }
}
