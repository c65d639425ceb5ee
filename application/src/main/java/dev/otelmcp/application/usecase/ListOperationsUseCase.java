package dev.otelmcp.application.usecase;

import dev.otelmcp.domain.error.Quote;
import dev.otelmcp.application.view.Window;
import dev.otelmcp.domain.error.NotFoundException;
import dev.otelmcp.domain.model.Operation;
import dev.otelmcp.domain.model.TimeRange;
import dev.otelmcp.domain.port.TraceStore;
import jakarta.inject.Inject;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code list_operations}: the operations (span names) of one service. */
public final class ListOperationsUseCase {

  /** One operation and, when the backend reports it, its span kind. */
  public record OperationView(String name, String spanKind) {}

  public record Result(String serviceName, int count, List<OperationView> operations, Window window) {}

  private final TraceStore store;

  @Inject
  public ListOperationsUseCase(TraceStore store) {
    this.store = store;
  }

  public Result execute(String serviceName, TimeRange window) {
    List<Operation> operations = store.listOperations(serviceName, window);
    if (operations.isEmpty() && !store.listServices(window).contains(serviceName)) {
      throw new NotFoundException("service " + Quote.of(serviceName) + " not found",
          "Call list_services to see the services that reported spans; names are case-sensitive.");
    }
    Map<String, OperationView> unique = new LinkedHashMap<>();
    operations.stream()
        .sorted(Comparator.comparing(Operation::name))
        .forEach(op -> unique.merge(op.name(), view(op), (a, b) -> a.spanKind() != null ? a : b));
    List<OperationView> views = List.copyOf(unique.values());
    return new Result(serviceName, views.size(), views, Window.of(window));
  }

  private static OperationView view(Operation operation) {
    return new OperationView(operation.name(), operation.spanKind().map(k -> k.wireName()).orElse(null));
  }
}
