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
 * @param warnings token figures present but unreadable, summed as {@link LlmCall#warnings()}
 * @param total the calls' {@link TokenUsage#total()}s
 * @param billable the calls' {@link BillableTokens} summed
 * @param tierInput the billable input tokens of one of the calls (all are in the same tier)
 */
public record CallGroup(
    String requestModel, String responseModel, String provider, String serviceName, Instant firstStart,
    long requests, long errors, long warnings, long input, long output, long total, long cacheRead,
    long cacheCreation, long reasoning, BillableUsage billable, long tierInput) {

  /** The model the calls are priced as: as {@link LlmCall#model()}. */
  public String model() {
    if (responseModel != null) {
      return responseModel;
    }
    return requestModel != null ? requestModel : LlmCall.UNKNOWN_MODEL;
  }
}
