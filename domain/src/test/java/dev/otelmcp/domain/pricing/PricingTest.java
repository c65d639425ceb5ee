package dev.otelmcp.domain.pricing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Hand-computed prices: every figure below is worked out in its comment. */
class PricingTest {

  private static final Instant T = Instant.parse("2026-10-01T12:00:00Z");
  private static final PriceSource TABLE = new PriceSource("test", "1", "2026-10-01");

  private static ModelPrices prices(Object... unitsAndPrices) {
    Map<PriceUnit, UnitPrice> units = new EnumMap<>(PriceUnit.class);
    for (int i = 0; i < unitsAndPrices.length; i += 2) {
      Object price = unitsAndPrices[i + 1];
      units.put((PriceUnit) unitsAndPrices[i], price instanceof UnitPrice p ? p : UnitPrice.flat(((Number) price).doubleValue()));
    }
    return new ModelPrices(units);
  }

  private static PricedModel model(String id, NameMatch match, PricePeriod... periods) {
    return new PricedModel(id, id, match, List.of(periods));
  }

  private static PriceTable table() {
    PricedModel sonnet = model("claude-sonnet-4-5", new NameMatch.StartsWith("claude-sonnet-4-5"), new PricePeriod(null,
        prices(PriceUnit.INPUT_MTOK, new UnitPrice(3, List.of(new UnitPrice.Tier(200_000, 6))),
            PriceUnit.CACHE_READ_MTOK, new UnitPrice(0.30, List.of(new UnitPrice.Tier(200_000, 0.60))),
            PriceUnit.CACHE_WRITE_MTOK, new UnitPrice(3.75, List.of(new UnitPrice.Tier(200_000, 7.50))),
            PriceUnit.CACHE_WRITE_1H_MTOK, 6.00,
            PriceUnit.OUTPUT_MTOK, new UnitPrice(15, List.of(new UnitPrice.Tier(200_000, 22.50))))));
    PricedModel o3 = model("o3", new NameMatch.AnyOf(List.of(new NameMatch.Equals("o3"),
        new NameMatch.Regex(Pattern.compile("^o3-\\d{4}-\\d{2}-\\d{2}$")))),
        new PricePeriod(null, prices(PriceUnit.INPUT_MTOK, 10, PriceUnit.OUTPUT_MTOK, 40)),
        new PricePeriod(new PriceConstraint.StartDate(LocalDate.parse("2025-06-10")),
            prices(PriceUnit.INPUT_MTOK, 2, PriceUnit.OUTPUT_MTOK, 8)));
    PricedModel deepseek = model("deepseek-chat", new NameMatch.Equals("deepseek-chat"),
        new PricePeriod(null, prices(PriceUnit.INPUT_MTOK, 0.135, PriceUnit.OUTPUT_MTOK, 0.55)),
        new PricePeriod(new PriceConstraint.TimeOfDay(LocalTime.parse("00:30"), LocalTime.parse("16:30")),
            prices(PriceUnit.INPUT_MTOK, 0.27, PriceUnit.OUTPUT_MTOK, 1.10)));
    PricedModel sonar = model("sonar", new NameMatch.Equals("sonar"), new PricePeriod(null,
        prices(PriceUnit.INPUT_MTOK, 1, PriceUnit.OUTPUT_MTOK, 1, PriceUnit.REQUESTS_KCOUNT, 12)));
    return new PriceTable(TABLE, List.of(
        new PriceProvider("anthropic", "Anthropic", new NameMatch.Contains("anthropic"), new NameMatch.Contains("claude"),
            List.of(), List.of(sonnet)),
        new PriceProvider("openai", "OpenAI", new NameMatch.Contains("openai"), new NameMatch.StartsWith("o3"), List.of(),
            List.of(o3)),
        new PriceProvider("deepseek", "DeepSeek", null, new NameMatch.StartsWith("deepseek"), List.of(), List.of(deepseek)),
        new PriceProvider("perplexity", "Perplexity", null, null, List.of(), List.of(sonar)),
        new PriceProvider("azure", "Azure", null, null, List.of("openai"), List.of())));
  }

  private static PriceBook book() {
    return new PriceBook(List.of(), null, table());
  }

  /** Usage with input and output tokens only: no cache, no reasoning. */
  private static BillableUsage inputOutput(long input, long output) {
    return new BillableUsage(input, 0, 0, 0, output, 0);
  }

  private static double total(PriceBook.Quote quote) {
    assertThat(quote).isInstanceOf(PriceBook.Priced.class);
    return ((PriceBook.Priced) quote).cost().totalUsd();
  }

