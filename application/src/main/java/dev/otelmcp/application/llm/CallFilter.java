package dev.otelmcp.application.llm;

import dev.otelmcp.domain.llm.LlmCall;
import dev.otelmcp.domain.port.LlmTraceRanking;
import dev.otelmcp.domain.query.Filter;
import java.util.ArrayList;
import java.util.List;

/**
 * Which LLM calls an aggregate counts: the service of the call's span, its provider (case-insensitive:
 * instrumentations write "Anthropic" or "anthropic"), its request and response model (exact). Each
 * condition also narrows the trace search to traces that have such a span.
 */
public record CallFilter(String serviceName, String provider, String requestModel, String responseModel) {

  public boolean matches(LlmCall call) {
    return matches(call.span().serviceName(), call.provider(), call.requestModel(), call.responseModel());
  }

  /** Whether calls of this service, provider and models count. */
  public boolean matches(String callService, String callProvider, String callRequestModel, String callResponseModel) {
    return (serviceName == null || serviceName.equals(callService))
        && (provider == null || provider.equalsIgnoreCase(callProvider))
        && (requestModel == null || requestModel.equals(callRequestModel))
        && (responseModel == null || responseModel.equals(callResponseModel));
  }

  /** The same calls, as a store that ranks traces itself is told which calls make a trace qualify. */
  public LlmTraceRanking.Qualifying qualifying() {
    return new LlmTraceRanking.Qualifying(serviceName, provider, requestModel, responseModel);
  }

  /** The trace filters that find traces holding matching calls (provider matched exactly there). */
  public List<Filter> traceFilters() {
    List<Filter> filters = new ArrayList<>();
    if (serviceName != null) {
      filters.add(Filter.equalsString("service.name", serviceName));
    }
    if (requestModel != null) {
      filters.add(Filter.equalsString("gen_ai.request.model", requestModel));
    }
    if (responseModel != null) {
      filters.add(Filter.equalsString("gen_ai.response.model", responseModel));
    }
    return filters;
  }
}
