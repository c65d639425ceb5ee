package dev.otelmcp.adapters.jaeger;

import dev.otelmcp.backend.toolkit.ShortfallTally;
import dev.otelmcp.domain.call.CallContext;
import dev.otelmcp.domain.call.StopReason;
import dev.otelmcp.domain.llm.LlmCall;
import dev.otelmcp.domain.llm.LlmCalls;
import dev.otelmcp.domain.model.TimeRange;
import dev.otelmcp.domain.model.Trace;
import dev.otelmcp.domain.model.Traces;
import dev.otelmcp.domain.port.LlmCallScan;
import dev.otelmcp.domain.query.Filter;
import dev.otelmcp.domain.query.FilterEvaluator;
import dev.otelmcp.domain.query.TraceQuery;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The LLM calls of a window read by the Jaeger store itself ({@link LlmCallScan}): the same searches as
 * {@link JaegerTraceStore#searchTraces} (one per service, a few at a time), but each answer is read for the LLM views
 * only — the tags they read, every other value passed over by the parser ({@link LlmViewTags}) — and each trace's
 * calls are read in the thread that decoded it, beside the other services' reads. What the window's traces hold until
 * the last service has answered (duplicates must be dropped and the order made newest first) is then a fraction of
 * the answers, and nothing is left to do on the caller's thread but to hand the traces on.
 *
 * <p>Jaeger has no cursor: a window holding more traces than one search returns is read in rounds, newest first. A
 * service whose answer was full may hold older traces, so a round hands on only the traces at or after the newest
 * oldest start of the full answers (everything there was returned by every service), and the next round searches the
 * window up to that instant; traces handed on already are not handed on again. A service whose answer was not full
 * returned all its traces up to the round's end: it is not asked again, and its traces older than the round's edge are
 * carried to the rounds that reach them (no trace is fetched twice but at a round's edge).
 */
final class JaegerLlmScan implements LlmCallScan {

  /** A trace of one answer, with the calls that count in it. */
  private record Scanned(Trace trace, List<LlmCall> calls) {}

  /**
   * One service's answer ({@code service} is {@code null} when the search named it) and its traces with their calls.
   */
  private record Answer(String service, JaegerFlavour.SearchPage page, List<Scanned> traces) {}

  /** {@link Traces#NEWEST_FIRST} on the traces, written out: the caller's thread sorts a round's traces with it. */
  private static final Comparator<Scanned> NEWEST_FIRST = (x, y) -> {
    int byStart = y.trace().startTime().compareTo(x.trace().startTime());
    return byStart != 0 ? byStart : x.trace().traceId().compareTo(y.trace().traceId());
  };

  private final FlavourDetector detector;
  private final FanOutSearch fanOut;
  private final Function<JaegerFlavour, List<String>> services;
  private final int searchLimit;

  /**
   * @param services the services a search without one is fanned out to
   * @param searchLimit the most traces one search asks for
   */
  JaegerLlmScan(FlavourDetector detector, FanOutSearch fanOut, Function<JaegerFlavour, List<String>> services,
      int searchLimit) {
    this.detector = detector;
    this.fanOut = fanOut;
    this.services = services;
    this.searchLimit = searchLimit;
  }

  @Override
  public Report scan(TimeRange window, List<Filter> filters, int limit, Visitor visitor) {
    LlmViewTags kept = new LlmViewTags(filters.stream().map(Filter::field).toList());
    JaegerFlavour flavour = detector.flavour();
    Reading reading = new Reading(limit, visitor);
    CallContext call = CallContext.current();
    TimeCursor cursor = null;
    while (true) {
      // One more than still wanted: a further trace tells that more remain.
      int wanted = (int) Math.min(searchLimit, (long) limit - reading.handed + 1);
      TraceQuery query = new TraceQuery(window, filters, wanted, null);
      Optional<NativeSearch> plan = (cursor == null ? Optional.of(query) : cursor.narrow(query))
          .flatMap(JaegerQueryPlanner::plan);
      if (plan.isEmpty()) {
        return reading.report(false);
      }
      NativeSearch search = plan.get();
      List<Answer> answers = search.serviceName().isPresent()
          ? List.of(read(null, flavour, search, kept, visitor))
          : fanOut.searchAll(reading.servicesLeft(services.apply(flavour)),
              service -> reading.failedIfThrows(service, () -> read(service, flavour, search.withService(service),
                  kept, visitor)), reading.tally);
      reading.tally.throwIfNothingRead();
      Instant knownFrom = JaegerFlavour.SearchPage.coveredFrom(answers.stream().map(Answer::page).toList());
      List<List<Scanned>> round = new ArrayList<>();
      answers.forEach(answer -> round.add(answer.traces()));
      round.add(reading.carried);
      if (!reading.handOn(merged(round, filters, cursor, knownFrom), knownFrom)) {
        return reading.report(true);
      }
      reading.carryOver(answers, knownFrom);
      if (knownFrom == null) {
        return reading.report(false);
      }
      if (cursor != null && !knownFrom.isBefore(cursor.oldestStart())) {
        // Every trace a search returns starts at the cursor's instant: Jaeger cannot be asked past them.
        reading.tally.missing("more than " + wanted + " traces start at " + knownFrom
            + ": Jaeger's search cannot be paged past them");
        return reading.report(true);
      }
      Optional<StopReason> stop = call.stopReason();
      if (stop.isPresent()) {
        // Everything from knownFrom on was read.
        reading.tally.stopped(stop.get(), knownFrom);
        return reading.report(true);
      }
      cursor = new TimeCursor(knownFrom);
    }
  }

  /**
   * One search, read for the LLM views, with each trace's calls read and prepared by the visitor (priced) in the thread
   * that read the answer.
   */
  private static Answer read(String service, JaegerFlavour flavour, NativeSearch search, LlmViewTags kept,
      Visitor visitor) {
    JaegerFlavour.SearchPage page = flavour.searchForLlmViews(search, kept);
    List<Scanned> traces = new ArrayList<>(page.traces().size());
    for (Trace trace : page.traces()) {
      traces.add(new Scanned(trace, visitor.prepare(LlmCalls.of(trace))));
    }
    return new Answer(service, page, traces);
  }

  /**
   * The traces that match, each once (a trace spanning two services is found by both searches; the copy with more
   * spans wins), newer than the cursor and no older than what every answer covered, newest first.
   *
   * @param sources each newest first: the answers' traces, and those carried from earlier rounds
   */
  private static List<Scanned> merged(List<List<Scanned>> sources, List<Filter> filters, TimeCursor cursor,
      Instant knownFrom) {
    int all = sources.stream().mapToInt(List::size).sum();
    List<Scanned> ordered = new ArrayList<>(all);
    Map<String, Integer> positions = new HashMap<>(all * 2);
    for (List<Scanned> source : sources) {
      for (Scanned scanned : source) {
        Trace trace = scanned.trace();
        if (TimeCursor.onPage(trace, cursor, knownFrom) && FilterEvaluator.matches(trace, filters)) {
          Integer known = positions.putIfAbsent(trace.traceId(), ordered.size());
          if (known == null) {
            ordered.add(scanned);
          } else if (trace.spanCount() > ordered.get(known).trace().spanCount()) {
            ordered.set(known, scanned);
          }
        }
      }
    }
    // Each answer comes newest first: the sort merges a few ordered runs rather than sorting from scratch.
    ordered.sort(NEWEST_FIRST);
    return ordered;
  }

  /** The traces handed on so far, and what the read lacks. */
  private static final class Reading {
    private final int limit;
    private final Visitor visitor;
    private int handed;
    /**
     * The traces handed on that start at the last round's edge: the next round searches up to and including that
     * instant, so they come again (any other trace handed on is newer than the next round searches).
     */
    private Set<String> atEdge = Set.of();
    private final ShortfallTally tally = new ShortfallTally();
    /** Services whose search failed: named once in the shortfall, not asked again in later rounds. */
    private final Set<String> failed = ConcurrentHashMap.newKeySet();
    /** Services whose answer held every trace of theirs in the window searched: not asked again. */
    private final Set<String> exhausted = new HashSet<>();
    /** Their traces older than the last round's edge, not handed on yet. */
    private List<Scanned> carried = List.of();
    private long spans;

    Reading(int limit, Visitor visitor) {
      this.limit = limit;
      this.visitor = visitor;
    }

    /**
     * The services still to search: not those that failed, nor those whose answer held all their traces of the window
     * (not full): what of theirs is older than a round's edge is carried to the next rounds instead of read again.
     */
    List<String> servicesLeft(List<String> services) {
      return services.stream().filter(service -> !failed.contains(service) && !exhausted.contains(service)).toList();
    }

    /**
     * After a round that handed on the traces from {@code knownFrom} on: the services whose answer was not full are
     * done, and their older traces (with those carried before) wait for the round that reaches them.
     */
    void carryOver(List<Answer> answers, Instant knownFrom) {
      List<Scanned> older = new ArrayList<>();
      for (Answer answer : answers) {
        if (!answer.page().full() && answer.service() != null) {
          exhausted.add(answer.service());
          answer.traces().stream().filter(s -> knownFrom != null && s.trace().startTime().isBefore(knownFrom))
              .forEach(older::add);
        }
      }
      if (knownFrom != null) {
        carried.stream().filter(s -> s.trace().startTime().isBefore(knownFrom)).forEach(older::add);
      }
      carried = older;
    }

    <T> T failedIfThrows(String service, Supplier<T> search) {
      try {
        return search.get();
      } catch (RuntimeException e) {
        failed.add(service);
        throw e;
      }
    }

    /**
     * Hands on the round's traces not handed on before; false when the limit stopped it with traces left.
     *
     * @param edge the round's edge ({@code null} when it is the last round)
     */
    boolean handOn(List<Scanned> round, Instant edge) {
      Set<String> nextEdge = new HashSet<>();
      for (Scanned scanned : round) {
        Trace trace = scanned.trace();
        if (atEdge.contains(trace.traceId())) {
          continue;
        }
        if (handed == limit) {
          return false;
        }
        visitor.visit(trace, scanned.calls());
        handed++;
        spans += trace.spanCount();
        if (trace.startTime().equals(edge)) {
          nextEdge.add(trace.traceId());
        }
      }
      atEdge = nextEdge;
      return true;
    }

    Report report(boolean more) {
      return new Report(handed, spans, more, tally.shortfall());
    }
  }
}
