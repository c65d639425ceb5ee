package dev.otelmcp.adapters.tempo;

import dev.otelmcp.adapters.tempo.SearchWindows.Piece;
import dev.otelmcp.adapters.tempo.TempoJson.TypedValue;
import dev.otelmcp.domain.call.CallContext;
import dev.otelmcp.domain.call.StopReason;
import dev.otelmcp.domain.error.UnsupportedQueryException;
import dev.otelmcp.domain.model.TimeRange;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Services and operations from Tempo's tag-value index ({@code /api/v2/search/tag/{tag}/values}), in the
 * asked window: services are the values of {@code resource.service.name} (every service, not only the ones
 * owning root spans), the operations of a service are the values of {@code name} over that service's spans
 * ({@code q={resource.service.name="…"}}). A window longer than Tempo's maximum is asked piece by piece, newest
 * first, and no further piece once the tool call should stop.
 */
final class TempoTags {

  private static final Logger LOG = LoggerFactory.getLogger(TempoTags.class);

  private final TempoApi api;
  private final TempoCalls calls;
  private final TempoConfig config;

  TempoTags(TempoApi api, TempoCalls calls, TempoConfig config) {
    this.api = api;
    this.calls = calls;
    this.config = config;
  }

  /** Sorted, unique, without blanks. */
  List<String> services(TimeRange window) {
    TreeSet<String> services = new TreeSet<>();
    List<Piece> pieces = SearchWindows.split(window, config.maxSearchDuration());
    for (int i = 0; i < pieces.size() && !stopsAfter(i, pieces.size(), "services"); i++) {
      Piece piece = pieces.get(i);
      try {
        services.addAll(v2("resource.service.name", Optional.empty(), piece));
      } catch (TempoNotFoundException missingRoute) {
        // Tempo before 2.2: the flat tag API, keyed by the plain attribute name.
        services.addAll(v1("service.name", piece));
      }
    }
    return List.copyOf(services);
  }

  /** The span names of one service, sorted, unique. */
  List<String> operations(String service, TimeRange window) {
    String filter = TraceQl.spanset(List.of("resource.service.name = " + TraceQl.string(service)));
    TreeSet<String> names = new TreeSet<>();
    List<Piece> pieces = SearchWindows.split(window, config.maxSearchDuration());
    for (int i = 0; i < pieces.size() && !stopsAfter(i, pieces.size(), "operations"); i++) {
      Piece piece = pieces.get(i);
      try {
        names.addAll(v2("name", Optional.of(filter), piece));
      } catch (TempoNotFoundException missingRoute) {
        throw new UnsupportedQueryException("Tempo at " + config.displayUrl() + " has no /api/v2/search/tag values"
            + " API, which listing the operations of one service needs (Tempo 2.2 or newer)",
            "Upgrade Tempo, or use search_traces with service_name to see the operations of recent traces.");
      }
    }
    return List.copyOf(names);
  }

  /**
   * Whether to stop after {@code read} pieces because the tool call is cancelled or at its stop time. A list has no
   * way to say it is partial, so the newest pieces read are answered (the first is always read) and the log says so.
   */
  private static boolean stopsAfter(int read, int pieces, String what) {
    Optional<StopReason> stop = CallContext.current().stopReason();
    if (read == 0 || stop.isEmpty()) {
      return false;
    }
    LOG.info("Tempo {}: stopped ({}) after the newest {} of {} window pieces; older ones are not listed", what,
        stop.get().name().toLowerCase(Locale.ROOT), read, pieces);
    return true;
  }

  private List<String> v2(String tag, Optional<String> traceQl, Piece piece) {
    Map<String, String> query = window(piece);
    traceQl.ifPresent(q -> query.put("q", TempoSearcher.encode(q)));
    String what = "GET /api/v2/search/tag/" + tag + "/values";
    return calls.callAllowing404(what, () -> api.tagValuesV2(tag, query)).valueList().stream()
        .map(TypedValue::value).filter(Objects::nonNull).filter(v -> !v.isBlank()).toList();
  }

  private List<String> v1(String tag, Piece piece) {
    String what = "GET /api/search/tag/" + tag + "/values";
    return calls.call(what, () -> api.tagValuesV1(tag, window(piece))).valueList().stream()
        .filter(Objects::nonNull).filter(v -> !v.isBlank()).toList();
  }

  private static Map<String, String> window(Piece piece) {
    Map<String, String> query = new LinkedHashMap<>();
    query.put("start", Long.toString(piece.start()));
    query.put("end", Long.toString(piece.end()));
    return query;
  }
}
