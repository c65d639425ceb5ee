package dev.otelmcp.adapters.tempo;

import dev.otelmcp.adapters.tempo.SearchWindows.Piece;
import dev.otelmcp.adapters.tempo.TempoJson.SearchResponse;
import dev.otelmcp.adapters.tempo.TempoJson.TraceMetadata;
import dev.otelmcp.domain.model.Ids;
import dev.otelmcp.domain.model.TimeRange;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one TraceQL search over a time window: always with {@code start}/{@code end}, the window cut into
 * pieces no longer than Tempo's maximum (newest first, stopping once the limit is reached), the limit no
 * higher than Tempo's {@code max_result_limit} (which Tempo would otherwise apply silently), duplicates of
 * a trace found in two pieces dropped.
 */
final class TempoSearcher {

  private static final Logger LOG = LoggerFactory.getLogger(TempoSearcher.class);

  /**
   * What Tempo found.
   *
   * @param traces the hits, in Tempo's order, each trace once, at most the limit
   * @param mayHaveMore whether Tempo may hold more matching traces than returned
   */
  record Candidates(List<TraceMetadata> traces, boolean mayHaveMore) {}

  private final TempoApi api;
  private final TempoCalls calls;
  private final TempoConfig config;
  private final AtomicBoolean splitExplained = new AtomicBoolean();

  TempoSearcher(TempoApi api, TempoCalls calls, TempoConfig config) {
    this.api = api;
    this.calls = calls;
    this.config = config;
  }

  /**
   * @param spansPerSpanSet Tempo's {@code spss} (how many matched spans come back per trace), or empty for
   *     Tempo's default (3)
   */
  Candidates search(String traceQl, TimeRange window, int limit, Optional<Integer> spansPerSpanSet) {
    List<Piece> pieces = SearchWindows.split(window, config.maxSearchDuration());
    explainSplit(window, pieces);
    int wanted = Math.min(limit, config.maxSearchLimit());
    Map<String, TraceMetadata> unique = new LinkedHashMap<>();
    boolean mayHaveMore = false;
    for (int i = 0; i < pieces.size() && unique.size() < wanted; i++) {
      int ask = wanted - unique.size();
      List<TraceMetadata> hits = page(traceQl, pieces.get(i), ask, spansPerSpanSet);
      for (TraceMetadata hit : hits) {
        Ids.normalizeTraceId(hit.traceID()).ifPresent(id -> unique.putIfAbsent(id, hit));
      }
      // A piece that filled what was asked may hold more; so may the pieces not searched.
      mayHaveMore |= hits.size() >= ask;
      mayHaveMore |= unique.size() >= wanted && i < pieces.size() - 1;
    }
    List<TraceMetadata> traces = new ArrayList<>(unique.values());
    if (traces.size() > wanted) {
      traces = traces.subList(0, wanted);
      mayHaveMore = true;
    }
    return new Candidates(List.copyOf(traces), mayHaveMore);
  }

  private List<TraceMetadata> page(String traceQl, Piece piece, int limit, Optional<Integer> spansPerSpanSet) {
    Map<String, String> query = new LinkedHashMap<>();
    query.put("q", encode(traceQl));
    query.put("limit", Integer.toString(limit));
    spansPerSpanSet.ifPresent(spss -> query.put("spss", Integer.toString(spss)));
    query.put("start", Long.toString(piece.start()));
    query.put("end", Long.toString(piece.end()));
    LOG.debug("Tempo search q={} limit={} start={} end={}", traceQl, limit, piece.start(), piece.end());
    String what = "GET /api/search";
    byte[] body = calls.call(what, () -> api.search(query));
    return calls.json(what, body, SearchResponse.class).traceList();
  }

  private void explainSplit(TimeRange window, List<Piece> pieces) {
    if (pieces.size() < 2) {
      return;
    }
    String message = "the window " + window.start() + " .. " + window.end() + " is longer than Tempo's maximum search"
        + " duration (" + config.maxSearchDuration().toHours() + "h, setting max_search_duration): searching it in "
        + pieces.size() + " pieces, newest first";
    if (splitExplained.compareAndSet(false, true)) {
      LOG.info(message);
    } else {
      LOG.debug(message);
    }
  }

  /**
   * Pct-encoding with spaces as %20, which every decoder reads the same way (unlike '+'), and '*' encoded too:
   * Feign takes a value holding a bare '*' for unencoded and would encode it a second time.
   */
  static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20").replace("*", "%2A");
  }
}
