package dev.otelmcp.adapters.tempo;

/**
 * A 404 from Tempo, before the caller has said what it means: an unknown trace (Tempo sends an empty body),
 * or a route this Tempo does not have ({@code 404 page not found}). Never leaves the adapter: {@link TempoCalls}
 * turns it into a domain exception unless the caller handles it.
 */
final class TempoNotFoundException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final String body;

  TempoNotFoundException(String message, String body) {
    super(message, null, false, false);
    this.body = body == null ? "" : body;
  }

  /** Tempo's body, first line, cut; already scrubbed of secrets. */
  String body() {
    return body;
  }

  /** Whether the router, not the handler, answered: the path does not exist in this Tempo version. */
  boolean isMissingRoute() {
    return body.contains("page not found");
  }
}
