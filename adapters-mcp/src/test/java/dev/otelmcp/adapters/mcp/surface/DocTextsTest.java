package dev.otelmcp.adapters.mcp.surface;

import static org.assertj.core.api.Assertions.assertThat;

import dev.otelmcp.adapters.mcp.docs.DocTexts;
import dev.otelmcp.adapters.mcp.docs.DocTopic;
import dev.otelmcp.application.usecase.DescribePricesUseCase;
import dev.otelmcp.domain.llm.LlmAttributeKeys;
import dev.otelmcp.domain.pricing.ModelPrices;
import dev.otelmcp.domain.pricing.NameMatch;
import dev.otelmcp.domain.pricing.OperatorPrice;
import dev.otelmcp.domain.pricing.PriceBook;
import dev.otelmcp.domain.pricing.PriceSource;
import dev.otelmcp.domain.pricing.PriceUnit;
import dev.otelmcp.domain.pricing.UnitPrice;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DocTextsTest {

  static PriceBook operatorBook() {
    return new PriceBook(List.of(new OperatorPrice(new NameMatch.StartsWith("gpt-4o"), null,
        new ModelPrices(Map.of(PriceUnit.INPUT_MTOK, UnitPrice.flat(2.0), PriceUnit.OUTPUT_MTOK, UnitPrice.flat(8.0))))),
        new PriceSource("acme.yaml", null, null), null);
  }

  private static DocTexts texts(PriceBook book) {
    return new DocTexts(new DescribePricesUseCase(book));
  }

  @Test
  void conventionsListEveryAttributeKeyReadAndNoPlaceholder() {
    String text = texts(PriceBook.NONE).text(DocTopic.CONVENTIONS);

    assertThat(LlmAttributeKeys.figures()).isNotEmpty();
    for (LlmAttributeKeys.Figure figure : LlmAttributeKeys.figures()) {
      assertThat(text).as(figure.name()).contains("**" + figure.name() + "**");
      figure.keys().forEach(key -> assertThat(text).as(figure.name()).contains("`" + key + "`"));
    }
    assertThat(text).doesNotContain("{{").doesNotContain("}}").startsWith("# ");
  }

  @Test
  void filtersAndPagingAreMarkdownDocuments() {
    DocTexts texts = texts(PriceBook.NONE);

    assertThat(texts.text(DocTopic.FILTERS)).startsWith("# Filters").contains("search_traces").hasSizeGreaterThan(500)
        .doesNotContain("{{");
    assertThat(texts.text(DocTopic.PAGING)).startsWith("# ").contains("cursor").hasSizeGreaterThan(500)
        .doesNotContain("{{");
  }

  @Test
  void withoutPricesThePricingSaysThereIsNoSource() {
    String text = texts(PriceBook.NONE).text(DocTopic.PRICING);

    assertThat(text).startsWith("# Price table").contains("no price source").contains("## Operator prices")
        .contains("None.").doesNotContain("The table prices");
  }

  @Test
  void operatorPricesAreListedWithTheirRuleAndUnits() {
    String text = texts(operatorBook()).text(DocTopic.PRICING);

    assertThat(text).contains("- **acme.yaml**").doesNotContain("no price source").doesNotContain("None.")
        .contains("- model starts_with \"gpt-4o\": input_mtok 2.0 USD per million tokens, "
            + "output_mtok 8.0 USD per million tokens\n")
        .doesNotContain("provider").doesNotContain("tiered above");
  }

  @Test
  void everyTopicHasAnIdTitleAndDescription() {
    assertThat(DocTopic.ids()).containsExactly("conventions", "filters", "paging", "pricing");
    assertThat(DocTopic.of(" Filters ")).contains(DocTopic.FILTERS);
    assertThat(DocTopic.of("nope")).isEmpty();
    for (DocTopic topic : DocTopic.values()) {
      assertThat(topic.title()).isNotBlank();
      assertThat(topic.description()).isNotBlank();
    }
  }
}
