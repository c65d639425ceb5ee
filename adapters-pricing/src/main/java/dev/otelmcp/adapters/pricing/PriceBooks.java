package dev.otelmcp.adapters.pricing;

import dev.otelmcp.domain.pricing.PriceBook;
import java.nio.file.Path;
import java.util.List;

/** Builds the price book otel-mcp answers with: the operator's prices, if any, over the vendored table. */
public final class PriceBooks {

  private PriceBooks() {}

  /** @param operatorFile the {@code --prices} file, or {@code null} */
  public static PriceBook load(Path operatorFile) {
    if (operatorFile == null) {
      return new PriceBook(List.of(), null, GenaiPricesTable.load());
    }
    OperatorPriceFile.Contents operator = OperatorPriceFile.read(operatorFile);
    return new PriceBook(operator.prices(), operator.source(), GenaiPricesTable.load());
  }
}
