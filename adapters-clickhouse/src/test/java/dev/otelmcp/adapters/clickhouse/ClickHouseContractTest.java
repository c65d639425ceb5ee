package dev.otelmcp.adapters.clickhouse;

import dev.otelmcp.domain.model.TraceId;
import dev.otelmcp.domain.port.TraceStore;
import dev.otelmcp.domain.query.Filter;
import dev.otelmcp.domain.query.FilterOperator;
import dev.otelmcp.domain.query.FilterValueType;
import dev.otelmcp.tck.AbstractTraceStoreContractTest;
import java.util.ArrayList;
import java.util.List;

/** The TCK against a real ClickHouse engine (chdb behind the test shim) holding the recorded samples, Map variant. */
class ClickHouseContractTest extends AbstractTraceStoreContractTest {

  @Override
  protected TraceStore openStore() {
    return Stores.open(SampleTables.loaded(), SampleTables.MAP_DATABASE);
  }

  @Override
  protected KnownData knownData() {
    return new KnownData(SampleTables.WINDOW, new TraceId("252334cf59f256d5485e0a694c6790bb"), 9, "travel-agent",
        "plan_trip.workflow", new TraceId("0000000000000000000000000000abcd"));
  }

  /** Attribute filters too, through the convention aliases and with numbers read from the Map's strings. */
  @Override
  protected List<Filter> sampleFilters() {
    List<Filter> filters = new ArrayList<>(super.sampleFilters());
    filters.add(Filter.equalsString("gen_ai.system", "openai"));
    filters.add(Filter.number("gen_ai.usage.input_tokens", FilterOperator.GT, 100));
    filters.add(Filter.of("gen_ai.request.model", FilterOperator.NOT_EQUALS, FilterValueType.STRING,
        List.of("gpt-4o")));
    filters.add(Filter.number("duration", FilterOperator.LT, 2000));
    filters.add(Filter.number("span_count", FilterOperator.GTE, 5));
    filters.add(Filter.of("kind", FilterOperator.IN, FilterValueType.STRING, List.of("client", "server")));
    return filters;
  }
}
