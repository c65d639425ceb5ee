package dev.otelmcp.adapters.otlp.store;

import dev.otelmcp.domain.model.AttributeValue;
import dev.otelmcp.domain.model.Attributes;
import dev.otelmcp.domain.model.Operation;
import dev.otelmcp.domain.model.Span;
import dev.otelmcp.domain.model.SpanKind;
import dev.otelmcp.domain.model.TimeRange;
import dev.otelmcp.domain.model.Trace;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableSet;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.BiConsumer;
import java.util.function.Supplier;

/**
 * The spans the built-in store holds, with the indexes its searches use: traces by start time (newest
 * first), by service, by duration, an inverted index of attribute values and span names, and the operations
 * of each service. One read-write lock guards it all: the receiver writes while tools read.
 *
 * <p>Traces are also kept in the order they were last written to, so that retention removes the oldest first.
 */
final class SpanIndex {

  /** The postings key under which span names are indexed (no attribute key can contain NUL… in practice). */
  static final String NAME_KEY = "\u0000name";

  private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
  private final LinkedHashMap<String, TraceEntry> traces = new LinkedHashMap<>();
  private final TreeSet<TraceEntry> byStart = new TreeSet<>(TraceEntry.NEWEST_FIRST);
  private final TreeSet<TraceEntry> byDuration = new TreeSet<>(TraceEntry.BY_DURATION);
  private final Map<String, TreeSet<TraceEntry>> byService = new HashMap<>();
  private final Map<String, Map<String, OperationStats>> operations = new HashMap<>();
  private final Postings postings = new Postings();
  private final Map<Attributes, Attributes> resources = new ConcurrentHashMap<>();
  private long spanCount;
  private long maxTraceDurationNanos;

  /** How often an operation was seen, its kind and when. */
  private static final class OperationStats {
    final SpanKind kind;
    long count;
    long firstNanos = Long.MAX_VALUE;
    long lastNanos = Long.MIN_VALUE;

    OperationStats(SpanKind kind) {
      this.kind = kind;
    }
  }

  /**
   * Adds spans; a span whose id its trace already holds is dropped (an exporter's retry).
   *
   * @return how many spans were new
   */
  int add(Collection<Span> spans, long ingestMillis) {
    Map<String, List<Span>> byTrace = new LinkedHashMap<>();
    for (Span span : spans) {
      byTrace.computeIfAbsent(span.traceId(), k -> new ArrayList<>()).add(span);
    }
    int added = 0;
    // A batch usually shares a few resource instances: intern each once, not once per span.
    Map<Attributes, Attributes> interned = new IdentityHashMap<>();
    lock.writeLock().lock();
    try {
      for (Map.Entry<String, List<Span>> group : byTrace.entrySet()) {
        added += addToTrace(group.getKey(), group.getValue(), ingestMillis, interned);
      }
    } finally {
      lock.writeLock().unlock();
    }
    return added;
  }

  private int addToTrace(String traceId, List<Span> spans, long ingestMillis, Map<Attributes, Attributes> interned) {
    TraceEntry entry = traces.remove(traceId);
    if (entry == null) {
      entry = new TraceEntry(traceId);
    } else {
      unorder(entry);
    }
    int added = 0;
    for (Span span : spans) {
      Span shared = intern(span, interned);
      if (entry.add(shared)) {
        indexSpan(shared, entry);
        added++;
      }
    }
    entry.lastIngestMillis = Math.max(entry.lastIngestMillis, ingestMillis);
    traces.put(traceId, entry);
    order(entry);
    spanCount += added;
    maxTraceDurationNanos = Math.max(maxTraceDurationNanos, entry.durationNanos());
    return added;
  }

  /**
   * The shared instance of a resource: every span of a process holds the same one. Thread-safe, so that
   * decoders can intern before the index sees the spans (then nothing is rebuilt here).
   */
  Attributes internResource(Attributes resource) {
    Attributes known = resources.putIfAbsent(resource, resource);
    return known == null ? resource : known;
  }

  private Span intern(Span span, Map<Attributes, Attributes> interned) {
    Attributes held = interned.computeIfAbsent(span.resource(), this::internResource);
    return held == span.resource() ? span : span.toBuilder().resource(held).build();
  }

  private void order(TraceEntry entry) {
    byStart.add(entry);
    byDuration.add(entry);
    for (String service : entry.services) {
      byService.computeIfAbsent(service, s -> new TreeSet<>(TraceEntry.NEWEST_FIRST)).add(entry);
    }
  }

  private void unorder(TraceEntry entry) {
    byStart.remove(entry);
    byDuration.remove(entry);
    for (String service : entry.services) {
      TreeSet<TraceEntry> set = byService.get(service);
      if (set != null) {
        set.remove(entry);
        if (set.isEmpty()) {
          byService.remove(service);
        }
      }
    }
  }

  private void indexSpan(Span span, TraceEntry entry) {
    postings.add(NAME_KEY, span.name(), entry);
    forEachIndexedValue(span.attributes(), (key, value) -> postings.add(key, value, entry));
    if (!containsIdentical(entry.resources, span.resource())) {
      entry.resources.add(span.resource());
      forEachIndexedValue(span.resource(), (key, value) -> postings.add(key, value, entry));
    }
    long start = TraceEntry.nanos(span.startTime());
    OperationStats stats = operations.computeIfAbsent(span.serviceName(), s -> new HashMap<>())
        .computeIfAbsent(span.name(), n -> new OperationStats(span.kind()));
    stats.count++;
    stats.firstNanos = Math.min(stats.firstNanos, start);
    stats.lastNanos = Math.max(stats.lastNanos, start);
  }

