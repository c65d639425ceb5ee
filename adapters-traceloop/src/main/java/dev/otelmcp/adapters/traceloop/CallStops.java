package dev.otelmcp.adapters.traceloop;

import dev.otelmcp.domain.call.CallContext;
import dev.otelmcp.domain.call.StopReason;
import java.util.Locale;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Whether a paging loop stops before its next page because the tool call is cancelled or at its stop time, for
 * loops whose answer cannot say it is partial (a list of services, the details of one trace): they keep what the
 * pages read so far, and the log says where they stopped.
 */
final class CallStops {

  private static final Logger LOG = LoggerFactory.getLogger(CallStops.class);

  private CallStops() {}

  /**
   * @param what the loop's work, for the log
   * @param pagesRead the pages read so far
   */
  static boolean now(String what, int pagesRead) {
    Optional<StopReason> stop = CallContext.current().stopReason();
    stop.ifPresent(reason -> LOG.info("Traceloop: {} stopped ({}) after {} page(s)", what,
        reason.name().toLowerCase(Locale.ROOT), pagesRead));
    return stop.isPresent();
  }
}
