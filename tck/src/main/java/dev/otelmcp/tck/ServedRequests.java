package dev.otelmcp.tck;

import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * What WireMock's journal says about how requests overlapped: when each arrived and how long it was served.
 * Concurrency tests read it rather than the test's wall clock, which a slow CI machine stretches.
 */
public final class ServedRequests {

  /**
   * Overlaps shorter than this do not count: requests sent one after the other still touch for a moment (the
   * journal's arrival time and total time are not measured at the same instant).
   */
  public static final long MIN_OVERLAP_MS = 20;

  private ServedRequests() {}

  /**
   * The journal once every request in it has been timed: WireMock times a request just after it answered, so a
   * client that has its answer may read the journal a moment before the request's total time is in it. Waits at most
   * five seconds, then answers what there is.
   */
  public static List<ServeEvent> timed(Supplier<List<ServeEvent>> journal) {
    long giveUp = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
    List<ServeEvent> events = journal.get();
    while (!events.stream().allMatch(ServedRequests::isTimed) && System.nanoTime() < giveUp) {
      try {
        Thread.sleep(10);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
      events = journal.get();
    }
    return events;
  }

  private static boolean isTimed(ServeEvent event) {
    return event.getTiming() != null && event.getTiming().getTotalTime() != null;
  }

  /** The served requests whose URL (path and query) starts with the prefix, in the journal's order. */
  public static List<ServeEvent> toUrlsStartingWith(List<ServeEvent> events, String prefix) {
    return events.stream().filter(e -> e.getRequest().getUrl().startsWith(prefix)).toList();
  }

  /** The most requests that were being served at one instant. */
  public static int maxInFlight(List<ServeEvent> events) {
    int max = 0;
    for (ServeEvent probe : events) {
      long at = start(probe) + MIN_OVERLAP_MS;
      int inFlight = 0;
      for (ServeEvent other : events) {
        if (start(other) <= at && at < end(other)) {
          inFlight++;
        }
      }
      max = Math.max(max, inFlight);
    }
    return max;
  }

  private static long start(ServeEvent event) {
    return event.getRequest().getLoggedDate().getTime();
  }

  private static long end(ServeEvent event) {
    return start(event) + event.getTiming().getTotalTime();
  }
}
