package dev.otelmcp.domain.port;

/**
 * The entry point of a backend plug-in, found with {@link java.util.ServiceLoader}. Register it in
 * {@code META-INF/services/dev.otelmcp.domain.port.TraceStoreProvider}; it needs a public no-argument
 * constructor. The user selects a backend by {@link #name()}.
 */
public interface TraceStoreProvider {

  /** The name users select the backend by ({@code jaeger}, {@code tempo}, …): lower case, no spaces. */
  String name();

  /** A one-line description for {@code --help} and error messages. */
  default String description() {
    return name() + " backend";
  }

  /**
   * Creates the store. Fails fast with an {@code InvalidQueryException} when a required setting (URL, API
   * key…) is missing or malformed, naming the setting. Must not contact the backend: connection problems
   * surface on first use.
   */
  TraceStore create(BackendSettings settings);
}
