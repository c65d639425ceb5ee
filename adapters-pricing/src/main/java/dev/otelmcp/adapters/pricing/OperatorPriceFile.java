package dev.otelmcp.adapters.pricing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.otelmcp.domain.pricing.ModelPrices;
import dev.otelmcp.domain.pricing.NameMatch;
import dev.otelmcp.domain.pricing.OperatorPrice;
import dev.otelmcp.domain.pricing.PriceSource;
import dev.otelmcp.domain.pricing.PriceUnit;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * The operator's price file ({@code --prices}), JSON or YAML:
 *
 * <pre>
 * source: ACME contract 2026      # optional: how answers name these prices
 * prices:
 *   - model: gpt-4o*              # * matches any characters; or "regex: ^gpt-4o(-\d{4}-\d{2}-\d{2})?$"
 *     provider: openai            # optional, same pattern forms
 *     input_mtok: 2.00            # USD per million tokens; also cache_read_mtok, cache_write_mtok,
 *     output_mtok: 8.00           # cache_write_1h_mtok, output_reasoning_mtok, and requests_kcount
 *   - model: llama-3*             # a self-hosted model
 *     input_mtok: 0
 *     output_mtok: 0
 * </pre>
 *
 * The first entry whose model (and provider) pattern holds prices the call. A mistake is reported with the entry's
 * position and field, and stops otel-mcp from starting.
 */
public final class OperatorPriceFile {

  /** The file's entries and how answers name them. */
  public record Contents(List<OperatorPrice> prices, PriceSource source) {}

  private OperatorPriceFile() {}

  public static Contents read(Path file) {
    JsonNode root;
    try {
      boolean yaml = file.getFileName().toString().toLowerCase(Locale.ROOT).matches(".*\\.ya?ml");
      root = (yaml ? new ObjectMapper(new YAMLFactory()) : new ObjectMapper()).readTree(Files.readAllBytes(file));
    } catch (IOException e) {
      throw new IllegalArgumentException("cannot read the price file " + file + ": " + firstLine(e.getMessage()));
    }
    if (root == null || !root.path("prices").isArray()) {
      throw new IllegalArgumentException("the price file " + file + " needs a list named prices");
    }
    List<OperatorPrice> prices = new ArrayList<>();
    JsonNode entries = root.get("prices");
    for (int i = 0; i < entries.size(); i++) {
      prices.add(entry(entries.get(i), "prices[" + i + "]"));
    }
    String modified;
    try {
      modified = Files.getLastModifiedTime(file).toInstant().atOffset(ZoneOffset.UTC).toLocalDate().toString();
    } catch (IOException e) {
      modified = Instant.now().atOffset(ZoneOffset.UTC).toLocalDate().toString();
    }
    String name = root.path("source").asText(file.getFileName().toString());
    return new Contents(prices, new PriceSource(name, "operator", modified));
  }

  private static OperatorPrice entry(JsonNode entry, String at) {
    if (!entry.isObject() || !entry.hasNonNull("model")) {
      throw new IllegalArgumentException(at + " needs a model pattern");
    }
    entry.fieldNames().forEachRemaining(field -> {
      if (!field.equals("model") && !field.equals("provider") && PriceUnit.parse(field).isEmpty()) {
        throw new IllegalArgumentException(at + "." + field + " is not a known field; use model, provider, input_mtok, "
            + "cache_read_mtok, cache_write_mtok, cache_write_1h_mtok, output_mtok, output_reasoning_mtok, requests_kcount");
      }
    });
    ModelPrices prices;
    try {
      prices = GenaiPricesTable.prices(entry);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(at + "." + e.getMessage());
    }
    if (prices.units().isEmpty()) {
      throw new IllegalArgumentException(at + " sets no price (input_mtok, output_mtok, ...)");
    }
    return new OperatorPrice(pattern(entry.get("model"), at + ".model"), entry.hasNonNull("provider")
        ? pattern(entry.get("provider"), at + ".provider") : null, prices);
  }

  /** A glob ({@code *} for any characters) or {@code regex: …}, compared with lower-cased names. */
  private static NameMatch pattern(JsonNode node, String at) {
    String text = node.asText().strip();
    try {
      if (text.startsWith("regex:")) {
        return new NameMatch.Regex(Pattern.compile(text.substring("regex:".length()).strip()));
      }
      StringBuilder regex = new StringBuilder("^");
      for (String piece : text.toLowerCase(Locale.ROOT).split("\\*", -1)) {
        regex.append(Pattern.quote(piece)).append(".*");
      }
      regex.setLength(regex.length() - 2);
      return new NameMatch.Regex(Pattern.compile(regex.append('$').toString()));
    } catch (PatternSyntaxException e) {
      throw new IllegalArgumentException(at + " is not a valid regular expression: " + firstLine(e.getMessage()));
    }
  }

  private static String firstLine(String message) {
    return message == null ? "unreadable" : message.lines().findFirst().orElse("unreadable");
  }
}
