package dev.otelmcp.bootstrap.startup;

import dev.otelmcp.adapters.mcp.McpTool;
import dev.otelmcp.application.ApplicationSettings;
import dev.otelmcp.bootstrap.wiring.CoreComponent;
import dev.otelmcp.bootstrap.wiring.DaggerCoreComponent;
import dev.otelmcp.domain.call.CallContext;
import dev.otelmcp.domain.call.StopReason;
import dev.otelmcp.domain.error.BackendUnavailableException;
import dev.otelmcp.domain.error.CallStoppedException;
import dev.otelmcp.domain.port.TraceStore;
import dev.otelmcp.domain.pricing.PriceBook;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Builds what tool calls need — the backend's store, the price book and the Dagger graph around them — on a
 * thread of its own, so that the MCP session opens ({@code initialize}, {@code tools/list}) while it is built:
 * reading the price table and creating a backend client take longer than the rest of the way to the first
 * answer. A tool call waits for it ({@link #await}).
 *
 * <p>The thread is not a daemon: a process whose stdin closes at once still ends only after this start is done,
 * so that a configuration error found here (a missing API key, a bad price file) still ends it with its message
 * and status 2 ({@link #onFailure}).
 */
public final class CoreStart implements AutoCloseable {

  /** The built core: the graph, its tools by name, and the store it reads. */
  public record Core(CoreComponent component, Map<String, McpTool> tools, TraceStore store) {

    /** The core's tool of that name. */
    public McpTool tool(String name) {
      McpTool tool = tools.get(name);
      if (tool == null) {
        throw new IllegalStateException("the core has no tool named " + name);
      }
      return tool;
    }
  }

  /** The start failed; the cause says why (a configuration error names the setting). */
  public static final class StartFailure extends Exception {
    StartFailure(Throwable cause) {
      super(cause.getMessage(), cause);
    }
  }

  private final CompletableFuture<Core> core = new CompletableFuture<>();
  private final Supplier<TraceStore> store;
  private final Supplier<PriceBook> prices;
  private final ApplicationSettings settings;
  private final Clock clock;
  private final AtomicBoolean begun = new AtomicBoolean();
  private boolean closed;

  private CoreStart(Supplier<TraceStore> store, Supplier<PriceBook> prices, ApplicationSettings settings, Clock clock) {
    this.store = store;
    this.prices = prices;
    this.settings = settings;
    this.clock = clock;
  }

  /**
   * A start not yet begun ({@link #begin}).
   *
   * @param store creates the backend's store (the provider's {@code create}: it validates, never connects)
   * @param prices reads the price book
   */
  public static CoreStart of(Supplier<TraceStore> store, Supplier<PriceBook> prices, ApplicationSettings settings,
      Clock clock) {
    return new CoreStart(store, prices, settings, clock);
  }

  /** Starts building on thread {@code otelmcp-core-start}; calls after the first do nothing. */
  public CoreStart begin() {
    if (begun.compareAndSet(false, true)) {
      Thread thread = new Thread(this::build, "otelmcp-core-start");
      // Not a daemon, whoever begins it (the stdin reader and the timer are daemons): see the class comment.
      thread.setDaemon(false);
      thread.start();
    }
    return this;
  }

  private void build() {
    TraceStore created = null;
    try {
      created = store.get();
      CoreComponent component = DaggerCoreComponent.factory().create(created, settings, clock, prices.get());
      Map<String, McpTool> tools = new LinkedHashMap<>();
      component.tools().forEach(tool -> tools.put(tool.name(), tool));
      Core built = new Core(component, Map.copyOf(tools), created);
      synchronized (this) {
        if (closed) {
          release(built);
          return;
        }
        core.complete(built);
      }
    } catch (RuntimeException | Error e) {
      if (created != null) {
        created.close();
      }
      core.completeExceptionally(e);
    }
  }

  /**
   * The tools, at once. Their contracts come from a graph of the same classes around a {@link PendingTraceStore}
   * and no prices (a contract depends on neither); their calls are run by the core's tools ({@link DeferredTool}).
   */
  public List<McpTool> deferredTools() {
    CoreComponent contracts = DaggerCoreComponent.factory().create(new PendingTraceStore(this), settings, clock,
        PriceBook.NONE);
    return contracts.tools().stream().<McpTool>map(tool -> new DeferredTool(tool, this)).toList();
  }

  /** Waits until the core is built. */
  public Core await() throws InterruptedException, StartFailure {
    try {
      return core.get();
    } catch (ExecutionException e) {
      throw new StartFailure(e.getCause());
    }
  }

  /**
   * Waits for the core on behalf of a tool call: an interrupt (the call's deadline or cancellation) stops the call,
   * a failed start is {@code BACKEND_UNAVAILABLE} (and the process is ending with status 2, see {@link #onFailure}).
   */
  public Core forCall() {
    try {
      return await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new CallStoppedException(CallContext.current().stopReason().orElse(StopReason.DEADLINE));
    } catch (StartFailure e) {
      throw new BackendUnavailableException("otel-mcp could not start its backend: " + e.getMessage(),
          "See the server log on stderr; otel-mcp stops after this.", e);
    }
  }

  /** Runs {@code task} on the start's thread once the core is built (at once if it is built already). */
  public void afterBuilt(Runnable task) {
    core.thenRun(task);
  }

  /** Runs {@code handler} (on the start's thread) with the cause, should the start fail. */
  public void onFailure(Consumer<Throwable> handler) {
    core.whenComplete((built, failure) -> {
      if (failure != null) {
        handler.accept(failure);
      }
    });
  }

  /** Releases the core, now or as soon as it is built; once. */
  @Override
  public void close() {
    Core built;
    synchronized (this) {
      if (closed) {
        return;
      }
      closed = true;
      built = core.isDone() && !core.isCompletedExceptionally() ? core.join() : null;
    }
    if (built != null) {
      release(built);
    }
  }

  private static void release(Core built) {
    built.component().hydrator().close();
    built.store().close();
  }
}
