package dev.otelmcp.adapters.traceloop;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.otelmcp.backend.toolkit.BackendRetryer;
import feign.Feign;
import feign.Request;
import feign.RequestInterceptor;
import feign.http2client.Http2Client;
import feign.jackson.JacksonEncoder;
import java.net.http.HttpClient;
import java.util.concurrent.TimeUnit;

/**
 * Builds the Feign client of one store over one JDK {@link HttpClient} (one connection pool).
 *
 * <p>The toolkit's retries ({@link BackendRetryer}): every call is a read (the searches are POSTs, but change
 * nothing), so a repeat is harmless; only brief failures are retried, a few times, never past the tool call's stop
 * time. The {@link Request.Options} mirror the client's timeout exactly, otherwise {@link Http2Client} quietly builds a
 * second client per request configuration. The API key is added by an interceptor as a literal header, so
 * neither Feign's templates nor its exceptions' messages ever format it.
 */
final class TraceloopHttp {

  private TraceloopHttp() {}

  static ObjectMapper mapper() {
    return new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
  }

  static TraceloopApi api(TraceloopConfig config, ObjectMapper mapper) {
    HttpClient httpClient = HttpClient.newBuilder()
        // HTTPS negotiates HTTP/2 (ALPN) with the cloud API; plain HTTP (a local proxy) stays on HTTP/1.1, as
        // some proxies break on the h2c upgrade the JDK client would otherwise attempt.
        .version(config.url().startsWith("https:") ? HttpClient.Version.HTTP_2 : HttpClient.Version.HTTP_1_1)
        .followRedirects(HttpClient.Redirect.NORMAL)
        .connectTimeout(config.timeout())
        .build();
    long millis = config.timeout().toMillis();
    return Feign.builder()
        .client(new Http2Client(httpClient))
        .options(new Request.Options(millis, TimeUnit.MILLISECONDS, millis, TimeUnit.MILLISECONDS, false))
        .retryer(BackendRetryer.standard("Traceloop"))
        .encoder(new JacksonEncoder(mapper))
        .decoder(new TraceloopResponseDecoder(mapper))
        .errorDecoder(new TraceloopErrorDecoder(config, mapper))
        .requestInterceptor(headers(config))
        .target(TraceloopApi.class, config.url());
  }

  private static RequestInterceptor headers(TraceloopConfig config) {
    return template -> {
      config.headers().forEach((name, value) -> template.removeHeader(name).headerLiteral(name, value));
      template.removeHeader("Authorization").headerLiteral("Authorization", "Bearer " + config.apiKey());
      if (!template.headers().containsKey("Accept")) {
        template.headerLiteral("Accept", "application/json");
      }
    };
  }
}
