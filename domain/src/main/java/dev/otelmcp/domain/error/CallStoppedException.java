package dev.otelmcp.domain.error;

import dev.otelmcp.domain.call.StopReason;
import java.time.Duration;

/**
 * The tool call's work was interrupted: its deadline passed or the client cancelled it. Work that meets it unwinds
 * at once; the driving adapter has already answered (or, for a cancelled call, need not).
 */
public final class CallStoppedException extends OtelMcpException {

  private final StopReason reason;

  public CallStoppedException(StopReason reason) {
    this(reason, reason == StopReason.CANCELLED ? "the call was cancelled by the client"
        : "the call did not finish before its deadline (--call-timeout)");
  }

  /** A call that did not finish within its time limit, which the message names. */
  public static CallStoppedException after(Duration timeout) {
    long millis = timeout.toMillis();
    String seconds = millis % 1000 == 0 ? String.valueOf(millis / 1000) : String.valueOf(millis / 1000.0);
    return new CallStoppedException(StopReason.DEADLINE, "the call did not finish within " + seconds
        + " s (--call-timeout); nothing of it could be answered in time");
  }

  private CallStoppedException(StopReason reason, String message) {
    super(message,
        reason == StopReason.CANCELLED ? "Nothing to do: the client asked to stop."
            : "Narrow the time window or add filters (service_name, model), or raise --call-timeout.", null);
    this.reason = reason;
  }

  public StopReason reason() {
    return reason;
  }

  @Override
  public ErrorCode code() {
    return ErrorCode.BACKEND_UNAVAILABLE;
  }
}