  @Test
  void cacheReadsAndWritesLeaveTheInputBucketAndAreChargedAtTheirOwnRates() {
    // 10,000 input tokens of which 3,000 read from cache and 2,000 written (500 of those for an hour); 500 output:
    // 5,000 x 3 + 3,000 x 0.30 + 1,500 x 3.75 + 500 x 6.00 + 500 x 15 = 15,000 + 900 + 5,625 + 3,000 + 7,500 per million
    double cost = total(book().price("anthropic", "claude-sonnet-4-5-20250929", T,
        new BillableUsage(10_000, 3_000, 2_000, 500, 500, 0)));

    assertThat(cost).isCloseTo(0.032025, within(1e-12));
  }

  @Test
  void aTierAppliesToTheWholeRequestOnceItsInputExceedsTheStart() {
    // exactly 200,000 input: base prices, 200,000 x 3 + 1,000 x 15 = 0.615
    assertThat(total(book().price("anthropic", "claude-sonnet-4-5", T, inputOutput(200_000, 1_000))))
        .isCloseTo(0.615, within(1e-12));
    // 200,001: every unit at the tier price, output too: 200,001 x 6 + 1,000 x 22.50 = 1.222506
    assertThat(total(book().price("anthropic", "claude-sonnet-4-5", T, inputOutput(200_001, 1_000))))
        .isCloseTo(1.222506, within(1e-12));
    // the tier is decided by the whole input, cached tokens included: 150,000 uncached + 60,000 cache reads
    // = 150,000 x 6 + 60,000 x 0.60 + 1,000 x 22.50 = 0.9585
    assertThat(total(book().price("anthropic", "claude-sonnet-4-5", T, new BillableUsage(210_000, 60_000, 0, 0, 1_000, 0))))
        .isCloseTo(0.9585, within(1e-12));
  }

  @Test
  void aDatedPriceChangeAppliesFromItsDayOnAndADateSuffixIsReadAsADate() {
    BillableUsage usage = inputOutput(100_000, 10_000);
    // before 2025-06-10: 100,000 x 10 + 10,000 x 40 = 1.4; from the day on: 100,000 x 2 + 10,000 x 8 = 0.28
    assertThat(total(book().price("openai", "o3", Instant.parse("2025-06-09T23:59:59Z"), usage))).isCloseTo(1.4, within(1e-12));
    assertThat(total(book().price("openai", "o3", Instant.parse("2025-06-10T00:00:00Z"), usage))).isCloseTo(0.28, within(1e-12));
    // o3-20250416 is not listed; o3-2025-04-16 is
    assertThat(book().price("openai", "o3-20250416", T, usage)).isInstanceOfSatisfying(PriceBook.Priced.class,
        priced -> assertThat(priced.model()).isEqualTo("o3"));
    assertThat(book().price("openai", "o3-20251345", T, usage)).isInstanceOf(PriceBook.Unpriced.class);
  }

  @Test
  void aDailyWindowPricesCallsByTheirTimeOfDayInUtc() {
    BillableUsage usage = inputOutput(1_000_000, 0);
    assertThat(total(book().price("deepseek", "deepseek-chat", Instant.parse("2026-01-10T00:30:00Z"), usage))).isEqualTo(0.27);
    assertThat(total(book().price("deepseek", "deepseek-chat", Instant.parse("2026-01-10T16:30:00Z"), usage))).isEqualTo(0.135);
  }

  @Test
  void providersAreFoundByIdOrRuleOrByTheModelWhenTheCallNamesNone() {
    BillableUsage usage = inputOutput(1_000_000, 0);
    assertThat(book().price("Anthropic", "claude-sonnet-4-5", T, usage)).isInstanceOf(PriceBook.Priced.class);
    assertThat(book().price("aws.anthropic.proxy", "claude-sonnet-4-5", T, usage)).isInstanceOf(PriceBook.Priced.class);
    assertThat(book().price(null, "CLAUDE-SONNET-4-5 ", T, usage)).isInstanceOf(PriceBook.Priced.class);
    assertThat(book().price("some-gateway", "claude-sonnet-4-5", T, usage)).as("an unknown provider is not guessed")
        .isInstanceOf(PriceBook.Unpriced.class);
    assertThat(book().price("azure", "o3", T, usage)).as("azure falls back to openai's models")
        .isInstanceOfSatisfying(PriceBook.Priced.class, p -> assertThat(p.provider()).isEqualTo("azure"));
  }

