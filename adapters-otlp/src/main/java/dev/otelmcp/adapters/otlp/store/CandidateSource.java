package dev.otelmcp.adapters.otlp.store;

import dev.otelmcp.domain.query.AttributeAliases;
import dev.otelmcp.domain.query.FieldResolver;
import dev.otelmcp.domain.query.Filter;
import dev.otelmcp.domain.query.FilterOperator;
import dev.otelmcp.domain.query.FilterValueType;
import dev.otelmcp.domain.query.IntrinsicField;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.NavigableSet;
import java.util.Optional;
import java.util.Set;

/**
 * Picks where a search takes its candidate traces from: a time-ordered set (all traces, or one service's)
 * walked newest first from the window's end, or a smaller unordered set from an index (attribute or span name
 * equality, trace id, a duration range) that is sorted afterwards. Every source is a superset of the matching
 * traces; the search still checks each candidate with {@code FilterEvaluator}, so the choice changes the cost,
 * never the answer. Runs under the index's read lock.
 */
final class CandidateSource {

  /**
   * Either {@code ordered} (newest first) or {@code unordered} candidates, and the other indexed sets a
   * candidate must also be in (a cheap check before the filters are evaluated).
   */
  record Choice(NavigableSet<TraceEntry> ordered, Collection<TraceEntry> unordered, List<Collection<TraceEntry>> alsoIn) {

    boolean passes(TraceEntry entry) {
      for (Collection<TraceEntry> set : alsoIn) {
        if (!set.contains(entry)) {
          return false;
        }
      }
      return true;
    }
  }

  private CandidateSource() {}

  /**
   * @param traceLevel whether the filters apply to traces ({@code duration} is the trace's) or to spans
   * @param lo the earliest trace start worth looking at (nanos)
   * @param hi the end of the window (nanos, exclusive)
   */
  static Choice choose(SpanIndex index, List<Filter> filters, boolean traceLevel, long lo, long hi) {
    NavigableSet<TraceEntry> ordered = index.byStart();
    List<Collection<TraceEntry>> indexed = new ArrayList<>();
    for (Filter filter : filters) {
      if (isServiceEquals(filter) && filter.values().size() == 1) {
        NavigableSet<TraceEntry> ofService = index.byService((String) filter.value());
        if (ofService.size() < ordered.size()) {
          if (ordered != index.byStart()) {
            indexed.add(ordered);
          }
          ordered = ofService;
        } else {
          indexed.add(ofService);
        }
        continue;
      }
      equality(index, filter, traceLevel).ifPresent(indexed::add);
    }
    Collection<TraceEntry> best = indexed.stream().min(Comparator.comparingInt(Collection::size)).orElse(null);
    if (traceLevel) {
      for (Filter filter : filters) {
        // Worth collecting only when clearly smaller than what the other sources offer.
        int cap = best != null ? best.size() : Math.max(1_000, ordered.size() / 8);
        Optional<List<TraceEntry>> range = durationRange(index, filter, cap);
        if (range.isPresent() && (best == null || range.get().size() < best.size())) {
          best = range.get();
        }
      }
    }
    // Membership checks are only cheap on sets; small lists are not worth it.
    List<Collection<TraceEntry>> sets = new ArrayList<>();
    for (Collection<TraceEntry> set : indexed) {
      if (set != best && set instanceof Set<?>) {
        sets.add(set);
      }
    }
    if (best == null) {
      return new Choice(ordered, null, sets);
    }
    long inWindow = countInWindow(ordered, lo, hi, best.size() * 2L + 1);
    if (best.size() * 2L < inWindow) {
      if (ordered != index.byStart()) {
        sets.add(ordered);
      }
      return new Choice(null, best, sets);
    }
    if (best instanceof Set<?>) {
      sets.add(best);
    }
    NavigableSet<TraceEntry> walked = ordered;
    sets.removeIf(set -> set == walked);
    return new Choice(ordered, null, sets);
  }

  private static boolean isServiceEquals(Filter filter) {
    return !filter.isNegative() && filter.valueType() == FilterValueType.STRING
        && filter.operator() == FilterOperator.EQUALS
        && IntrinsicField.parse(filter.field()).filter(IntrinsicField.SERVICE_NAME::equals).isPresent();
  }

