package dev.otelmcp.tck;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.otelmcp.domain.call.CallContext;
import dev.otelmcp.domain.call.ProgressSink;
import dev.otelmcp.domain.error.BackendRejectedException;
import dev.otelmcp.domain.error.BackendUnavailableException;
import dev.otelmcp.domain.error.OtelMcpException;
import dev.otelmcp.domain.error.RateLimitedException;
import dev.otelmcp.domain.model.TimeRange;
import dev.otelmcp.domain.model.TraceId;
import dev.otelmcp.domain.port.HealthStatus;
import dev.otelmcp.domain.port.LlmModelCalls;
import dev.otelmcp.domain.port.LlmToolUsage;
import dev.otelmcp.domain.port.LlmTraceRanking;
import dev.otelmcp.domain.port.LlmUsageSums;
import dev.otelmcp.domain.port.TraceStore;
import dev.otelmcp.domain.pricing.PriceBreaks;
import dev.otelmcp.domain.query.SpanQuery;
import dev.otelmcp.domain.query.TraceQuery;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The failure contract of {@link TraceStore}, the same for every backend that talks to a server: whatever the
 * server does wrong, every call of the port fails with the domain exception its javadoc names — never a raw I/O or
 * parser exception, never an empty answer passed off as the truth — and no message, hint, cause or health detail
 * quotes the credentials, even when the server echoes them.
 *
 * <p>A backend module extends this class and says in {@link #storeAt} how to open its store on a given URL with a
 * given secret (the API key, token or password it authenticates with). This class runs the server (WireMock on a
 * free port), makes it fail in each way, and closes the stores it opened.
 */
public abstract class AbstractBackendFailureContractTest {

  /** Stands for the credential; a store must never repeat it. */
  protected static final String SECRET = "tck-s3cr3t-9d41f0c2";

  private static final TimeRange WINDOW =
      new TimeRange(Instant.parse("2026-01-10T00:00:00Z"), Instant.parse("2026-01-10T06:00:00Z"));
  private static final TraceId SOME_TRACE = new TraceId("4bf92f3577b34da6a3ce929d0e0e4736");

  @RegisterExtension
  static final WireMockExtension SERVER = WireMockExtension.newInstance()
      .options(wireMockConfig().dynamicPort()).build();

  private final List<TraceStore> opened = new ArrayList<>();

  /**
   * The store under test, talking to {@code baseUrl} and authenticating with {@code secret}. Configure a short
   * timeout (a second or two); the TCK waits for no failure longer than that.
   */
  protected abstract TraceStore storeAt(String baseUrl, String secret);

  @AfterEach
  final void closeStores() {
    opened.forEach(TraceStore::close);
  }

  /**
   * Each call made as a tool call of its own, of one second: a store retries a refused connection, but not past the
   * call's stop time, and then reports the backend's failure (not an empty answer).
   */
  @Test
  void anUnreachableServerIsUnavailable() throws IOException {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0)) {
      closedPort = socket.getLocalPort();
    }
    TraceStore store = open("http://127.0.0.1:" + closedPort);

    everyCallFailsWith(store, AbstractBackendFailureContractTest::withinAToolCall, BackendUnavailableException.class,
        failure -> {});
    assertUnhealthy(store);
  }

  /** A 503 with a far {@code Retry-After}: retrying is pointless, so the failure comes at once. */
  @Test
  void aServerErrorIsUnavailable() {
    serverAnswers(aResponse().withStatus(503).withHeader("Retry-After", "600")
        .withHeader("Content-Type", "text/plain").withBody("upstream down; credentials were " + SECRET));
    TraceStore store = open(SERVER.baseUrl());

    everyCallFailsWith(store, BackendUnavailableException.class, failure -> {});
    assertUnhealthy(store);
  }

  @Test
  void rateLimitingIsRateLimitedAndCarriesRetryAfter() {
    serverAnswers(aResponse().withStatus(429).withHeader("Retry-After", "60").withBody("slow down " + SECRET));
    TraceStore store = open(SERVER.baseUrl());

    everyCallFailsWith(store, RateLimitedException.class, failure ->
        assertThat(((RateLimitedException) failure).retryAfter()).contains(Duration.ofSeconds(60)));
    assertHealthQuotesNoSecret(store);
  }

  @Test
  void aMalformedAnswerIsUnavailable() {
    serverAnswers(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
        .withBody("{\"data\":[{\"key\":\"" + SECRET + "\","));
    TraceStore store = open(SERVER.baseUrl());

    everyCallFailsWith(store, BackendUnavailableException.class, failure -> {});
    assertHealthQuotesNoSecret(store);
  }

  @Test
  void aRejectedRequestIsRejected() {
    serverAnswers(aResponse().withStatus(400).withHeader("Content-Type", "application/json")
        .withBody("{\"error\":\"bad request from a client using " + SECRET + "\"}"));
    TraceStore store = open(SERVER.baseUrl());

    everyCallFailsWith(store, BackendRejectedException.class, failure -> {});
    assertHealthQuotesNoSecret(store);
  }

  @Test
  void refusedCredentialsAreRejectedWithoutQuotingThem() {
    serverAnswers(aResponse().withStatus(401).withHeader("Content-Type", "application/json")
        .withBody("{\"message\":\"token Bearer " + SECRET + " is not valid\"}"));
    TraceStore store = open(SERVER.baseUrl());

    everyCallFailsWith(store, BackendRejectedException.class, failure -> {});
    assertUnhealthy(store);
  }

  private TraceStore open(String baseUrl) {
    TraceStore store = storeAt(baseUrl, SECRET);
    opened.add(store);
    assertThat(store.toString()).as("the store's own description").doesNotContain(SECRET);
    return store;
  }

  private static void serverAnswers(ResponseDefinitionBuilder answer) {
    SERVER.stubFor(any(anyUrl()).willReturn(answer));
  }

  /** Every call of the port, each failing with {@code expected}, then checked by {@code more}. */
  private static void everyCallFailsWith(TraceStore store, Class<? extends OtelMcpException> expected,
      Consumer<OtelMcpException> more) {
    everyCallFailsWith(store, Runnable::run, expected, more);
  }

  private static void everyCallFailsWith(TraceStore store, Consumer<Runnable> runner,
      Class<? extends OtelMcpException> expected, Consumer<OtelMcpException> more) {
    for (PortCall call : PortCall.of(store)) {
      Throwable thrown = catchThrowable(() -> runner.accept(() -> call.run(store)));

      assertThat(thrown).as("%s", call.name()).isInstanceOf(expected);
      OtelMcpException failure = (OtelMcpException) thrown;
      assertThat(failure.getMessage()).as("message of %s", call.name()).isNotBlank();
      assertThat(failure.hint()).as("hint of %s", call.name()).isNotBlank().doesNotContain(SECRET);
      for (Throwable t = failure; t != null; t = t.getCause()) {
        assertThat(t.toString()).as("%s: %s in the cause chain", call.name(), t.getClass().getName())
            .doesNotContain(SECRET);
      }
      more.accept(failure);
    }
  }

  private static void withinAToolCall(Runnable work) {
    CallContext.startingNow(Duration.ofSeconds(1), Duration.ofMillis(250), ProgressSink.NONE).call(() -> {
      work.run();
      return null;
    });
  }

  private static void assertUnhealthy(TraceStore store) {
    HealthStatus health = store.health();
    assertThat(health.healthy()).isFalse();
    assertThat(health.detail()).isNotBlank().doesNotContain(SECRET);
  }

  /** Whatever the store makes of the failure for its health, the detail does not quote the credential. */
  private static void assertHealthQuotesNoSecret(TraceStore store) {
    assertThat(store.health().detail()).as("health detail").doesNotContain(SECRET);
  }

  /** One call of the port, by name, so that a failure says which call broke the contract. */
  private record PortCall(String name, Consumer<TraceStore> call) {

    static List<PortCall> of(TraceStore store) {
      List<PortCall> calls = new ArrayList<>(List.of(
          new PortCall("listServices", s -> s.listServices(WINDOW)),
          new PortCall("listOperations", s -> s.listOperations("checkout", WINDOW)),
          new PortCall("searchTraces", s -> s.searchTraces(new TraceQuery(WINDOW, List.of(), 10))),
          new PortCall("getTrace", s -> s.getTrace(SOME_TRACE))));
      if (store.capabilities().nativeSpanSearch()) {
        calls.add(new PortCall("searchSpans", s -> s.searchSpans(new SpanQuery(WINDOW, List.of(), 10))));
      }
      if (store.llmCallScan().isPresent()) {
        calls.add(new PortCall("llmCallScan", s -> s.llmCallScan().orElseThrow()
            .scan(WINDOW, List.of(), 10, (trace, llmCalls) -> {})));
      }
      // The abilities a store works out in its own language; looking one up may itself ask the backend (a schema).
      if (offers(store, TraceStore::llmUsageSums)) {
        calls.add(new PortCall("llmUsageSums", s -> s.llmUsageSums().orElseThrow()
            .sum(new LlmUsageSums.Request(WINDOW, List.of(), 10, PriceBreaks.NONE, null), group -> {})));
      }
      if (offers(store, TraceStore::llmToolUsage)) {
        calls.add(new PortCall("llmToolUsage", s -> s.llmToolUsage().orElseThrow()
            .count(new LlmToolUsage.Request(WINDOW, List.of(), 10, null, null), group -> {})));
      }
      if (offers(store, TraceStore::llmModelCalls)) {
        calls.add(new PortCall("llmModelCalls", s -> s.llmModelCalls().orElseThrow()
            .calls(new LlmModelCalls.Request(WINDOW, List.of(), 10, Set.of("gpt-4o")),
                new ExpectedModelCalls.HandedOn())));
      }
      if (offers(store, TraceStore::llmTraceRanking)) {
        calls.add(new PortCall("llmTraceRanking", s -> s.llmTraceRanking().orElseThrow()
            .rank(new LlmTraceRanking.Request(WINDOW, List.of(), 10, LlmTraceRanking.Qualifying.ANY,
                LlmTraceRanking.Measure.COST, 1, null, PriceBreaks.NONE, ExpectedRanking.varied(PriceBreaks.NONE), 0,
                5), trace -> {})));
      }
      return List.copyOf(calls);
    }

    /** Whether the store offers an ability: it says so, or finding out already needs the failing backend. */
    private static boolean offers(TraceStore store, Function<TraceStore, Optional<?>> ability) {
      try {
        return ability.apply(store).isPresent();
      } catch (OtelMcpException e) {
        return true;
      }
    }

    void run(TraceStore store) {
      call.accept(store);
    }
  }
}
