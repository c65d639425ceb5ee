package dev.otelmcp.backend.toolkit;

import dev.otelmcp.domain.error.OtelMcpException;

/**
 * What became of one part of an answer (one service's search, one window piece, one trace).
 *
 * @param part the part
 * @param value what it read, when {@link State#DONE}
 * @param failure why it could not be read (after retries), when {@link State#FAILED}
 * @param state whether it was read, failed, or never ran (the call stopped first)
 */
public record PartResult<P, R>(P part, R value, OtelMcpException failure, State state) {

  /** How a part ended. */
  public enum State {
    DONE,
    FAILED,
    /** Not started (or cancelled while under way) because the call was cancelled or reached its stop time. */
    NOT_RUN
  }

  static <P, R> PartResult<P, R> done(P part, R value) {
    return new PartResult<>(part, value, null, State.DONE);
  }

  static <P, R> PartResult<P, R> failed(P part, OtelMcpException failure) {
    return new PartResult<>(part, null, failure, State.FAILED);
  }

  static <P, R> PartResult<P, R> skipped(P part) {
    return new PartResult<>(part, null, null, State.NOT_RUN);
  }

  public boolean done() {
    return state == State.DONE;
  }

  public boolean failed() {
    return state == State.FAILED;
  }

  public boolean notRun() {
    return state == State.NOT_RUN;
  }
}
