package dev.otelmcp.adapters.jaeger;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.otelmcp.backend.toolkit.BackendRetryer;
import feign.Feign;
import feign.Request;
import feign.RequestInterceptor;
import feign.http2client.Http2Client;
import java.net.http.HttpClient;
import java.util.concurrent.TimeUnit;

/**
 * Builds the Feign clients of one store, all sharing one JDK {@link HttpClient} (one connection pool).
 *
 * <p>Choices that matter: HTTP/1.1, because Jaeger's query port speaks plain HTTP and some proxies break on
 * the h2c upgrade; the toolkit's retries ({@link BackendRetryer}: every call is a read, so a repeat is harmless;
 * only brief failures are retried, a few times, never past the tool call's stop time); connect timeout and
 * per-request timeout both the configured timeout.
 * The {@link Request.Options} mirror the client's settings exactly, otherwise {@link Http2Client} quietly
 * builds a second client per request configuration.
 */
final class JaegerHttp {

  private final JaegerConfig config;
  private final ObjectMapper mapper;
  private final Http2Client client;
  private final Request.Options options;

  JaegerHttp(JaegerConfig config) {
    this.config = config;
    this.mapper = new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
    HttpClient httpClient = HttpClient.newBuilder()
        .version(HttpClient.Version.HTTP_1_1)
        .followRedirects(HttpClient.Redirect.NORMAL)
        .connectTimeout(config.timeout())
        .build();
    this.client = new Http2Client(httpClient);
    long millis = config.timeout().toMillis();
    this.options = new Request.Options(millis, TimeUnit.MILLISECONDS, millis, TimeUnit.MILLISECONDS, false);
  }

  ObjectMapper mapper() {
    return mapper;
  }

  /** A Feign client for one of the API interfaces, rooted at the configured URL (base path included). */
  <T> T target(Class<T> api) {
    return Feign.builder()
        .client(client)
        .options(options)
        .retryer(BackendRetryer.standard("Jaeger"))
        .decoder(new JaegerResponseDecoder(mapper))
        .errorDecoder(new JaegerErrorDecoder(config, mapper))
        .requestInterceptor(headers())
        .target(api, config.url());
  }

  private RequestInterceptor headers() {
    // Literal values: Feign would otherwise read a '{' in a token or header value as a template expression.
    return template -> {
      config.headers().forEach((name, value) -> template.removeHeader(name).headerLiteral(name, value));
      if (config.apiKey() != null) {
        template.removeHeader("Authorization").headerLiteral("Authorization", "Bearer " + config.apiKey());
      }
      if (!template.headers().containsKey("Accept")) {
        template.headerLiteral("Accept", "application/json");
      }
    };
  }
}
