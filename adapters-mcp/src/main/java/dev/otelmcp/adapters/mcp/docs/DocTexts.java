package dev.otelmcp.adapters.mcp.docs;

import dev.otelmcp.application.usecase.DescribePricesUseCase;
import dev.otelmcp.domain.llm.LlmAttributeKeys;
import dev.otelmcp.domain.pricing.PriceSource;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The Markdown of each {@link DocTopic}: the written texts bundled with otel-mcp, the attribute keys taken from the
 * code that reads them, and the price table as the running server has it.
 */
public final class DocTexts {

  private static final String KEYS_PLACEHOLDER = "{{attribute-keys}}";

  private final DescribePricesUseCase prices;

  public DocTexts(DescribePricesUseCase prices) {
    this.prices = prices;
  }

  public String text(DocTopic topic) {
    return switch (topic) {
      case CONVENTIONS -> bundled("conventions.md").replace(KEYS_PLACEHOLDER, attributeKeys());
      case FILTERS -> bundled("filters.md");
      case PAGING -> bundled("paging.md");
      case PRICING -> pricing(prices.execute());
    };
  }

  private static String attributeKeys() {
    return LlmAttributeKeys.figures().stream()
        .map(figure -> "- **" + figure.name() + "**: " + figure.keys().stream().map(key -> "`" + key + "`")
            .collect(Collectors.joining(", ")))
        .collect(Collectors.joining("\n"));
  }

  static String pricing(DescribePricesUseCase.Result result) {
    StringBuilder text = new StringBuilder("# Price table\n\n");
    text.append("Costs are USD, computed by otel-mcp from each call's tokens and the price of its model at the call's "
        + "time. Prices come from, in this order (the first that prices a call wins):\n\n");
    if (result.sources().isEmpty()) {
      text.append("- no price source: every cost is unknown (answers say `cost_is_partial`).\n");
    }
    for (PriceSource source : result.sources()) {
      text.append("- **").append(source.name()).append("**");
      if (source.version() != null) {
        text.append(" ").append(source.version());
      }
      if (source.asOf() != null) {
        text.append(", as of ").append(source.asOf());
      }
      text.append('\n');
    }
    if (result.tableModels() > 0) {
      text.append("\nThe table prices ").append(result.tableModels()).append(" models of ")
          .append(result.tableProviders()).append(" providers: input, output, cache read and write, reasoning and "
              + "per-request prices, dated prices, long-context tiers and off-peak hours, by its own matching rules "
              + "(`gpt-4o-2024-08-06` is priced as `gpt-4o`).\n");
    }
    text.append("\n## Operator prices\n\n");
    if (result.overrides().isEmpty()) {
      text.append("None. An operator sets prices with `--prices FILE` (or `OTEL_MCP_PRICES`): negotiated discounts, "
          + "self-hosted models at 0, models the table lacks. They win over the table.\n");
    } else {
      text.append("These win over the table, the first that matches a call:\n\n");
      for (DescribePricesUseCase.OverrideView override : result.overrides()) {
        text.append("- model ").append(override.model());
        if (override.provider() != null) {
          text.append(", provider ").append(override.provider());
        }
        text.append(": ").append(override.prices().entrySet().stream()
            .map(DocTexts::price).collect(Collectors.joining(", ")));
        if (!override.tiered().isEmpty()) {
          text.append(" (tiered above a number of input tokens: ").append(String.join(", ", override.tiered()))
              .append(')');
        }
        text.append('\n');
      }
    }
    text.append("\nA call without a price is never counted as 0 silently: answers say `cost_is_partial: true`, "
        + "`unpriced_request_count` and `unpriced_models`, and name their `scope.price_sources`. compare_llm_models "
        + "can reprice calls as another model (`reprice_as`).\n");
    return text.toString();
  }

  private static String price(Map.Entry<String, Double> unit) {
    String per = unit.getKey().endsWith("_kcount") ? " per thousand requests" : " per million tokens";
    return unit.getKey() + " " + unit.getValue() + " USD" + per;
  }

  private static String bundled(String name) {
    try (InputStream in = DocTexts.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("the bundled document " + name + " is missing from the jar");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
