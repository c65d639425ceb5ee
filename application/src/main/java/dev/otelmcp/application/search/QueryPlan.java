package dev.otelmcp.application.search;

import dev.otelmcp.domain.port.StoreCapabilities;
import dev.otelmcp.domain.query.Filter;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * Which filters a store evaluates itself ({@code pushed}) and which the application applies after
 * fetching ({@code residual}). The split follows the store's declared {@link StoreCapabilities}.
 */
public record QueryPlan(List<Filter> all, List<Filter> pushed, List<Filter> residual) {

  public QueryPlan {
    all = List.copyOf(all);
    pushed = List.copyOf(pushed);
    residual = List.copyOf(residual);
  }

  public static QueryPlan forTraces(List<Filter> filters, StoreCapabilities capabilities) {
    return split(filters, capabilities::evaluatesTraceFilter);
  }

  public static QueryPlan forSpans(List<Filter> filters, StoreCapabilities capabilities) {
    return split(filters, capabilities::evaluatesSpanFilter);
  }

  /** Whether results must be checked in memory after fetching. */
  public boolean hasResidual() {
    return !residual.isEmpty();
  }

  private static QueryPlan split(List<Filter> filters, Predicate<Filter> native_) {
    List<Filter> pushed = new ArrayList<>();
    List<Filter> residual = new ArrayList<>();
    for (Filter filter : filters) {
      (native_.test(filter) ? pushed : residual).add(filter);
    }
    return new QueryPlan(filters, pushed, residual);
  }
}
