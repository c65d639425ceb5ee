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
 * into a tree, nothing more. Requests run in the order they were made, in phases: a search is a phase of its own (what
 * follows depends on its answer), and the fetches between two searches run {@code parallelism} at a time, as the
 * application hydrates them. Client and pool are made once and reused, as the store's are.
 */
final class RawFetch implements AutoCloseable {

  /** What one replay read: requests, body bytes, traces listed by searches, spans in trace bodies. */
  record Read(int requests, long bytes, int tracesListed, int spans) {}

  private final URI base;
  private final Predicate<String> isSearch;
  private final SpanCounter spanCounter;
  private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
  private final ObjectMapper mapper = new ObjectMapper();
  private final ExecutorService pool;

  /** Counts what a parsed body holds: the traces a search lists, or the spans a trace body carries. */
  interface SpanCounter {
    int tracesListed(JsonNode search);

    int spans(JsonNode body);
  }

  RawFetch(URI base, int parallelism, Predicate<String> isSearch, SpanCounter spanCounter) {
    this.base = base;
    this.isSearch = isSearch;
    this.spanCounter = spanCounter;
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
    int listed = 0;
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
        listed += (int) one[1];
        spans += (int) one[2];
      }
    }
    return new Read(requests, bytes, listed, spans);
  }

  /** Body size, traces listed, spans carried. */
  private long[] fetch(String target) throws IOException, InterruptedException {
    HttpResponse<byte[]> response = http.send(HttpRequest.newBuilder(base.resolve(target))
        .header("Accept", "application/json").build(), HttpResponse.BodyHandlers.ofByteArray());
    if (response.statusCode() != 200) {
      throw new IllegalStateException("replay of " + target + " answered " + response.statusCode());
    }
    JsonNode tree = mapper.readTree(response.body());
    boolean search = isSearch.test(target);
    return new long[] {response.body().length, search ? spanCounter.tracesListed(tree) : 0,
        search ? 0 : spanCounter.spans(tree)};
  }

  private List<List<String>> phases(List<String> targets) {
    List<List<String>> phases = new ArrayList<>();
    List<String> fetches = new ArrayList<>();
    for (String target : targets) {
      if (isSearch.test(target)) {
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
