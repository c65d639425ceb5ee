package dev.otelmcp.application.usecase;

import dev.otelmcp.application.view.TraceDetailView;
import dev.otelmcp.domain.error.InvalidQueryException;
import dev.otelmcp.domain.error.NotFoundException;
import dev.otelmcp.domain.model.Ids;
import dev.otelmcp.domain.port.TraceStore;
import jakarta.inject.Inject;

/** {@code get_trace}: one whole trace by id. */
public final class GetTraceUseCase {

  /** String attribute values longer than this are cut (prompts and completions can be megabytes). */
  public static final int MAX_ATTRIBUTE_CHARS = 4_000;

  private final TraceStore store;

  @Inject
  public GetTraceUseCase(TraceStore store) {
    this.store = store;
  }

  public TraceDetailView execute(String rawTraceId) {
    String traceId = Ids.normalizeTraceId(rawTraceId).orElseThrow(() -> new InvalidQueryException(
        "trace_id '" + rawTraceId + "' is not a trace id",
        "Give the 32 hex characters of the trace id (as search_traces returns it); base64 ids are accepted too."));
    return store.getTrace(traceId)
        .map(trace -> TraceDetailView.of(trace, MAX_ATTRIBUTE_CHARS))
        .orElseThrow(() -> new NotFoundException("trace " + traceId + " not found",
            "Check the id; the trace may be older than the backend keeps, or not yet flushed. "
                + "search_traces lists the traces the backend holds."));
  }
}
