package dev.otelmcp.adapters.tempo;

import dev.otelmcp.adapters.tempo.SearchWindows.Piece;
import dev.otelmcp.adapters.tempo.TempoJson.TraceMetadata;
import dev.otelmcp.backend.toolkit.PartPool;
import dev.otelmcp.backend.toolkit.PartResult;
import dev.otelmcp.backend.toolkit.PartResults;
import dev.otelmcp.backend.toolkit.ShortfallTally;
import dev.otelmcp.domain.call.CallContext;
import dev.otelmcp.domain.call.StopReason;
import dev.otelmcp.domain.model.Ids;
import dev.otelmcp.domain.model.TimeRange;
import dev.otelmcp.domain.port.Shortfall;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one TraceQL search over a time window: always with {@code start}/{@code end}, the window cut into pieces no
 * longer than Tempo's maximum, the limit no higher than Tempo's {@code max_result_limit} (which Tempo would
 * otherwise apply silently), duplicates of a trace found in two pieces dropped.
 *
 * <p>Pieces are searched newest first, in waves of at most the store's concurrency (its {@link PartPool}); the
 * answers are merged in piece order, and no further wave starts once the limit is met or the tool call should stop
 * (then the answer says from when on the window was searched). A piece that still fails after retries is left out
 * and named in the answer's shortfall, unless no piece could be read at all: then the failure is the answer.
 */
final class TempoSearcher {

  private static final Logger LOG = LoggerFactory.getLogger(TempoSearcher.class);

  /**
   * What Tempo found.
   *
   * @param traces the hits, in Tempo's order, each trace once, at most the limit
   * @param mayHaveMore whether Tempo may hold more matching traces than returned
   * @param shortfall what the search could not cover, or {@code null}
   */
  record Candidates(List<TraceMetadata> traces, boolean mayHaveMore, Shortfall shortfall) {}

  private final TempoApi api;
  private final TempoCalls calls;
  private final TempoConfig config;
  private final PartPool pool;
  private final AtomicBoolean splitExplained = new AtomicBoolean();

  TempoSearcher(TempoApi api, TempoCalls calls, TempoConfig config, PartPool pool) {
    this.api = api;
    this.calls = calls;
    this.config = config;
    this.pool = pool;
  }

  /**
   * @param spansPerSpanSet Tempo's {@code spss} (how many matched spans come back per trace), or empty for
   *     Tempo's default (3)
   */
  Candidates search(String traceQl, TimeRange window, int limit, Optional<Integer> spansPerSpanSet) {
    List<Piece> pieces = SearchWindows.split(window, config.maxSearchDuration());
    explainSplit(window, pieces);
    int wanted = Math.min(limit, config.maxSearchLimit());
    CallContext call = CallContext.current();
    ShortfallTally tally = new ShortfallTally();
    Map<String, TraceMetadata> unique = new LinkedHashMap<>();
    boolean mayHaveMore = false;
    // The window is covered from here to its end: every piece up to here has ended (read or failed).
    Instant searchedFrom = window.end();
    int ended = 0;
    while (ended < pieces.size() && unique.size() < wanted) {
      Optional<StopReason> stop = call.stopReason();
      if (stop.isPresent()) {
        tally.stopped(stop.get(), searchedFrom);
        break;
      }
      List<Piece> wave = pieces.subList(ended, Math.min(ended + pool.concurrency(), pieces.size()));
      int ask = wanted - unique.size();
      int before = ended;
      PartResults<Piece, List<TraceMetadata>> results = pool.run(wave, piece -> page(traceQl, piece, ask,
          spansPerSpanSet), done -> progress(call, before + done, pieces.size()));
      for (PartResult<Piece, List<TraceMetadata>> result : results.results()) {
        if (result.notRun()) {
          // Older pieces that did end are dropped too: the answer covers one unbroken stretch up to the end.
          break;
        }
        ended++;
        searchedFrom = earliest(window, result.part());
        if (result.failed()) {
          tally.failed(describe(result.part()), result.failure());
          continue;
        }
        tally.read();
        for (TraceMetadata hit : result.value()) {
          Ids.normalizeTraceId(hit.traceID()).ifPresent(id -> unique.putIfAbsent(id, hit));
        }
        // A piece that filled what was asked may hold more.
        mayHaveMore |= result.value().size() >= ask;
      }
      if (results.stopped().isPresent()) {
        tally.stopped(results.stoppedBy(), searchedFrom);
        break;
      }
    }
    tally.throwIfNothingRead();
    // So may the pieces not searched once the limit was met.
    mayHaveMore |= unique.size() >= wanted && ended < pieces.size();
    List<TraceMetadata> traces = new ArrayList<>(unique.values());
    if (traces.size() > wanted) {
      traces = traces.subList(0, wanted);
      mayHaveMore = true;
    }
    return new Candidates(List.copyOf(traces), mayHaveMore, tally.shortfall());
  }

  private static void progress(CallContext call, int piecesDone, int pieces) {
    if (pieces > 1) {
      call.progress(piecesDone, (double) pieces, "Tempo search pieces");
    }
  }

  /** The start of a piece as an instant, never before the window (the outer bound rounds down to a second). */
  private static Instant earliest(TimeRange window, Piece piece) {
    Instant start = Instant.ofEpochSecond(piece.start());
    return start.isBefore(window.start()) ? window.start() : start;
  }

  private static String describe(Piece piece) {
    return "search " + Instant.ofEpochSecond(piece.start()) + " .. " + Instant.ofEpochSecond(piece.end());
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
    return calls.call(what, () -> api.search(query)).traceList();
  }

  private void explainSplit(TimeRange window, List<Piece> pieces) {
    if (pieces.size() < 2) {
      return;
    }
    String message = "the window " + window.start() + " .. " + window.end() + " is longer than Tempo's maximum search"
        + " duration (" + config.maxSearchDuration().toHours() + "h, setting max_search_duration): searching it in "
        + pieces.size() + " pieces, newest first, up to " + pool.concurrency() + " at once";
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
