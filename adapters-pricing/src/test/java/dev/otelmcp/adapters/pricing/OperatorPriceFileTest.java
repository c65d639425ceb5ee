package dev.otelmcp.adapters.pricing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import dev.otelmcp.domain.pricing.BillableUsage;
import dev.otelmcp.domain.pricing.PriceBook;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OperatorPriceFileTest {

  private static final Instant T = Instant.parse("2026-10-01T12:00:00Z");

  @TempDir
  Path dir;

  /** Usage with input and output tokens only: no cache, no reasoning. */
  private static BillableUsage inputOutput(long input, long output) {
    return new BillableUsage(input, 0, 0, 0, output, 0);
  }

  @Test
  void aYamlFileOverridesTheTableForTheModelsItNames() throws Exception {
    Path file = Files.writeString(dir.resolve("prices.yaml"), """
        source: ACME contract 2026
        prices:
          - model: gpt-4o*
            provider: openai
            input_mtok: 2.00
            output_mtok: 8.00
          - model: "regex: ^llama-3(\\\\.\\\\d)?-.*$"
            input_mtok: 0
            output_mtok: 0
        """);

    PriceBook book = PriceBooks.load(file);

    // 1,000,000 in + 100,000 out at the contract's 2.00 / 8.00 (the table says 2.50 / 10.00)
    PriceBook.Quote gpt4o = book.price("openai", "gpt-4o-2024-08-06", T, inputOutput(1_000_000, 100_000));
    assertThat(gpt4o).isInstanceOfSatisfying(PriceBook.Priced.class, priced -> {
      assertThat(priced.cost().totalUsd()).isCloseTo(2.80, within(1e-12));
      assertThat(priced.priceSource().name()).isEqualTo("ACME contract 2026");
    });
    assertThat(book.price("vllm", "llama-3.1-70b", T, inputOutput(5_000, 500)))
        .isInstanceOfSatisfying(PriceBook.Priced.class, priced -> assertThat(priced.cost().totalUsd()).isZero());
    assertThat(book.price("anthropic", "claude-sonnet-4-5", T, inputOutput(1_000_000, 0)))
        .as("models the file does not name keep the table's price")
        .isInstanceOfSatisfying(PriceBook.Priced.class, priced -> assertThat(priced.priceSource()).isEqualTo(GenaiPricesTable.SOURCE));
    assertThat(book.sources()).hasSize(2);
  }

  @Test
  void aJsonFileWorksTheSame() throws Exception {
    Path file = Files.writeString(dir.resolve("prices.json"),
        "{\"prices\":[{\"model\":\"my-model\",\"input_mtok\":1,\"output_mtok\":2,\"requests_kcount\":5}]}");

    PriceBook.Quote quote = PriceBooks.load(file).price(null, "My-Model", T, inputOutput(1_000_000, 1_000_000));

    // 1 + 2 + 5 per thousand requests = 3.005
    assertThat(quote).isInstanceOfSatisfying(PriceBook.Priced.class,
        priced -> assertThat(priced.cost().totalUsd()).isCloseTo(3.005, within(1e-12)));
  }

  @Test
  void mistakesNameTheEntryAndTheField() throws Exception {
    Path typo = Files.writeString(dir.resolve("typo.yaml"), "prices:\n  - model: x\n    input_mtoks: 1\n");
    Path noPrice = Files.writeString(dir.resolve("none.yaml"), "prices:\n  - model: x\n");
    Path negative = Files.writeString(dir.resolve("neg.yaml"), "prices:\n  - model: x\n    input_mtok: -1\n");
    Path badRegex = Files.writeString(dir.resolve("regex.yaml"), "prices:\n  - model: 'regex: ('\n    input_mtok: 1\n");
    Path notALis = Files.writeString(dir.resolve("flat.yaml"), "model: x\n");

    assertThatThrownBy(() -> PriceBooks.load(typo)).hasMessageContaining("prices[0].input_mtoks is not a known field");
    assertThatThrownBy(() -> PriceBooks.load(noPrice)).hasMessageContaining("prices[0] sets no price");
    assertThatThrownBy(() -> PriceBooks.load(negative)).hasMessageContaining("prices[0].input_mtok");
    assertThatThrownBy(() -> PriceBooks.load(badRegex)).hasMessageContaining("prices[0].model is not a valid regular expression");
    assertThatThrownBy(() -> PriceBooks.load(notALis)).hasMessageContaining("needs a list named prices");
    assertThatThrownBy(() -> PriceBooks.load(dir.resolve("missing.yaml"))).hasMessageContaining("cannot read");
  }
}
