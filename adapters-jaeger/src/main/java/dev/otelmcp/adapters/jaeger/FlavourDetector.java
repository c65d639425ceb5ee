package dev.otelmcp.adapters.jaeger;

import dev.otelmcp.backend.toolkit.UnreadableBodyException;
import dev.otelmcp.domain.error.BackendRejectedException;
import dev.otelmcp.domain.error.BackendUnavailableException;
import dev.otelmcp.domain.error.NotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Chooses the Jaeger API on first use, once, and remembers it.
 *
 * <p>Auto-detection asks {@code /api/services} first: every released Jaeger up to v2.20 has it, and there it
 * is the better API (tag search works on every version). A 404 means a Jaeger that dropped it (v2.21+), so
 * {@code /api/v3/services} is asked next. A failure to reach Jaeger is not a decision: nothing is
 * remembered and the next call probes again, so a store created while Jaeger was down recovers by itself.
 */
final class FlavourDetector {

  private static final Logger LOG = LoggerFactory.getLogger(FlavourDetector.class);

  private final JaegerConfig config;
  private final JaegerFlavour classic;
  private final JaegerFlavour v3;
  private final Object lock = new Object();
  private volatile JaegerFlavour chosen;

  FlavourDetector(JaegerConfig config, JaegerFlavour classic, JaegerFlavour v3) {
    this.config = config;
    this.classic = classic;
    this.v3 = v3;
  }

  /** The API to use; probes Jaeger on the first call (concurrent first calls probe once). */
  JaegerFlavour flavour() {
    JaegerFlavour known = chosen;
    if (known != null) {
      return known;
    }
    synchronized (lock) {
      if (chosen == null) {
        chosen = detect();
      }
      return chosen;
    }
  }

  private JaegerFlavour detect() {
    switch (config.apiVersion()) {
      case CLASSIC:
        return announce(classic, "configured");
      case V3:
        return announce(v3, "configured");
      default:
        break;
    }
    try {
      classic.services();
      return announce(classic, "auto-detected");
    } catch (NotFoundException noClassicApi) {
      return v3OrNeither("/api/services answered 404", null);
    } catch (BackendUnavailableException e) {
      if (!noJsonAtAll(e)) {
        throw e;
      }
      // 200 with a page that is not JSON: the UI's catch-all route serving index.html where the removed
      // endpoint used to be. If api_v3 answers, that is the API; if not, the original complaint stands.
      return v3OrNeither("/api/services did not answer JSON", e);
    }
  }

  private JaegerFlavour v3OrNeither(String why, RuntimeException classicFailure) {
    try {
      v3.services();
      return announce(v3, "auto-detected: " + why);
    } catch (NotFoundException noV3Api) {
      if (classicFailure != null) {
        throw classicFailure;
      }
      throw new BackendRejectedException("Jaeger at " + config.displayUrl()
          + " has neither /api/services nor /api/v3/services (both answered 404)",
          "Point BACKEND_URL (or --url) at Jaeger's query service (port 16686), including its base path if it has"
              + " one, e.g. http://host:16686/jaeger.");
    } catch (BackendUnavailableException v3Failure) {
      if (classicFailure != null && noJsonAtAll(v3Failure)) {
        throw classicFailure;
      }
      throw v3Failure;
    }
  }

  /** A 200 whose body is no JSON at all (a web page); cut-off JSON is a classic API that exists but failed. */
  private static boolean noJsonAtAll(BackendUnavailableException e) {
    return e.getCause() instanceof UnreadableBodyException body && !body.startsLikeJson();
  }

  private JaegerFlavour announce(JaegerFlavour flavour, String how) {
    LOG.info("Jaeger at {}: using {} ({})", config.displayUrl(), flavour.label(), how);
    return flavour;
  }
}
