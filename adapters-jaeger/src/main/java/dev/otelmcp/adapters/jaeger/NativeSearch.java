package dev.otelmcp.adapters.jaeger;

import dev.otelmcp.domain.model.TimeRange;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The part of a trace query Jaeger can evaluate, in flavour-neutral terms; each API client spells it in its
 * own parameters. Jaeger matches service, operation, tags and duration on one and the same span.
 *
 * @param window the time window (both APIs filter on span start)
 * @param service the service to search, {@code null} for "every service" (the store then fans out)
 * @param operation the exact span name, or {@code null}
 * @param minDuration minimum span duration, or {@code null}
 * @param maxDuration maximum span duration, or {@code null}
 * @param tags attribute equalities, values as strings (Jaeger compares the string form)
 * @param errorsOnly whether only spans with an error status are wanted
 * @param limit how many traces to ask for
 */
record NativeSearch(
    TimeRange window,
    String service,
    String operation,
    Duration minDuration,
    Duration maxDuration,
    Map<String, String> tags,
    boolean errorsOnly,
    int limit) {

  NativeSearch {
    Objects.requireNonNull(window, "window");
    tags = Map.copyOf(tags);
  }

  NativeSearch withService(String newService) {
    return new NativeSearch(window, newService, operation, minDuration, maxDuration, tags, errorsOnly, limit);
  }

  Optional<String> serviceName() {
    return Optional.ofNullable(service);
  }
}
