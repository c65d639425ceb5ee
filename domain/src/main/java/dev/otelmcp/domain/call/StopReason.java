package dev.otelmcp.domain.call;

/** Why a tool call's work stopped before it was complete. */
public enum StopReason {
  /** The call's deadline ({@code --call-timeout}) came near: what was read so far is answered. */
  DEADLINE,
  /** The client cancelled the call ({@code notifications/cancelled}). */
  CANCELLED
}
