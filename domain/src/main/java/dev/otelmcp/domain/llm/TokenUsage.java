package dev.otelmcp.domain.llm;

/**
 * The tokens one LLM call reported, each figure {@code null} when the span does not carry it (a present
 * 0 is 0, not "missing").
 *
 * <p>Cache and reasoning tokens are subsets of input and output (OTel GenAI: input includes cached
 * tokens, output includes reasoning tokens); they are reported beside the totals and never added to
 * them a second time.
 *
 * @param input input (prompt) tokens
 * @param output output (completion) tokens
 * @param reportedTotal the total the instrumentation wrote, when it wrote one
 * @param cacheRead input tokens served from a prompt cache
 * @param cacheCreation input tokens written to a prompt cache
 * @param reasoning output tokens spent on reasoning
 */
public record TokenUsage(
    Long input, Long output, Long reportedTotal, Long cacheRead, Long cacheCreation, Long reasoning) {

  public static final TokenUsage NONE = new TokenUsage(null, null, null, null, null, null);

  /** The reported total, else input + output; 0 when the call reported no tokens at all. */
  public long total() {
    if (reportedTotal != null) {
      return reportedTotal;
    }
    return orZero(input) + orZero(output);
  }

  /** Whether the span reported any token figure. */
  public boolean isReported() {
    return input != null || output != null || reportedTotal != null || cacheRead != null || cacheCreation != null
        || reasoning != null;
  }

  public long inputOrZero() {
    return orZero(input);
  }

  public long outputOrZero() {
    return orZero(output);
  }

  public long cacheReadOrZero() {
    return orZero(cacheRead);
  }

  public long cacheCreationOrZero() {
    return orZero(cacheCreation);
  }

  public long reasoningOrZero() {
    return orZero(reasoning);
  }

  private static long orZero(Long value) {
    return value == null ? 0 : value;
  }
}
