package dev.otelmcp.domain.pricing;

/**
 * Where prices come from, as answers name it.
 *
 * @param name e.g. {@code genai-prices} or the operator's price file
 * @param version the table's version, e.g. {@code 0.1.8}
 * @param asOf the table's date (its publication), ISO-8601
 */
public record PriceSource(String name, String version, String asOf) {}
