package dev.otelmcp.backend.toolkit;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The config of an HTTP backend, composing {@link ConnectionSettings}: the connection's values read as the
 * config's own ({@code config.url()}, {@code config.timeout()}), and secrets kept out of text the same way for
 * every backend. A config record implements it by having a {@code connection} component.
 *
 * <p>A backend with more secrets than the connection's (e.g. credentials derived from the key) overrides
 * {@link #secrets()}; {@link #scrub} and {@link #failures} then hide those too.
 */
public interface HttpBackendConfig {

  ConnectionSettings connection();

  /** The base URL without a trailing slash. */
  default String url() {
    return connection().url();
  }

  /** The API key; {@code null} when not configured. */
  default String apiKey() {
    return connection().apiKey();
  }

  /** Extra headers sent with every request. */
  default Map<String, String> headers() {
    return connection().headers();
  }

  /** Connect timeout and per-request timeout. */
  default Duration timeout() {
    return connection().timeout();
  }

  /** The URL as shown in logs and messages (it never carries credentials). */
  default String displayUrl() {
    return connection().displayUrl();
  }

  /** Values that must never appear in logs or error messages. */
  default List<String> secrets() {
    return connection().secrets();
  }

  /** Replaces every {@linkplain #secrets() secret} in the text by {@code ***}. */
  default String scrub(String text) {
    return ConnectionSettings.scrub(text, secrets());
  }

  /** The failures of this backend, worded as for every HTTP backend and scrubbed of this config's secrets. */
  default HttpFailures failures(String backend) {
    return new HttpFailures(backend, displayUrl(), connection().timeoutText(), this::scrub);
  }
}
