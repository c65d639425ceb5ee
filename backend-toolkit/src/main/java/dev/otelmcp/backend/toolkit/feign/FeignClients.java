package dev.otelmcp.backend.toolkit.feign;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.otelmcp.backend.toolkit.BackendRetryer;
import dev.otelmcp.backend.toolkit.HttpBackendConfig;
import feign.Client;
import feign.Feign;
import feign.Logger;
import feign.Request;
import feign.RequestInterceptor;
import feign.codec.Decoder;
import feign.codec.ErrorDecoder;
import feign.jackson.JacksonEncoder;
import java.net.http.HttpClient;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The Feign clients of one HTTP backend store, all over one JDK {@link HttpClient} (one connection pool, shared by
 * the store's parallel requests). Each backend says only what is its own: its name, its error decoder (see
 * {@link StatusErrorDecoder}), and where needed its credentials, a header of its own, or a reader for one answer.
 *
 * <p>What every backend shares, and why:
 * <ul>
 *   <li>the toolkit's retries ({@link BackendRetryer}): every call is a read (searches sent as POSTs change nothing
 *       either), so a repeat is harmless; only brief failures, a few times, never past the tool call's stop time;
 *   <li>the configured timeout as connect timeout and per-request timeout, sent by {@link JdkFeignClient}, which receives
 *       an answer the decoder reads whole as one array rather than as a stream;
 *   <li>HTTP/1.1 over plain HTTP: backends' ports speak plain HTTP, and some proxies break on the h2c upgrade the
 *       JDK client would otherwise attempt; redirects followed;
 *   <li>headers as literal values (Feign would otherwise read a '{' in a token or header value as a template
 *       expression): the configured extra headers, then the backend's own (credentials, tenant), which win;
 *       {@code Accept: application/json} unless a request says otherwise;
 *   <li>answers read by {@link JsonBodyDecoder}, request bodies written as JSON;
 *   <li>Feign's logging off: it would write the headers, and so the credentials.
 * </ul>
 */
public final class FeignClients {

  private static final String AUTHORIZATION = "Authorization";

  private final String backend;
  private final String url;
  private final Client client;
  private final Request.Options options;
  private final JacksonEncoder encoder;
  private final Decoder decoder;
  private final ErrorDecoder errorDecoder;
  private final RequestInterceptor headers;

  private FeignClients(Builder builder) {
    HttpBackendConfig config = builder.config;
    boolean tls = config.url().startsWith("https:");
    HttpClient httpClient = HttpClient.newBuilder()
        // Over HTTPS the version is negotiated (ALPN), so HTTP/2 can be offered without an h2c upgrade.
        .version(builder.http2OverTls && tls ? HttpClient.Version.HTTP_2 : HttpClient.Version.HTTP_1_1)
        .followRedirects(HttpClient.Redirect.NORMAL)
        .connectTimeout(config.timeout())
        .build();
    long millis = config.timeout().toMillis();
    this.backend = builder.backend;
    this.url = config.url();
    this.client = new JdkFeignClient(httpClient);
    this.options = new Request.Options(millis, TimeUnit.MILLISECONDS, millis, TimeUnit.MILLISECONDS, false);
    this.encoder = new JacksonEncoder(builder.mapper);
    this.decoder = builder.decoder == null ? new JsonBodyDecoder(builder.mapper) : builder.decoder;
    this.errorDecoder = Objects.requireNonNull(builder.errorDecoder, "errorDecoder");
    this.headers = headers(config.headers(), Map.copyOf(builder.ownHeaders));
  }

  /** The JSON mapper answers are read with: fields the client does not know are ignored (APIs add fields). */
  public static ObjectMapper mapper() {
    return new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
  }

  /**
   * @param backend the backend's name as users know it, e.g. {@code Jaeger} (for the retry log)
   * @param config where the backend is, its timeout, extra headers and API key (sent as a bearer token unless
   *     {@link Builder#authorization} says otherwise)
   * @param mapper reads answers and error bodies, writes request bodies
   */
  public static Builder builder(String backend, HttpBackendConfig config, ObjectMapper mapper) {
    return new Builder(backend, config, mapper);
  }

  /** A client for one of the backend's API interfaces, rooted at the configured URL (base path included). */
  public <T> T target(Class<T> api) {
    return Feign.builder()
        .client(client)
        .options(options)
        .retryer(BackendRetryer.standard(backend))
        .encoder(encoder)
        .decoder(decoder)
        .errorDecoder(errorDecoder)
        .requestInterceptor(headers)
        .logLevel(Logger.Level.NONE)
        .target(api, url);
  }

  private static RequestInterceptor headers(Map<String, String> extra, Map<String, String> own) {
    return template -> {
      extra.forEach((name, value) -> template.removeHeader(name).headerLiteral(name, value));
      own.forEach((name, value) -> template.removeHeader(name).headerLiteral(name, value));
      if (!template.headers().containsKey("Accept")) {
        template.headerLiteral("Accept", "application/json");
      }
    };
  }

  /** What one backend adds to the shared choices. */
  public static final class Builder {

    private final String backend;
    private final HttpBackendConfig config;
    private final ObjectMapper mapper;
    private final Map<String, String> ownHeaders = new LinkedHashMap<>();
    private Decoder decoder;
    private ErrorDecoder errorDecoder;
    private boolean http2OverTls;

    private Builder(String backend, HttpBackendConfig config, ObjectMapper mapper) {
      this.backend = Objects.requireNonNull(backend, "backend");
      this.config = Objects.requireNonNull(config, "config");
      this.mapper = Objects.requireNonNull(mapper, "mapper");
      authorization(Optional.ofNullable(config.apiKey()).map(key -> "Bearer " + key));
    }

    /** The {@code Authorization} value, for a backend whose credentials are not a bearer API key; none if empty. */
    public Builder authorization(Optional<String> value) {
      ownHeaders.remove(AUTHORIZATION);
      value.ifPresent(v -> ownHeaders.put(AUTHORIZATION, v));
      return this;
    }

    /** A header the backend sets from a setting of its own (e.g. a tenant); nothing when the value is null. */
    public Builder header(String name, String value) {
      if (value != null) {
        ownHeaders.put(name, value);
      }
      return this;
    }

    /** How answers are read, when not by a plain {@link JsonBodyDecoder}. */
    public Builder decoder(Decoder answers) {
      this.decoder = Objects.requireNonNull(answers, "answers");
      return this;
    }

    /** How status errors become the domain's exceptions: required. */
    public Builder errorDecoder(ErrorDecoder statusErrors) {
      this.errorDecoder = Objects.requireNonNull(statusErrors, "statusErrors");
      return this;
    }

    /** Offer HTTP/2 over HTTPS (a cloud API); plain HTTP stays on HTTP/1.1 either way. */
    public Builder http2OverTls() {
      this.http2OverTls = true;
      return this;
    }

    public FeignClients build() {
      return new FeignClients(this);
    }
  }
}