  private static boolean containsIdentical(List<Attributes> resources, Attributes resource) {
    for (Attributes held : resources) {
      if (held == resource) {
        return true;
      }
    }
    return false;
  }

  /** Forgets a trace: its spans' and resources' postings, its operations. */
  private void unindex(TraceEntry entry) {
    for (Attributes resource : entry.resources) {
      forEachIndexedValue(resource, (key, value) -> postings.remove(key, value, entry));
    }
    entry.spans().forEach(span -> unindexSpan(span, entry));
  }

  private void unindexSpan(Span span, TraceEntry entry) {
    postings.remove(NAME_KEY, span.name(), entry);
    forEachIndexedValue(span.attributes(), (key, value) -> postings.remove(key, value, entry));
    Map<String, OperationStats> ofService = operations.get(span.serviceName());
    OperationStats stats = ofService == null ? null : ofService.get(span.name());
    if (stats != null && --stats.count == 0) {
      ofService.remove(span.name());
      if (ofService.isEmpty()) {
        operations.remove(span.serviceName());
      }
    }
  }

  /** The (key, text) pairs attributes make findable: every short value, and the elements of arrays. */
  private static void forEachIndexedValue(Attributes attributes, BiConsumer<String, String> action) {
    for (Map.Entry<String, AttributeValue> attribute : attributes.asMap().entrySet()) {
      AttributeValue value = attribute.getValue();
      if (value instanceof AttributeValue.ArrayValue array) {
        for (AttributeValue element : array.values()) {
          indexValue(attribute.getKey(), element, action);
        }
      } else {
        indexValue(attribute.getKey(), value, action);
      }
    }
  }

  /** As the filter evaluator compares it: by its text (a map's or a nested array's too). */
  private static void indexValue(String key, AttributeValue value, BiConsumer<String, String> action) {
    String text = value.asText();
    if (Postings.indexable(text)) {
      action.accept(key, text);
    }
  }

  /**
   * Removes traces, oldest written first, while more than {@code maxSpans} are held or the oldest was last
   * written before {@code writtenBefore} (epoch millis).
   *
   * @return the spans removed
   */
  long evict(long maxSpans, long writtenBefore) {
    lock.writeLock().lock();
    try {
      long removed = 0;
      Iterator<TraceEntry> oldestFirst = traces.values().iterator();
      while (oldestFirst.hasNext()) {
        TraceEntry entry = oldestFirst.next();
        if (spanCount <= maxSpans && entry.lastIngestMillis >= writtenBefore) {
          break;
        }
        oldestFirst.remove();
        unorder(entry);
        unindex(entry);
        spanCount -= entry.spanCount();
        removed += entry.spanCount();
      }
      return removed;
    } finally {
      lock.writeLock().unlock();
    }
  }

  long spanCount() {
    return read(() -> spanCount);
  }

  int traceCount() {
    return read(traces::size);
  }

  /** Every trace, oldest written first, with the time it was last written to: what compaction rewrites. */
  List<TraceEntry> entriesOldestFirst() {
    return read(() -> new ArrayList<>(traces.values()));
  }

  Optional<Trace> trace(String traceId) {
    return read(() -> Optional.ofNullable(traces.get(traceId)).map(TraceEntry::trace));
  }

  List<String> services(TimeRange window) {
    long lo = TraceEntry.nanos(window.start());
    long hi = TraceEntry.nanos(window.end());
    return read(() -> {
      TreeSet<String> names = new TreeSet<>();
      byService.forEach((service, set) -> {
        TraceEntry newestBeforeEnd = set.ceiling(probe(hi - 1));
        if (newestBeforeEnd != null && newestBeforeEnd.startNanos >= lo) {
          names.add(service);
        }
      });
      return List.copyOf(names);
    });
  }

  List<Operation> operations(String service, TimeRange window) {
    long lo = TraceEntry.nanos(window.start());
    long hi = TraceEntry.nanos(window.end());
    return read(() -> {
      TreeMap<String, Operation> found = new TreeMap<>();
      operations.getOrDefault(service, Map.of()).forEach((name, stats) -> {
        if (stats.lastNanos >= lo && stats.firstNanos < hi) {
          found.put(name, new Operation(name, stats.kind));
        }
      });
      return List.copyOf(found.values());
    });
  }

  // ---- read access for SearchPlanner; callers hold the read lock (see read()) ----

  <T> T read(Supplier<T> reader) {
    lock.readLock().lock();
    try {
      return reader.get();
    } finally {
      lock.readLock().unlock();
    }
  }

  NavigableSet<TraceEntry> byStart() {
    return byStart;
  }

  NavigableSet<TraceEntry> byDuration() {
    return byDuration;
  }

  NavigableSet<TraceEntry> byService(String service) {
    TreeSet<TraceEntry> set = byService.get(service);
    return set == null ? new TreeSet<>(TraceEntry.NEWEST_FIRST) : set;
  }

  Collection<TraceEntry> postings(String key, String value) {
    return postings.get(key, value);
  }

  TraceEntry entry(String traceId) {
    return traces.get(traceId);
  }

  long maxTraceDurationNanos() {
    return maxTraceDurationNanos;
  }

  /** A search key: sorts just before every trace that starts at {@code startNanos}. */
  static TraceEntry probe(long startNanos) {
    TraceEntry probe = new TraceEntry("");
    probe.startNanos = startNanos;
    return probe;
  }

  /** A search key for the duration index: just before every trace of that duration. */
  static TraceEntry durationProbe(long durationNanos, boolean first) {
    TraceEntry probe = new TraceEntry(first ? "" : "\uffff");
    probe.startNanos = first ? Long.MAX_VALUE / 2 : Long.MIN_VALUE / 2;
    probe.endNanos = probe.startNanos + durationNanos;
    return probe;
  }
}
