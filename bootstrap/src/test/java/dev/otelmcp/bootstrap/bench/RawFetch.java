package dev.otelmcp.bootstrap.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Predicate;

/**
 * The baseline: the requests a tool call made, fetched again by a plain JDK {@link HttpClient} and parsed by Jackson
 * into a tree, nothing more. Requests run in the order they were made, in phases: a request the next ones depend on
 * is a phase of its own, and the requests between two such run {@code parallelism} at a time, as the application
 * hydrates traces (and the Jaeger adapter searches services). Client and pool are made once and reused, as the store's are.
 */
final class RawFetch implements AutoCloseable {

  /** What one replay read: requests, body bytes, and the traces and spans the bodies carry. */
  record Read(int requests, long bytes, int traces, int spans) {}

  private final URI base;
  private final Predicate<String> isBarrier;
  private final Counter counter;
  private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
  private final ObjectMapper mapper = new ObjectMapper();
  private final ExecutorService pool;

  /** What a parsed body carries, so that both sides can be checked to have read the same: {traces, spans}. */
  interface Counter {
    int[] count(String target, JsonNode body);
  }

  /**
   * @param isBarrier which requests the ones after them depend on (a search whose hits are then fetched, the list of
   *     services searched next): they run alone
   */
  RawFetch(URI base, int parallelism, Predicate<String> isBarrier, Counter counter) {
    this.base = base;
    this.isBarrier = isBarrier;
    this.counter = counter;
    this.pool = Executors.newFixedThreadPool(parallelism, runnable -> {
      Thread thread = new Thread(runnable, "raw-fetch");
      thread.setDaemon(true);
      return thread;
    });
  }

  /** Fetches and parses every target (path and raw query), in phases. */
  Read replay(List<String> targets) throws Exception {
    int requests = 0;
    long bytes = 0;
    int traces = 0;
    int spans = 0;
    for (List<String> phase : phases(targets)) {
      List<Future<long[]>> parts = new ArrayList<>(phase.size());
      for (String target : phase) {
        parts.add(pool.submit(() -> fetch(target)));
      }
      for (Future<long[]> part : parts) {
        long[] one = get(part);
        requests++;
        bytes += one[0];
        traces += (int) one[1];
        spans += (int) one[2];
      }
    }
    return new Read(requests, bytes, traces, spans);
  }

  /** Body size, traces and spans carried. */
  private long[] fetch(String target) throws IOException, InterruptedException {
    HttpResponse<byte[]> response = http.send(HttpRequest.newBuilder(base.resolve(target))
        .header("Accept", "application/json").build(), HttpResponse.BodyHandlers.ofByteArray());
    if (response.statusCode() != 200) {
      throw new IllegalStateException("replay of " + target + " answered " + response.statusCode());
    }
    int[] carried = counter.count(target, mapper.readTree(response.body()));
    return new long[] {response.body().length, carried[0], carried[1]};
  }

  private List<List<String>> phases(List<String> targets) {
    List<List<String>> phases = new ArrayList<>();
    List<String> fetches = new ArrayList<>();
    for (String target : targets) {
      if (isBarrier.test(target)) {
        if (!fetches.isEmpty()) {
          phases.add(fetches);
          fetches = new ArrayList<>();
        }
        phases.add(List.of(target));
      } else {
        fetches.add(target);
      }
    }
    if (!fetches.isEmpty()) {
      phases.add(fetches);
    }
    return phases;
  }

  private static long[] get(Future<long[]> part) throws Exception {
    try {
      return part.get();
    } catch (ExecutionException e) {
      throw e.getCause() instanceof Exception cause ? cause : e;
    }
  }

  @Override
  public void close() {
    pool.shutdownNow();
  }
}
