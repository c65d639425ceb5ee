package dev.otelmcp.domain.llm;

import dev.otelmcp.domain.model.Span;
import dev.otelmcp.domain.pricing.PriceBook;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * One call to a model, read from a span whatever convention produced it (OTel GenAI current and
 * deprecated, OpenLLMetry before and after v0.55, OpenInference, the Traceloop API's all-string values).
 *
 * @param span the span the call was read from
 * @param provider {@code gen_ai.provider.name}, else {@code gen_ai.system}, {@code llm.vendor},
 *     {@code llm.provider}, {@code llm.system}; {@code null} when none is set
 * @param operation {@code gen_ai.operation.name} or {@code llm.request.type} ({@code chat},
 *     {@code embeddings}…), or {@code null}
 * @param requestModel the model asked for, or {@code null}
 * @param responseModel the model that answered, or {@code null}
 * @param usage the tokens reported
 * @param finishReasons why generation stopped, one per choice ({@code stop}, {@code length}…)
 * @param failed whether the call failed (status ERROR, {@code error.type}, or an exception event)
 * @param errorType the error or exception type when it failed and one was recorded
 * @param conversationId {@code gen_ai.conversation.id} or an equivalent session id, or {@code null}
 * @param warnings attributes that were present but could not be read (e.g. a token count of "n/a");
 *     they are ignored, never a reason to drop the call
 * @param quote what the call cost, once it has been priced ({@code null} before)
 */
public record LlmCall(
    Span span,
    String provider,
    String operation,
    String requestModel,
    String responseModel,
    TokenUsage usage,
    List<String> finishReasons,
    boolean failed,
    String errorType,
    String conversationId,
    int warnings,
    PriceBook.Quote quote) {

  /** The name reported when a call names no model at all. */
  public static final String UNKNOWN_MODEL = "unknown";

  public LlmCall {
    Objects.requireNonNull(span, "span");
    usage = usage == null ? TokenUsage.NONE : usage;
    finishReasons = finishReasons == null ? List.of() : List.copyOf(finishReasons);
  }

  /** The model that answered, else the one asked for, else {@value #UNKNOWN_MODEL}. */
  public String model() {
    if (responseModel != null) {
      return responseModel;
    }
    return requestModel != null ? requestModel : UNKNOWN_MODEL;
  }

  /** Whether this call was made to (or answered by) the given model. */
  public boolean isModel(String name) {
    return name.equals(requestModel) || name.equals(responseModel);
  }

  public Optional<String> providerName() {
    return Optional.ofNullable(provider);
  }

  /** This call with its price. */
  public LlmCall priced(PriceBook.Quote price) {
    return new LlmCall(span, provider, operation, requestModel, responseModel, usage, finishReasons, failed, errorType,
        conversationId, warnings, price);
  }

  /** What the call cost in USD, when it could be priced. */
  public OptionalDouble costUsd() {
    return quote instanceof PriceBook.Priced priced ? OptionalDouble.of(priced.cost().totalUsd()) : OptionalDouble.empty();
  }
}
