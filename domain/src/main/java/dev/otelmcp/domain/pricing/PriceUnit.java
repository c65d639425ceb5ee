package dev.otelmcp.domain.pricing;

import java.util.Arrays;
import java.util.Optional;

/** The units an LLM call's spans can be priced in, by their names in genai-prices and their scale. */
public enum PriceUnit {
  INPUT_MTOK("input_mtok", 1_000_000),
  CACHE_READ_MTOK("cache_read_mtok", 1_000_000),
  CACHE_WRITE_MTOK("cache_write_mtok", 1_000_000),
  CACHE_WRITE_1H_MTOK("cache_write_1h_mtok", 1_000_000),
  OUTPUT_MTOK("output_mtok", 1_000_000),
  OUTPUT_REASONING_MTOK("output_reasoning_mtok", 1_000_000),
  REQUESTS_KCOUNT("requests_kcount", 1_000);

  private final String wireName;
  private final double per;

  PriceUnit(String wireName, double per) {
    this.wireName = wireName;
    this.per = per;
  }

  public String wireName() {
    return wireName;
  }

  /** How many units one price is for (a million tokens, a thousand requests). */
  public double per() {
    return per;
  }

  public static Optional<PriceUnit> parse(String wireName) {
    return Arrays.stream(values()).filter(u -> u.wireName.equals(wireName)).findFirst();
  }
}
