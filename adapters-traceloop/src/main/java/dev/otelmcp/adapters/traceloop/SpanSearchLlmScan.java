package dev.otelmcp.adapters.traceloop;

import dev.otelmcp.domain.call.CallContext;
import dev.otelmcp.domain.call.StopReason;
import dev.otelmcp.domain.error.CallStoppedException;
import dev.otelmcp.domain.error.UnsupportedQueryException;
import dev.otelmcp.domain.llm.LlmCalls;
import dev.otelmcp.domain.model.Span;
import dev.otelmcp.domain.model.TimeRange;
import dev.otelmcp.domain.model.Trace;
import dev.otelmcp.domain.port.LlmCallScan;
import dev.otelmcp.domain.port.Shortfall;
import dev.otelmcp.domain.query.Filter;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The LLM calls of a window read through the span search ({@link SpanPages}): its rows carry service, status,
 * attributes and parent ids, so the window's spans, grouped by trace, are whole traces without asking for each one
 * — about one request per {@value SpanPages#PAGE_SIZE} spans instead of two per trace — and a trace whose root
 * span never arrived is read too, which the root-span listing cannot find.
 *
 * <p>Which traces: those whose root span started in the window, as the trace search lists them, newest root
 * first ({@link OpenTraces} says when a trace is complete); then, at the end of the window, the traces none of
 * whose spans is a root. For those, the spans read cannot tell a trace whose root never arrived from one whose
 * root started before the window (or a span whose clock ran ahead of its root's), so each is read whole
 * ({@link TraceReader}, two requests) and counted when it has no root at all and starts in the window. A trace
 * whose root ends after the last second searched may have spans after it, and is read whole as well.
 *
 * <p>The same traces as hydration: the search rows hold the same millisecond start and duration, parent, name,
 * service, status and attributes as the trace endpoint's, except Traceloop's own
 * {@code traceloop.llm.cost_micro_usd.*} (which no LLM aggregate reads; they price from the price table) and the
 * events (which the LLM view does not read).
 *
 * <p>The read stops at {@code limit} traces (saying more remain when a further trace was complete), or, before a
 * request, when the tool call must stop: it says from which trace start on it covered the window. It holds only
 * the traces still open (their spans so far), not the window.
 */
final class SpanSearchLlmScan implements LlmCallScan {

  private static final Logger LOG = LoggerFactory.getLogger(SpanSearchLlmScan.class);
  /** How many rootless traces are read whole at once. */
  static final int PARALLEL_READS = 8;

  private final SpanPages pages;
  private final SpanMapper mapper;
  private final TraceReader reader;

  SpanSearchLlmScan(SpanPages pages, SpanMapper mapper, TraceReader reader) {
    this.pages = pages;
    this.mapper = mapper;
    this.reader = reader;
  }

  @Override
  public Report scan(TimeRange window, List<Filter> filters, int limit, Visitor visitor) {
    if (!filters.isEmpty()) {
      throw new UnsupportedQueryException("the Traceloop store evaluates no trace filter itself: "
          + filters.get(0).describe(), "Trace filters are applied by otel-mcp after fetching.");
    }
    Reading reading = new Reading(window, limit, visitor);
    OpenTraces open = new OpenTraces();
    String cursor = null;
    for (int page = 0; ; page++) {
      Optional<StopReason> stop = page == 0 ? Optional.empty() : CallContext.current().stopReason();
      if (stop.isPresent()) {
        return reading.stopped(stop.get());
      }
      String sent = cursor;
      Paging.Page rows = pages.read(List.of(), window, sent);
      for (Wire.WireSpan row : rows.rows()) {
        Optional<Span> span = mapper.span(row);
        if (span.isEmpty()) {
          continue;
        }
        if (!reading.handAll(open.completeBefore(seconds(span.get())))) {
          return reading.report();
        }
        open.add(span.get());
      }
      if (!rows.mayHaveMore()) {
        break;
      }
      cursor = SpanPages.resume(rows, sent);
    }
    if (!reading.handAll(open.rooted())) {
      return reading.report();
    }
    return rootless(open.rootless(), reading);
  }

  /**
   * The traces none of whose spans read is a root: each read whole, counted when it has no root at all. The reads
   * run {@value #PARALLEL_READS} at a time (each is two requests), and are handed on in the order found.
   */
  private Report rootless(List<String> traces, Reading reading) {
    if (traces.isEmpty()) {
      return reading.report();
    }
    LOG.debug("Traceloop: {} trace(s) of the window without a root span read; reading them whole", traces.size());
    CallContext call = CallContext.current();
    ExecutorService pool = Executors.newFixedThreadPool(Math.min(PARALLEL_READS, traces.size()), runnable -> {
      Thread thread = new Thread(runnable, "otelmcp-traceloop-read");
      thread.setDaemon(true);
      return thread;
    });
    try {
      List<Future<Optional<Trace>>> reads = new ArrayList<>();
      for (String traceId : traces) {
        reads.add(pool.submit(call.bind(() -> reader.read(traceId))));
      }
      for (Future<Optional<Trace>> read : reads) {
        Optional<StopReason> stop = call.stopReason();
        if (stop.isPresent()) {
          return reading.stopped(stop.get());
        }
        Optional<Trace> whole = await(read, call).filter(trace -> !trace.hasRoot());
        if (whole.isPresent() && !reading.hand(whole::get, whole.get().startTime())) {
          return reading.report();
        }
      }
      return reading.report();
    } finally {
      pool.shutdownNow();
    }
  }

  private static Optional<Trace> await(Future<Optional<Trace>> read, CallContext call) {
    try {
      return read.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new CallStoppedException(call.stopReason().orElse(StopReason.CANCELLED));
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException failure) {
        throw failure;
      }
      throw new IllegalStateException("reading a Traceloop trace failed", e.getCause());
    }
  }

  private static long seconds(Span span) {
    return Math.floorDiv(span.startTime().toEpochMilli(), 1000L);
  }

  /** What was handed on so far, and the rules for handing a trace on. */
  private final class Reading {
    private final TimeRange window;
    private final int limit;
    private final Visitor visitor;
    /** The end of the last second searched, in ms: a trace whose root ends there or later may have more spans. */
    private final long searchedToMs;
    private int traces;
    private long spans;
    private boolean more;
    private Instant oldest;

    Reading(TimeRange window, int limit, Visitor visitor) {
      this.window = window;
      this.limit = limit;
      this.visitor = visitor;
      this.searchedToMs = Paging.ceilSeconds(window.end()) * 1000L;
    }

    /** Hands on complete traces with a root, newest first; false once the limit stops the read. */
    boolean handAll(List<Trace> complete) {
      for (Trace trace : complete) {
        Span root = trace.root();
        if (!hand(() -> whole(trace, root), root.startTime())) {
          return false;
        }
      }
      return true;
    }

    /**
     * Hands one trace on when it starts in the window; false (and more remain) when {@code limit} traces were
     * already, before the trace is made (it may take requests).
     */
    boolean hand(Supplier<Trace> made, Instant start) {
      if (!window.contains(start)) {
        return true;
      }
      if (traces == limit) {
        more = true;
        return false;
      }
      Trace trace = made.get();
      visitor.visit(trace, LlmCalls.of(trace));
      traces++;
      spans += trace.spanCount();
      oldest = oldest == null || start.isBefore(oldest) ? start : oldest;
      return true;
    }

    /** The trace, read whole when its root ends after the last second searched (its later spans were not). */
    private Trace whole(Trace trace, Span root) {
      if (root.endTime().toEpochMilli() < searchedToMs) {
        return trace;
      }
      return reader.read(trace.traceId()).orElse(trace);
    }

    Report stopped(StopReason reason) {
      return new Report(traces, spans, false, Shortfall.stopped(reason, oldest));
    }

    Report report() {
      return new Report(traces, spans, more, null);
    }
  }
}
