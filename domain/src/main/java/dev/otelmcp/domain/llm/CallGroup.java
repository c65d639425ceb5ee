package dev.otelmcp.domain.llm;

import dev.otelmcp.domain.pricing.BillableUsage;
import java.time.Instant;

/**
 * LLM calls summed by a store ({@code LlmUsageSums}): calls of one requested and answering model, provider and
 * service whose price cannot differ but by their tokens (see {@code PriceBreaks}), with the sums of every figure a
 * usage answer shows and a price reads.
 *
 * @param firstStart when the earliest of the calls started (every call of the group is in its priced period, its
 *     part of the day and its series bucket)
 * @param lastStart when the latest of the calls started
 * @param warnings token figures present but unreadable, summed as {@link LlmCall#warnings()}
 * @param total the calls' {@link TokenUsage#total()}s
 * @param billable the calls' {@link BillableTokens} summed
 * @param tierInput the billable input tokens of one of the calls (all are in the same tier)
 */
public record CallGroup(
    String requestModel, String responseModel, String provider, String serviceName, Instant firstStart,
    Instant lastStart, long requests, long errors, long warnings, long input, long output, long total, long cacheRead,
    long cacheCreation, long reasoning, BillableUsage billable, long tierInput) {

  /** One call, as a group of its own. */
  public static CallGroup of(LlmCall call) {
    BillableUsage billable = BillableTokens.of(call);
    TokenUsage usage = call.usage();
    return new CallGroup(call.requestModel(), call.responseModel(), call.provider(), call.span().serviceName(),
        call.span().startTime(), call.span().startTime(), 1, call.failed() ? 1 : 0, call.warnings(),
        usage.inputOrZero(), usage.outputOrZero(), usage.total(), usage.cacheReadOrZero(), usage.cacheCreationOrZero(),
        usage.reasoningOrZero(), billable, billable.input());
  }

  /** These calls and another group's (of the same models, provider and service), summed. */
  public CallGroup plus(CallGroup other) {
    BillableUsage a = billable;
    BillableUsage b = other.billable;
    return new CallGroup(requestModel, responseModel, provider, serviceName,
        firstStart.isBefore(other.firstStart) ? firstStart : other.firstStart,
        lastStart.isAfter(other.lastStart) ? lastStart : other.lastStart, requests + other.requests,
        errors + other.errors, warnings + other.warnings, input + other.input, output + other.output,
        total + other.total, cacheRead + other.cacheRead, cacheCreation + other.cacheCreation,
        reasoning + other.reasoning,
        new BillableUsage(a.input() + b.input(), a.cacheRead() + b.cacheRead(), a.cacheWrite() + b.cacheWrite(),
            a.cacheWrite1h() + b.cacheWrite1h(), a.output() + b.output(), a.reasoning() + b.reasoning()),
        Math.min(tierInput, other.tierInput));
  }

  /** The model the calls are priced as: as {@link LlmCall#model()}. */
  public String model() {
    if (responseModel != null) {
      return responseModel;
    }
    return requestModel != null ? requestModel : LlmCall.UNKNOWN_MODEL;
  }
}
