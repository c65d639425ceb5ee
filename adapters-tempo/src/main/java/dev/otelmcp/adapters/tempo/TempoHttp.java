package dev.otelmcp.adapters.tempo;

import dev.otelmcp.backend.toolkit.AnswerBodies;
import dev.otelmcp.backend.toolkit.BackendRetryer;
import feign.Feign;
import feign.Request;
import feign.RequestInterceptor;
import feign.Response;
import feign.http2client.Http2Client;
import java.lang.reflect.Type;
import java.net.http.HttpClient;
import java.util.concurrent.TimeUnit;

/**
 * Builds the Feign client of one store over one JDK {@link HttpClient} (one connection pool, shared by the
 * parallel trace fetches).
 *
 * <p>HTTP/1.1, because Tempo's port speaks plain HTTP and h2c upgrades confuse some proxies; the toolkit's retries
 * ({@link BackendRetryer}: every call is a read; only brief failures, a few times, never past the tool call's stop
 * time, so a struggling Tempo is not flooded); the {@link Request.Options} mirror the client's settings, otherwise
 * {@link Http2Client} builds a second client per configuration.
 */
final class TempoHttp {

  private TempoHttp() {}

  static TempoApi api(TempoConfig config) {
    HttpClient httpClient = HttpClient.newBuilder()
        .version(HttpClient.Version.HTTP_1_1)
        .followRedirects(HttpClient.Redirect.NORMAL)
        .connectTimeout(config.timeout())
        .build();
    long millis = config.timeout().toMillis();
    return Feign.builder()
        .client(new Http2Client(httpClient))
        .options(new Request.Options(millis, TimeUnit.MILLISECONDS, millis, TimeUnit.MILLISECONDS, false))
        .retryer(BackendRetryer.standard("Tempo"))
        .decoder(TempoHttp::rawBody)
        .errorDecoder(new TempoErrorDecoder(config))
        .requestInterceptor(headers(config))
        .target(TempoApi.class, config.url());
  }

  /** Every request: extra headers, then the tenant and the credentials, which win over extra headers. */
  static RequestInterceptor headers(TempoConfig config) {
    // Literal values: Feign would otherwise read a '{' in a token or header value as a template expression.
    return template -> {
      config.headers().forEach((name, value) -> template.removeHeader(name).headerLiteral(name, value));
      if (config.tenant() != null) {
        template.removeHeader(TempoConfig.TENANT_HEADER).headerLiteral(TempoConfig.TENANT_HEADER, config.tenant());
      }
      config.auth().header().ifPresent(value ->
          template.removeHeader("Authorization").headerLiteral("Authorization", value));
      if (!template.headers().containsKey("Accept")) {
        // Tempo answers protobuf to Accept: application/protobuf and a simplified JSON to application/vnd.grafana.llm.
        template.headerLiteral("Accept", "application/json");
      }
    };
  }

  /** The body as bytes, parsed by the caller; one that breaks off while read is retried ({@link AnswerBodies}). */
  private static Object rawBody(Response response, Type type) {
    return AnswerBodies.read(response);
  }
}
