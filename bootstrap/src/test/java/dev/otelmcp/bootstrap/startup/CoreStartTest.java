package dev.otelmcp.bootstrap.startup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.otelmcp.adapters.mcp.McpTool;
import dev.otelmcp.adapters.mcp.args.Arguments;
import dev.otelmcp.application.ApplicationSettings;
import dev.otelmcp.application.usecase.ListServicesUseCase;
import dev.otelmcp.bootstrap.config.ConfigurationException;
import dev.otelmcp.domain.error.BackendUnavailableException;
import dev.otelmcp.domain.error.CallStoppedException;
import dev.otelmcp.domain.model.Operation;
import dev.otelmcp.domain.model.TimeRange;
import dev.otelmcp.domain.model.Trace;
import dev.otelmcp.domain.model.TraceId;
import dev.otelmcp.domain.port.HealthStatus;
import dev.otelmcp.domain.port.StoreCapabilities;
import dev.otelmcp.domain.port.TraceSearchResult;
import dev.otelmcp.domain.port.TraceStore;
import dev.otelmcp.domain.pricing.PriceBook;
import dev.otelmcp.domain.query.TraceQuery;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class CoreStartTest {

  /** A store that knows two services and counts how often it was created and closed. */
  static final class TwoServices implements TraceStore {
    final AtomicInteger closed = new AtomicInteger();

    @Override
    public StoreCapabilities capabilities() {
      return new StoreCapabilities(f -> false, f -> false, false, 100, true);
    }

    @Override
    public List<String> listServices(TimeRange window) {
      return List.of("checkout", "support-bot");
    }

    @Override
    public List<Operation> listOperations(String serviceName, TimeRange window) {
      return List.of();
    }

    @Override
    public TraceSearchResult searchTraces(TraceQuery query) {
      return TraceSearchResult.of(List.of(), query.limit());
    }

    @Override
    public Optional<Trace> getTrace(TraceId traceId) {
      return Optional.empty();
    }

    @Override
    public HealthStatus health() {
      return HealthStatus.healthy("two services");
    }

    @Override
    public void close() {
      closed.incrementAndGet();
    }
  }

  private static CoreStart start(TraceStore store, CountDownLatch storeMayBeCreated) {
    return CoreStart.of(() -> {
      try {
        storeMayBeCreated.await();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      return store;
    }, () -> PriceBook.NONE, ApplicationSettings.DEFAULTS, Clock.systemUTC());
  }

  private static McpTool tool(List<McpTool> tools, String name) {
    return tools.stream().filter(t -> t.name().equals(name)).findFirst().orElseThrow();
  }

  @Test
  void theToolsAreKnownBeforeTheStoreExistsAndTheirCallsWaitForIt() throws Exception {
    TwoServices store = new TwoServices();
    CountDownLatch storeMayBeCreated = new CountDownLatch(1);
    CoreStart start = start(store, storeMayBeCreated);

    List<McpTool> tools = start.deferredTools();
    start.begin();
    McpTool listServices = tool(tools, "list_services");
    CompletableFuture<Object> call = CompletableFuture.supplyAsync(
        () -> listServices.call(new Arguments(Map.of(), listServices.input().propertyNames())));

    assertThat(tools).extracting(McpTool::name).hasSize(14).contains("list_services", "search_traces", "get_trace", "get_docs");
    assertThat(listServices.outputSchema()).isEqualTo(start.deferredTools().get(0).outputSchema());
    Thread.sleep(200);
    assertThat(call).as("the call waits while the store is being created").isNotDone();

    storeMayBeCreated.countDown();
    ListServicesUseCase.Result result = (ListServicesUseCase.Result) call.get(10, TimeUnit.SECONDS);
    assertThat(result.services()).containsExactly("checkout", "support-bot");
    start.close();
    assertThat(store.closed).hasValue(1);
  }

  @Test
  void aFailedStartReachesTheHandlerAndEveryCallIsBackendUnavailable() throws Exception {
    CoreStart start = CoreStart.of(() -> {
      throw new ConfigurationException("the traceloop backend needs an API key");
    }, () -> PriceBook.NONE, ApplicationSettings.DEFAULTS, Clock.systemUTC());
    AtomicReference<Throwable> reported = new AtomicReference<>();
    CountDownLatch handled = new CountDownLatch(1);
    start.onFailure(failure -> {
      reported.set(failure);
      handled.countDown();
    });
    McpTool listServices = tool(start.deferredTools(), "list_services");

    start.begin();

    assertThat(handled.await(10, TimeUnit.SECONDS)).isTrue();
    assertThat(reported.get()).isInstanceOf(ConfigurationException.class).hasMessageContaining("API key");
    assertThatThrownBy(() -> listServices.call(new Arguments(Map.of(), listServices.input().propertyNames())))
        .isInstanceOf(BackendUnavailableException.class).hasMessageContaining("API key");
  }

  @Test
  void aCallInterruptedWhileWaitingStopsAndTheStoreIsClosedWhenItArrivesAfterClose() throws Exception {
    TwoServices store = new TwoServices();
    CountDownLatch storeMayBeCreated = new CountDownLatch(1);
    CoreStart start = start(store, storeMayBeCreated);
    McpTool listServices = tool(start.deferredTools(), "list_services");
    start.begin();
    AtomicReference<Throwable> thrown = new AtomicReference<>();
    Thread caller = new Thread(() -> {
      try {
        listServices.call(new Arguments(Map.of(), listServices.input().propertyNames()));
      } catch (RuntimeException e) {
        thrown.set(e);
      }
    });
    caller.start();
    Thread.sleep(100);

    caller.interrupt();
    caller.join(Duration.ofSeconds(10).toMillis());
    start.close();
    storeMayBeCreated.countDown();

    assertThat(thrown.get()).isInstanceOf(CallStoppedException.class);
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (store.closed.get() == 0 && System.nanoTime() < deadline) {
      Thread.sleep(20);
    }
    assertThat(store.closed).as("a store created after close is closed at once").hasValue(1);
  }

  @Test
  void beginTwiceBuildsOnce() throws Exception {
    AtomicInteger created = new AtomicInteger();
    CoreStart start = CoreStart.of(() -> {
      created.incrementAndGet();
      return new TwoServices();
    }, () -> PriceBook.NONE, ApplicationSettings.DEFAULTS, Clock.systemUTC());

    start.begin();
    start.begin();
    start.await();

    assertThat(created).hasValue(1);
    start.close();
  }

  /** A process whose stdin ends at once must live until a failing start has said why (status 2), whoever began it. */
  @Test
  void theStartRunsOnAThreadThatKeepsTheProcessAliveEvenWhenADaemonBeginsIt() throws Exception {
    AtomicReference<Boolean> daemon = new AtomicReference<>();
    CoreStart start = CoreStart.of(() -> {
      daemon.set(Thread.currentThread().isDaemon());
      return new TwoServices();
    }, () -> PriceBook.NONE, ApplicationSettings.DEFAULTS, Clock.systemUTC());
    Thread stdinReader = new Thread(start::begin);
    stdinReader.setDaemon(true);

    stdinReader.start();
    stdinReader.join();
    start.await();

    assertThat(daemon.get()).isFalse();
    start.close();
  }
}
