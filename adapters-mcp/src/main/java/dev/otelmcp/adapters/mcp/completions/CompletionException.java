package dev.otelmcp.adapters.mcp.completions;

/** A completion that cannot be answered: an unknown prompt, template or argument, or a backend that failed. */
public final class CompletionException extends RuntimeException {

  private final boolean clientMistake;

  private CompletionException(String message, boolean clientMistake) {
    super(message, null, false, false);
    this.clientMistake = clientMistake;
  }

  /** The request named something that does not exist. */
  public static CompletionException unknown(String message) {
    return new CompletionException(message, true);
  }

  /** The values could not be read now. */
  public static CompletionException failed(String message) {
    return new CompletionException(message, false);
  }

  public boolean clientMistake() {
    return clientMistake;
  }
}
