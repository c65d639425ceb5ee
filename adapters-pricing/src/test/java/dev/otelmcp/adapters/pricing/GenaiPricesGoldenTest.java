package dev.otelmcp.adapters.pricing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.otelmcp.domain.pricing.BillableUsage;
import dev.otelmcp.domain.pricing.PriceBook;
import java.io.InputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every case the official genai-prices calculator priced (see the test resources' README), priced again by our
 * code with the vendored table: same provider and model found, same input, output and total price, no price
 * where the calculator found none or refused the usage.
 */
class GenaiPricesGoldenTest {

  /** Usage our spans never carry (audio, searches) and lookups by API URL are not ours to reproduce. */
  private static final Set<String> USAGE_WE_READ = Set.of("input_tokens", "cache_read_tokens", "cache_write_tokens",
      "cache_write_1h_tokens", "output_tokens", "output_reasoning_tokens");

  private static final PriceBook BOOK = PriceBooks.load(null);

  @TestFactory
  Stream<DynamicTest> everyGoldenCaseIsPricedAsTheTablesOwnCalculatorPricesIt() throws Exception {
    JsonNode golden;
    try (InputStream in = getClass().getResourceAsStream("/genai-prices-golden.json")) {
      golden = new ObjectMapper().readTree(in);
    }
    List<DynamicTest> tests = new ArrayList<>();
    for (JsonNode c : golden.get("cases")) {
      List<String> keys = new ArrayList<>();
      c.get("usage").fieldNames().forEachRemaining(keys::add);
      if (c.has("options") || !USAGE_WE_READ.containsAll(keys)) {
        continue;
      }
      tests.add(DynamicTest.dynamicTest(c.get("id").asText(), () -> check(c)));
    }
    assertThat(tests).as("cases checked").hasSizeGreaterThan(60);
    return tests.stream();
  }

  private static void check(JsonNode c) {
    JsonNode usage = c.get("usage");
    BillableUsage billable = new BillableUsage(usage.path("input_tokens").asLong(), usage.path("cache_read_tokens").asLong(),
        usage.path("cache_write_tokens").asLong(), usage.path("cache_write_1h_tokens").asLong(),
        usage.path("output_tokens").asLong(), usage.path("output_reasoning_tokens").asLong());
    String provider = c.get("provider").isNull() ? null : c.get("provider").asText();
    PriceBook.Quote quote = BOOK.price(provider, c.get("model").asText(), Instant.parse(c.get("timestamp").asText()), billable);
    JsonNode expected = c.get("result");
    if (expected.has("no_match") || expected.has("error")) {
      assertThat(quote).as(c.get("note").asText()).isInstanceOf(PriceBook.Unpriced.class);
      return;
    }
    assertThat(quote).as(c.get("note").asText()).isInstanceOf(PriceBook.Priced.class);
    PriceBook.Priced priced = (PriceBook.Priced) quote;
    assertThat(priced.provider()).isEqualTo(expected.get("provider_id").asText());
    assertThat(priced.model()).isEqualTo(expected.get("model_id").asText());
    assertThat(priced.cost().inputUsd()).isCloseTo(expected.get("input_price").asDouble(), within(1e-12));
    assertThat(priced.cost().outputUsd()).isCloseTo(expected.get("output_price").asDouble(), within(1e-12));
    assertThat(priced.cost().totalUsd()).isCloseTo(expected.get("total_price").asDouble(), within(1e-12));
    assertThat(priced.priceSource()).isEqualTo(GenaiPricesTable.SOURCE);
  }
}
