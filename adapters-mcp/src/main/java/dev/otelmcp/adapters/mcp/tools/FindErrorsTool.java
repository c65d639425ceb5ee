package dev.otelmcp.adapters.mcp.tools;

import dev.otelmcp.adapters.mcp.DescribedTool;
import dev.otelmcp.adapters.mcp.args.Arguments;
import dev.otelmcp.adapters.mcp.args.SearchParameters;
import dev.otelmcp.adapters.mcp.paging.Paging;
import dev.otelmcp.adapters.mcp.schema.OutputSchemas;
import dev.otelmcp.adapters.mcp.schema.Schema;
import dev.otelmcp.application.time.TimeWindows;
import dev.otelmcp.application.usecase.FindErrorsUseCase;
import dev.otelmcp.domain.query.Filter;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** {@code find_errors}. */
public final class FindErrorsTool extends DescribedTool {

  static final String GROUP_BY = "group_by";
  private static final int DEFAULT_LIMIT = 20;

  private final FindErrorsUseCase useCase;
  private final TimeWindows windows;

  @Inject
  public FindErrorsTool(FindErrorsUseCase useCase, TimeWindows windows) {
    super("find_errors", "Find errors",
        "What failed in a window (default: last 24 h): failed spans grouped by service, operation, error type and "
            + "message — count, first/last seen, example traces, one stack — plus totals. group_by=none lists them.");
    this.useCase = useCase;
    this.windows = windows;
  }

  @Override
  public Schema.ObjectBuilder input() {
    return Schema.object()
        .include(SearchParameters.window())
        .property(SearchParameters.SERVICE_NAME, SearchParameters.serviceName("Only failed spans of this service."))
        .property(SearchParameters.OPERATION_NAME, Schema.string("Only failed spans with this operation name."))
        .property(GROUP_BY, Schema.string("error (default): groups; none: the failed spans.").enumOf("error", "none"))
        .property(SearchParameters.LIMIT, SearchParameters.limit(DEFAULT_LIMIT, "groups (or failed spans) per page"));
  }

  @Override
  public Map<String, Object> outputSchema() {
    Schema.ObjectBuilder group = Schema.object()
        .property("service_name", Schema.string(null))
        .property("operation_name", Schema.string(null))
        .property("error_type", Schema.string(null))
        .property("message_pattern", Schema.string("The message with numbers, ids and addresses replaced."))
        .required("count", Schema.integer("Failed spans."))
        .required("trace_count", Schema.integer(null))
        .required("first_seen", Schema.string(null))
        .required("last_seen", Schema.string(null))
        .required("example_trace_ids", Schema.array(Schema.string(null), "Newest first."))
        .property("is_llm_error", Schema.bool(null))
        .property("model", Schema.string(null))
        .required("exemplar", Schema.object()
            .required("trace_id", Schema.string(null))
            .required("span_id", Schema.string(null))
            .property("message", Schema.string(null))
            .property("stack_trace", Schema.string(null))
            .property("stack_trace_truncated", Schema.bool(null)));
    Schema.ObjectBuilder failedSpan = Schema.object()
        .required("trace_id", Schema.string(null))
        .required("span_id", Schema.string(null))
        .required("operation_name", Schema.string(null))
        .required("service_name", Schema.string(null))
        .required("start_time", Schema.string(null))
        .property("error_type", Schema.string(null))
        .property("message", Schema.string(null))
        .property("stack_head", Schema.string("First lines of the stack trace."))
        .property("is_llm_error", Schema.bool(null))
        .property("model", Schema.string(null));
    return OutputSchemas.paging(Schema.object()
        .property("group_count", Schema.integer("Groups in the window."))
        .property("groups", Schema.array(group.asSchema(), "Largest first."))
        .property("error_trace_count", Schema.integer("Traces with a failed span in the window."))
        .property("error_span_count", Schema.integer("Failed spans in the window."))
        .property("count", Schema.integer(null))
        .property("errors", Schema.array(failedSpan.asSchema(), "group_by=none: newest first.")))
        .required("scope", OutputSchemas.scope())
        .build();
  }

  @Override
  public Paging paging() {
    return Paging.offset("groups").pagedBy(SearchParameters.LIMIT, DEFAULT_LIMIT);
  }

  @Override
  public Paging paging(Arguments arguments) {
    return grouped(arguments) ? paging() : Paging.key("errors");
  }

  @Override
  public Object call(Arguments arguments) {
    List<Filter> filters = new ArrayList<>();
    arguments.string(SearchParameters.SERVICE_NAME).ifPresent(v -> filters.add(Filter.equalsString("service.name", v)));
    arguments.string(SearchParameters.OPERATION_NAME).ifPresent(v -> filters.add(Filter.equalsString("name", v)));
    boolean grouped = grouped(arguments);
    FindErrorsUseCase.Request request = new FindErrorsUseCase.Request(
        SearchParameters.window(arguments, windows),
        filters,
        grouped ? FindErrorsUseCase.GroupBy.ERROR : FindErrorsUseCase.GroupBy.NONE,
        SearchParameters.limit(arguments, DEFAULT_LIMIT),
        arguments.after().orElse(null));
    return grouped ? useCase.grouped(request) : useCase.flat(request);
  }

  private static boolean grouped(Arguments arguments) {
    String mode = arguments.string(GROUP_BY).orElse("error").toLowerCase(Locale.ROOT);
    if (!mode.equals("error") && !mode.equals("none")) {
      throw Arguments.invalid(GROUP_BY, "must be error or none", "error groups failures; none lists each failed span.");
    }
    return mode.equals("error");
  }
}
