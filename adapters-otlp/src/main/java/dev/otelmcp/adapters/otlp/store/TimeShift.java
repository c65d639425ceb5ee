package dev.otelmcp.adapters.otlp.store;

import dev.otelmcp.domain.model.Span;
import dev.otelmcp.domain.model.SpanEvent;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Moves loaded spans in time, all by the same amount, so that the newest one ends now: demo data such as
 * {@code samples/} then sits in the tools' default "last 24 hours" however old the files are. Durations, order
 * and the gaps between spans are kept.
 */
final class TimeShift {

  private TimeShift() {}

  static List<Span> toNow(List<Span> spans, Instant now) {
    Instant newestEnd = spans.stream().map(Span::endTime).max(Comparator.naturalOrder()).orElse(now);
    Duration shift = Duration.between(newestEnd, now);
    if (shift.isZero()) {
      return spans;
    }
    List<Span> shifted = new ArrayList<>(spans.size());
    for (Span span : spans) {
      List<SpanEvent> events = span.events().stream()
          .map(e -> new SpanEvent(e.name(), e.time().plus(shift), e.attributes())).toList();
      shifted.add(span.toBuilder().startTime(span.startTime().plus(shift)).events(events).build());
    }
    return shifted;
  }
}
