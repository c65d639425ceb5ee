package dev.otelmcp.application.usecase;

import dev.otelmcp.application.view.Window;
import dev.otelmcp.domain.model.TimeRange;
import dev.otelmcp.domain.port.TraceStore;
import jakarta.inject.Inject;
import java.util.List;
import java.util.TreeSet;

/** {@code list_services}: the services that reported spans. */
public final class ListServicesUseCase {

  public record Result(int count, List<String> services, Window window) {}

  private final TraceStore store;

  @Inject
  public ListServicesUseCase(TraceStore store) {
    this.store = store;
  }

  public Result execute(TimeRange window) {
    List<String> services = List.copyOf(new TreeSet<>(store.listServices(window)));
    return new Result(services.size(), services, Window.of(window));
  }
}
