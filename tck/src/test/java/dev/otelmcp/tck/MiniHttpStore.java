package dev.otelmcp.tck;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.otelmcp.domain.error.BackendRejectedException;
import dev.otelmcp.domain.error.BackendUnavailableException;
import dev.otelmcp.domain.error.RateLimitedException;
import dev.otelmcp.domain.model.Operation;
import dev.otelmcp.domain.model.TimeRange;
import dev.otelmcp.domain.model.Trace;
import dev.otelmcp.domain.model.TraceId;
import dev.otelmcp.domain.port.HealthStatus;
import dev.otelmcp.domain.port.StoreCapabilities;
import dev.otelmcp.domain.port.TraceSearchResult;
import dev.otelmcp.domain.port.TraceStore;
import dev.otelmcp.domain.query.TraceQuery;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The smallest HTTP backend the failure contract can judge: every call is one GET of a JSON list. With a
 * {@link Flaw} it breaks the contract on purpose, for {@link TckCatchesBrokenStoresTest}.
 */
final class MiniHttpStore implements TraceStore {

  enum Flaw { NONE, QUOTES_THE_ANSWER, ANSWERS_EMPTY }

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String HINT = "Check that the backend runs and its URL and token are right.";

  private final String baseUrl;
  private final String token;
  private final Flaw flaw;
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();

  MiniHttpStore(String baseUrl, String token, Flaw flaw) {
    this.baseUrl = baseUrl;
    this.token = token;
    this.flaw = flaw;
  }

  @Override
  public StoreCapabilities capabilities() {
    return new StoreCapabilities(f -> false, f -> false, false, 100, true);
  }

  @Override
  public List<String> listServices(TimeRange window) {
    return names("/services");
  }

  @Override
  public List<Operation> listOperations(String serviceName, TimeRange window) {
    return names("/operations").stream().map(Operation::named).toList();
  }

  @Override
  public TraceSearchResult searchTraces(TraceQuery query) {
    names("/traces");
    return TraceSearchResult.of(List.of(), query.limit());
  }

  @Override
  public Optional<Trace> getTrace(TraceId traceId) {
    names("/traces/" + traceId);
    return Optional.empty();
  }

  @Override
  public HealthStatus health() {
    try {
      names("/services");
      return HealthStatus.healthy(baseUrl);
    } catch (RuntimeException e) {
      return HealthStatus.unhealthy(e.getMessage());
    }
  }

  private List<String> names(String path) {
    try {
      return parse(get(path));
    } catch (RuntimeException e) {
      if (flaw == Flaw.ANSWERS_EMPTY) {
        return List.of();
      }
      throw e;
    }
  }

  private HttpResponse<String> get(String path) {
    HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(Duration.ofSeconds(2))
        .header("Authorization", "Bearer " + token).GET().build();
    HttpResponse<String> response;
    try {
      response = http.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new BackendUnavailableException("could not reach the backend at " + baseUrl, HINT);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new BackendUnavailableException("interrupted while asking " + baseUrl, HINT);
    }
    int status = response.statusCode();
    String detail = flaw == Flaw.QUOTES_THE_ANSWER ? ": " + response.body() : "";
    if (status == 429) {
      Duration retryAfter = response.headers().firstValue("Retry-After").map(s -> Duration.ofSeconds(Long.parseLong(s)))
          .orElse(null);
      throw new RateLimitedException("the backend is rate limiting (HTTP 429)" + detail, retryAfter);
    }
    if (status >= 500) {
      throw new BackendUnavailableException("the backend failed with HTTP " + status + detail, HINT);
    }
    if (status >= 400) {
      throw new BackendRejectedException("the backend rejected GET " + path + " (HTTP " + status + ")" + detail, HINT);
    }
    return response;
  }

  private List<String> parse(HttpResponse<String> response) {
    try {
      List<String> names = new ArrayList<>();
      for (JsonNode name : JSON.readTree(response.body()).path("data")) {
        names.add(name.asText());
      }
      return names;
    } catch (IOException e) {
      // Not the parser's message: it quotes the body.
      throw new BackendUnavailableException("the backend sent an answer that is not valid JSON", HINT);
    }
  }
}
