package dev.otelmcp.bootstrap.wiring;

import dagger.BindsInstance;
import dagger.Component;
import dev.otelmcp.adapters.mcp.McpTool;
import dev.otelmcp.application.ApplicationSettings;
import dev.otelmcp.application.search.TraceHydrator;
import dev.otelmcp.application.usecase.CheckHealthUseCase;
import dev.otelmcp.domain.port.TraceStore;
import dev.otelmcp.domain.pricing.PriceBook;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.List;

/**
 * The compile-time checked object graph: application use cases and MCP tools around one
 * {@link TraceStore}. The store itself comes from a plug-in found at runtime, so it enters the graph as
 * an instance.
 */
@Singleton
@Component(modules = ToolsModule.class)
public interface CoreComponent {

  List<McpTool> tools();

  TraceHydrator hydrator();

  CheckHealthUseCase health();

  @Component.Factory
  interface Factory {
    CoreComponent create(
        @BindsInstance TraceStore store, @BindsInstance ApplicationSettings settings, @BindsInstance Clock clock,
        @BindsInstance PriceBook prices);
  }
}