  /** The traces an equality filter can match at most, from the inverted index; empty if it cannot tell. */
  private static Optional<Collection<TraceEntry>> equality(SpanIndex index, Filter filter, boolean traceLevel) {
    boolean equality = filter.operator() == FilterOperator.EQUALS || filter.operator() == FilterOperator.IN;
    if (filter.isNegative() || filter.valueType() != FilterValueType.STRING || !equality) {
      return Optional.empty();
    }
    String field = filter.field().trim();
    Optional<IntrinsicField> intrinsic = IntrinsicField.parse(field);
    List<String> keys;
    if (intrinsic.isPresent()) {
      switch (intrinsic.get()) {
        case SERVICE_NAME:
          return Optional.of(union(filter, value -> List.of(index.byService(value))));
        case NAME:
          keys = List.of(SpanIndex.NAME_KEY);
          break;
        case TRACE_ID:
          return Optional.of(union(filter, value -> {
            TraceEntry entry = index.entry(value.toLowerCase(Locale.ROOT));
            return entry == null ? List.of() : List.of(List.of(entry));
          }));
        default:
          return Optional.empty();
      }
    } else if (traceLevel && FieldResolver.isTraceLevel(field)) {
      return Optional.empty();
    } else if (field.startsWith("resource.")) {
      keys = List.of(field.substring("resource.".length()));
    } else if (field.startsWith("span.")) {
      keys = List.of(field.substring("span.".length()));
    } else {
      keys = AttributeAliases.keysFor(field);
    }
    for (Object value : filter.values()) {
      if (!Postings.indexable((String) value)) {
        return Optional.empty();
      }
    }
    return Optional.of(union(filter, value -> keys.stream().map(key -> index.postings(key, value)).toList()));
  }

  /** The traces of every value (and key): one collection as it is, several merged without duplicates. */
  private static Collection<TraceEntry> union(Filter filter,
      java.util.function.Function<String, List<Collection<TraceEntry>>> lookup) {
    List<Collection<TraceEntry>> parts = new ArrayList<>();
    filter.values().forEach(value -> parts.addAll(lookup.apply((String) value)));
    List<Collection<TraceEntry>> nonEmpty = parts.stream().filter(p -> !p.isEmpty()).toList();
    if (nonEmpty.isEmpty()) {
      return Set.of();
    }
    if (nonEmpty.size() == 1) {
      return nonEmpty.get(0);
    }
    Set<TraceEntry> all = new HashSet<>();
    nonEmpty.forEach(all::addAll);
    return all;
  }

  /** Traces whose duration can satisfy a positive bound on {@code duration}, if fewer than {@code cap}. */
  private static Optional<List<TraceEntry>> durationRange(SpanIndex index, Filter filter, int cap) {
    if (filter.isNegative() || filter.valueType() != FilterValueType.NUMBER
        || IntrinsicField.parse(filter.field()).filter(IntrinsicField.DURATION::equals).isEmpty()) {
      return Optional.empty();
    }
    double low;
    double high;
    List<Object> values = filter.values();
    switch (filter.operator()) {
      case GT, GTE -> {
        low = (Double) values.get(0);
        high = Double.MAX_VALUE;
      }
      case LT, LTE -> {
        low = -1;
        high = (Double) values.get(0);
      }
      case EQUALS -> {
        low = (Double) values.get(0);
        high = low;
      }
      case BETWEEN -> {
        low = Math.min((Double) values.get(0), (Double) values.get(1));
        high = Math.max((Double) values.get(0), (Double) values.get(1));
      }
      default -> {
        return Optional.empty();
      }
    }
    // A nanosecond of slack either side: the exact comparison in milliseconds happens afterwards.
    long lowNanos = low <= 0 ? Long.MIN_VALUE / 4 : (long) Math.floor(low * 1_000_000) - 1;
    long highNanos = high >= Long.MAX_VALUE / 4e6 ? Long.MAX_VALUE / 4 : (long) Math.ceil(high * 1_000_000) + 1;
    if (highNanos < lowNanos) {
      return Optional.of(List.of());
    }
    NavigableSet<TraceEntry> range = index.byDuration().subSet(
        SpanIndex.durationProbe(lowNanos, true), true, SpanIndex.durationProbe(highNanos, false), true);
    List<TraceEntry> found = new ArrayList<>();
    for (TraceEntry entry : range) {
      if (found.size() >= cap) {
        return Optional.empty();
      }
      found.add(entry);
    }
    return Optional.of(found);
  }

  /** How many traces of the set start in [lo, hi), counting no further than {@code cap}. */
  private static long countInWindow(NavigableSet<TraceEntry> ordered, long lo, long hi, long cap) {
    long count = 0;
    for (TraceEntry entry : ordered.tailSet(SpanIndex.probe(hi - 1), true)) {
      if (entry.startNanos < lo || count >= cap) {
        break;
      }
      count++;
    }
    return count;
  }
}
