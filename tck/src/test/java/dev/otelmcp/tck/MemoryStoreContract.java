package dev.otelmcp.tck;

import dev.otelmcp.domain.model.TimeRange;
import dev.otelmcp.domain.model.TraceId;
import dev.otelmcp.domain.port.TraceStore;
import java.time.Duration;

/** The behavioural contract on a {@link MemoryStore} with or without a flaw. */
abstract class MemoryStoreContract extends AbstractTraceStoreContractTest {

  private final MemoryStore.Flaw flaw;

  MemoryStoreContract(MemoryStore.Flaw flaw) {
    this.flaw = flaw;
  }

  @Override
  protected TraceStore openStore() {
    return new MemoryStore(flaw);
  }

  @Override
  protected KnownData knownData() {
    return new KnownData(new TimeRange(MemoryStore.START.minus(Duration.ofHours(1)),
        MemoryStore.START.plus(Duration.ofHours(1))), new TraceId(MemoryStore.CHECKOUT.traceId()), 1, "checkout",
        "charge", new TraceId("0000000000000000000000000000dead"));
  }
}
