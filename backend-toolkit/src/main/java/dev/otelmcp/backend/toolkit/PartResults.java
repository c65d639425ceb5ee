package dev.otelmcp.backend.toolkit;

import dev.otelmcp.domain.call.StopReason;
import dev.otelmcp.domain.error.OtelMcpException;
import java.util.List;
import java.util.Optional;

/**
 * The parts of one answer after {@link PartPool#run}: each part's result in the order the parts were given, and why
 * the run stopped early, if it did.
 *
 * @param results one per part, in the parts' order
 * @param stoppedBy why some parts did not run, or {@code null} when every part ran
 */
public record PartResults<P, R>(List<PartResult<P, R>> results, StopReason stoppedBy) {

  public PartResults {
    results = List.copyOf(results);
  }

  public Optional<StopReason> stopped() {
    return Optional.ofNullable(stoppedBy);
  }

  /** What the parts that were read returned, in the parts' order. */
  public List<R> values() {
    return results.stream().filter(PartResult::done).map(PartResult::value).toList();
  }

  public List<PartResult<P, R>> failures() {
    return results.stream().filter(PartResult::failed).toList();
  }

  public List<P> notRun() {
    return results.stream().filter(PartResult::notRun).map(PartResult::part).toList();
  }

  /**
   * Throws the first part's failure when parts failed and none was read: an answer made of nothing but failures is
   * a failure, worded as the backend's (a partial answer needs at least one part that was read).
   */
  public PartResults<P, R> requireSomethingRead() {
    boolean anyDone = results.stream().anyMatch(PartResult::done);
    Optional<OtelMcpException> first = results.stream().filter(PartResult::failed).map(PartResult::failure).findFirst();
    if (!anyDone && first.isPresent()) {
      throw first.get();
    }
    return this;
  }
}
