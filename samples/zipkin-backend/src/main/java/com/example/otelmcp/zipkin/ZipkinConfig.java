package com.example.otelmcp.zipkin;

import dev.otelmcp.domain.port.BackendSettings;
import java.time.Duration;
import java.util.Optional;

/**
 * Where Zipkin is and how to ask it.
 *
 * @param url Zipkin's base URL, e.g. {@code http://localhost:9411}
 * @param token a bearer token for a proxy in front of Zipkin (Zipkin itself has no authentication)
 * @param timeout how long one request may take
 */
public record ZipkinConfig(String url, Optional<String> token, Duration timeout) {

  static final String DEFAULT_URL = "http://localhost:9411";

  static ZipkinConfig from(BackendSettings settings) {
    String url = settings.getString(BackendSettings.URL, DEFAULT_URL).replaceAll("/+$", "");
    String token = settings.getString(BackendSettings.API_KEY, "");
    Duration timeout = settings.getDuration(BackendSettings.TIMEOUT, Duration.ofSeconds(30));
    return new ZipkinConfig(url, token.isBlank() ? Optional.empty() : Optional.of(token), timeout);
  }

  /** Never the token. */
  @Override
  public String toString() {
    return "ZipkinConfig[url=" + url + ", token=" + (token.isPresent() ? "***" : "none") + ", timeout=" + timeout
        + "]";
  }
}