  @Test
  void anUnknownModelOrUsageThatDoesNotAddUpHasNoPrice() {
    assertThat(book().price("openai", "gpt-7", T, inputOutput(10, 10))).isInstanceOfSatisfying(PriceBook.Unpriced.class,
        u -> assertThat(u.reason()).contains("gpt-7"));
    // 2,000 cache reads in 1,000 input tokens: the table's calculator refuses it, so do we
    assertThat(book().price("anthropic", "claude-sonnet-4-5", T, new BillableUsage(1_000, 2_000, 0, 0, 10, 0)))
        .isInstanceOf(PriceBook.Unpriced.class);
    assertThat(book().price("anthropic", null, T, inputOutput(1, 1))).isInstanceOf(PriceBook.Unpriced.class);
  }

  @Test
  void aPerRequestFeeIsChargedOncePerCall() {
    // 1,000 x 1 + 500 x 1 per million + 12 per thousand requests = 0.0015 + 0.012
    assertThat(total(book().price("perplexity", "sonar", T, inputOutput(1_000, 500)))).isCloseTo(0.0135, within(1e-12));
  }

  @Test
  void operatorPricesWinOverTheTable() {
    OperatorPrice selfHosted = new OperatorPrice(new NameMatch.Regex(Pattern.compile("^llama-.*$")), null,
        prices(PriceUnit.INPUT_MTOK, 0, PriceUnit.OUTPUT_MTOK, 0));
    OperatorPrice discount = new OperatorPrice(new NameMatch.Regex(Pattern.compile("^claude-sonnet-4-5.*$")),
        new NameMatch.Contains("anthropic"), prices(PriceUnit.INPUT_MTOK, 2.40, PriceUnit.OUTPUT_MTOK, 12));
    PriceSource contract = new PriceSource("ACME contract", "operator", "2026-11-01");
    PriceBook book = new PriceBook(List.of(selfHosted, discount), contract, table());

    PriceBook.Quote discounted = book.price("anthropic", "claude-sonnet-4-5", T, inputOutput(1_000_000, 100_000));
    assertThat(total(discounted)).isCloseTo(2.40 + 1.20, within(1e-12));
    assertThat(((PriceBook.Priced) discounted).priceSource()).isEqualTo(contract);
    assertThat(total(book.price("vllm", "llama-3-70b", T, inputOutput(5_000, 500)))).isZero();
    assertThat(((PriceBook.Priced) book.price(null, "claude-sonnet-4-5", T, inputOutput(1, 1))).priceSource())
        .as("the discount is for anthropic only").isEqualTo(TABLE);
    assertThat(book.sources()).containsExactly(contract, TABLE);
  }

  @Test
  void theRatesAStoreIsGivenPriceEveryCallAsTheBookDoesToTheBit() {
    // What a store that prices calls itself gets (rates per provider, model, time and tier input) must give the very
    // number the book gives for each call: tiers, dates, times of day, cache splits, fees, operator prices, no price.
    OperatorPrice selfHosted = new OperatorPrice(new NameMatch.Regex(Pattern.compile("^llama-.*$")), null,
        prices(PriceUnit.INPUT_MTOK, 0.2, PriceUnit.OUTPUT_MTOK, 0.6));
    PriceBook book = new PriceBook(List.of(selfHosted), new PriceSource("ops", "operator", "2026-11-01"), table());
    List<String[]> models = List.of(new String[] {"anthropic", "claude-sonnet-4-5"}, new String[] {"openai", "o3"},
        new String[] {"deepseek", "deepseek-chat"}, new String[] {"perplexity", "sonar"},
        new String[] {null, "llama-3-70b"}, new String[] {"openai", "gpt-7"}, new String[] {"anthropic", null});
    List<Instant> times = List.of(Instant.parse("2025-06-09T23:59:59Z"), Instant.parse("2025-06-10T00:30:00Z"),
        Instant.parse("2026-01-10T16:30:00Z"));
    List<BillableUsage> usages = List.of(inputOutput(200_000, 1_000), inputOutput(200_001, 1_000),
        new BillableUsage(210_000, 60_000, 7_000, 500, 1_000, 300), new BillableUsage(1_000, 2_000, 0, 0, 10, 0),
        inputOutput(0, 0), new BillableUsage(77_777, 3, 5, 0, 12_345, 12_345));
    int priced = 0;
    for (String[] model : models) {
      for (Instant at : times) {
        for (BillableUsage usage : usages) {
          PriceBook.Quote quote = book.price(model[0], model[1], at, usage);
          java.util.Optional<CallCost> fromRates = book.rates(model[0], model[1], at, usage.input())
              .flatMap(rates -> rates.cost(usage, 1));
          if (quote instanceof PriceBook.Priced p) {
            assertThat(fromRates).as("%s %s at %s, %s", model[0], model[1], at, usage).contains(p.cost());
            priced++;
          } else {
            assertThat(fromRates).as("%s %s at %s, %s", model[0], model[1], at, usage).isEmpty();
          }
        }
      }
    }
    assertThat(priced).isGreaterThan(50);
  }
}
