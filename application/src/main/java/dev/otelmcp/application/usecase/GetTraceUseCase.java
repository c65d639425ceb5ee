package dev.otelmcp.application.usecase;

import dev.otelmcp.application.llm.CallPricing;
import dev.otelmcp.application.trace.AttributeText;
import dev.otelmcp.application.trace.SpanSelection;
import dev.otelmcp.application.trace.TraceDetails;
import dev.otelmcp.application.trace.TraceOverview;
import dev.otelmcp.application.trace.TraceOverviews;
import dev.otelmcp.application.trace.TraceSpans;
import dev.otelmcp.domain.error.NotFoundException;
import dev.otelmcp.domain.model.SpanId;
import dev.otelmcp.domain.model.Trace;
import dev.otelmcp.domain.model.TraceId;
import dev.otelmcp.domain.port.TraceStore;
import jakarta.inject.Inject;

/**
 * {@code get_trace}, a ladder: a bounded overview first; then chosen spans, a subtree or every span in full;
 * then one attribute value whole. The caller's trace and span ids are parsed here, once; the store gets a
 * {@link TraceId}.
 */
public final class GetTraceUseCase {

  private final TraceStore store;
  private final CallPricing pricing;

  @Inject
  public GetTraceUseCase(TraceStore store, CallPricing pricing) {
    this.store = store;
    this.pricing = pricing;
  }

  public TraceOverview overview(String rawTraceId) {
    Trace trace = load(rawTraceId);
    return TraceOverviews.of(trace, pricing.callsOf(trace));
  }

  /** @param maxValueChars where text values are cut */
  public TraceSpans spans(String rawTraceId, SpanSelection selection, int maxValueChars) {
    return TraceDetails.spans(load(rawTraceId), selection, maxValueChars);
  }

  /** One attribute of one span, whole, in pieces of {@code chunkChars}. */
  public AttributeText attribute(String rawTraceId, String rawSpanId, String key, int chunkChars) {
    SpanId spanId = SpanId.parse(rawSpanId); // a bad id is refused before the trace is read
    return TraceDetails.attribute(load(rawTraceId), spanId, key, chunkChars);
  }

  private Trace load(String rawTraceId) {
    TraceId traceId = TraceId.parse(rawTraceId);
    return store.getTrace(traceId).orElseThrow(() -> new NotFoundException("trace " + traceId + " not found",
        "Check the id; the trace may be older than the backend keeps, or not yet flushed. "
            + "search_traces lists the traces the backend holds."));
  }
}
