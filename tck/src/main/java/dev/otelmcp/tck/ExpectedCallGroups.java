package dev.otelmcp.tck;

import dev.otelmcp.domain.llm.BillableTokens;
import dev.otelmcp.domain.llm.CallGroup;
import dev.otelmcp.domain.llm.LlmCall;
import dev.otelmcp.domain.llm.LlmCalls;
import dev.otelmcp.domain.model.Trace;
import dev.otelmcp.domain.pricing.BillableUsage;
import dev.otelmcp.domain.pricing.PriceBreaks;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The groups {@code LlmUsageSums} must hand on, worked out in Java from whole traces: each counted call
 * ({@link LlmCalls#of}) put in the group of everything its price depends on besides its tokens, as the SPI defines
 * it, and summed. A store's groups are keyed the same way ({@link #key}), from what a group carries.
 */
public final class ExpectedCallGroups {

  private ExpectedCallGroups() {}

  /** The groups of the traces' calls, by {@link #key}. */
  public static Map<String, CallGroup> of(List<Trace> traces, PriceBreaks breaks, Duration step) {
    Map<String, CallGroup> groups = new TreeMap<>();
    for (Trace trace : traces) {
      for (LlmCall call : LlmCalls.of(trace)) {
        CallGroup one = CallGroup.of(call);
        groups.merge(key(one, breaks, step), one, CallGroup::plus);
      }
    }
    return groups;
  }

  /** A store's groups by {@link #key}; a key met twice fails (the store split what belongs together). */
  public static Map<String, CallGroup> byKey(List<CallGroup> reported, PriceBreaks breaks, Duration step) {
    Map<String, CallGroup> groups = new TreeMap<>();
    for (CallGroup group : reported) {
      CallGroup before = groups.put(key(group, breaks, step), group);
      if (before != null) {
        throw new AssertionError("two groups of " + key(group, breaks, step) + ": " + before + " and " + group);
      }
    }
    return groups;
  }

  /**
   * Models, provider, service, and what the price depends on: tier, dated period, part of the day, whether the input
   * covers the cache reads, writes and both, series bucket. Every call of a group shares them, so its first start, its
   * tier input and its sums say them.
   */
  static String key(CallGroup group, PriceBreaks breaks, Duration step) {
    BillableUsage billable = group.billable();
    Instant start = group.firstStart();
    long nanoOfDay = LocalTime.ofInstant(start, ZoneOffset.UTC).toNanoOfDay();
    return String.join("|", String.valueOf(group.requestModel()), String.valueOf(group.responseModel()),
        String.valueOf(group.provider()), group.serviceName(),
        "tier" + breaks.tierOf(group.tierInput()),
        "period" + breaks.dates().stream().filter(date -> !start.isBefore(date)).count(),
        "day" + breaks.timesOfDayNanos().stream().filter(time -> nanoOfDay >= time).count(),
        "covers" + (billable.input() >= billable.cacheRead()) + (billable.input() >= billable.cacheWrite())
            + (billable.input() >= billable.cacheRead() + billable.cacheWrite()),
        "bucket" + (step == null ? 0 : Math.floorDiv(start.toEpochMilli(), step.toMillis())));
  }

  /**
   * Breaks that cut the traces' calls apart: tiers at the quartiles of their billable input, a dated change and a
   * daily window opening at their middle start.
   */
  static PriceBreaks splitting(List<Trace> traces) {
    List<LlmCall> calls = new ArrayList<>();
    traces.forEach(trace -> calls.addAll(LlmCalls.of(trace)));
    long[] inputs = calls.stream().mapToLong(call -> BillableTokens.of(call).input()).sorted().toArray();
    Instant[] starts = calls.stream().map(call -> call.span().startTime()).sorted().toArray(Instant[]::new);
    if (inputs.length == 0) {
      return PriceBreaks.NONE;
    }
    List<Long> tiers = Arrays.stream(new long[] {inputs[inputs.length / 4], inputs[inputs.length / 2]})
        .distinct().boxed().toList();
    Instant middle = starts[starts.length / 2];
    return new PriceBreaks(tiers, List.of(middle),
        List.of(LocalTime.ofInstant(middle, ZoneOffset.UTC).toNanoOfDay()));
  }
}
