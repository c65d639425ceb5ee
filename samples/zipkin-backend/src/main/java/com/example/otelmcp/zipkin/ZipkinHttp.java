package com.example.otelmcp.zipkin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.otelmcp.domain.error.BackendRejectedException;
import dev.otelmcp.domain.error.BackendUnavailableException;
import dev.otelmcp.domain.error.NotFoundException;
import dev.otelmcp.domain.error.OtelMcpException;
import dev.otelmcp.domain.error.RateLimitedException;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * GETs of Zipkin's JSON API with the JDK client, every failure turned into the exception the SPI's contract
 * names. Messages name the request but never quote Zipkin's answer (a proxy may echo the token) nor the token.
 */
final class ZipkinHttp {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String CHECK_URL = "Check BACKEND_URL (Zipkin's base URL, e.g. " + ZipkinConfig.DEFAULT_URL
      + ") and that Zipkin runs.";

  private final ZipkinConfig config;
  private final HttpClient client;

  ZipkinHttp(ZipkinConfig config) {
    this.config = config;
    this.client = HttpClient.newBuilder().connectTimeout(config.timeout()).build();
  }

  /** The JSON answer to {@code GET path?query}; {@link NotFoundException} for a 404. */
  JsonNode get(String path, Map<String, String> query) {
    String what = "GET " + path;
    HttpResponse<String> response = send(what, URI.create(config.url() + path + encode(query)));
    int status = response.statusCode();
    if (status == 200) {
      try {
        return JSON.readTree(response.body());
      } catch (IOException e) {
        // Not the parser's message: it quotes the answer.
        throw new BackendUnavailableException("Zipkin at " + config.url() + " sent an answer that is not valid "
            + "JSON for " + what, CHECK_URL);
      }
    }
    throw failure(status, what, response);
  }

  private HttpResponse<String> send(String what, URI uri) {
    HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(config.timeout())
        .header("Accept", "application/json").GET();
    config.token().ifPresent(token -> request.header("Authorization", "Bearer " + token));
    try {
      return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    } catch (HttpTimeoutException e) {
      throw new BackendUnavailableException("Zipkin at " + config.url() + " did not answer within "
          + config.timeout().toMillis() + " ms (" + what + ")", "Retry, or raise the timeout (--timeout).");
    } catch (IOException e) {
      throw new BackendUnavailableException("could not reach Zipkin at " + config.url() + " (" + what + ")", CHECK_URL);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new BackendUnavailableException("interrupted while waiting for Zipkin (" + what + ")", "Retry.");
    }
  }

  private OtelMcpException failure(int status, String what, HttpResponse<String> response) {
    String at = "Zipkin at " + config.url();
    if (status == 404) {
      return new NotFoundException(at + " has nothing at " + what, CHECK_URL);
    }
    if (status == 429) {
      Duration retryAfter = response.headers().firstValue("Retry-After").flatMap(ZipkinHttp::seconds).orElse(null);
      return new RateLimitedException(at + " is rate limiting requests (HTTP 429 for " + what + ")", retryAfter);
    }
    if (status >= 500) {
      return new BackendUnavailableException(at + " failed with HTTP " + status + " for " + what,
          "Retry in a moment; if it persists, look at Zipkin's logs.");
    }
    if (status == 401 || status == 403) {
      return new BackendRejectedException(at + " refused the credentials (HTTP " + status + " for " + what + ")",
          "Check BACKEND_API_KEY, the token of the proxy in front of Zipkin.");
    }
    return new BackendRejectedException(at + " rejected " + what + " (HTTP " + status + ")",
        "Check the request's filters; Zipkin's own log says why.");
  }

  private static java.util.Optional<Duration> seconds(String header) {
    try {
      return java.util.Optional.of(Duration.ofSeconds(Long.parseLong(header.trim())));
    } catch (NumberFormatException e) {
      return java.util.Optional.empty();
    }
  }

  private static String encode(Map<String, String> query) {
    if (query.isEmpty()) {
      return "";
    }
    return query.entrySet().stream()
        .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
        .collect(Collectors.joining("&", "?", ""));
  }
}
