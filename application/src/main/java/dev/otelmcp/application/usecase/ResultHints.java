package dev.otelmcp.application.usecase;

/** The advice attached to lists that were cut or came back empty, so an assistant knows its next step. */
final class ResultHints {

  private ResultHints() {}

  /**
   * @param scanned what was read before the scan stopped, e.g. "1000 traces" (the cap is the larger of
   *     MAX_TRACES_PER_QUERY and the limit asked for, so the figure is reported, not assumed)
   */
  static String forList(String what, int count, boolean capped, String scanned) {
    if (capped) {
      return "Stopped after scanning " + scanned + " (MAX_TRACES_PER_QUERY) with " + count + " " + what
          + " found; narrow the time window or add filters the backend evaluates (service_name, operation_name).";
    }
    if (count == 0) {
      return "No " + what + " matched in this window; widen start_time (e.g. -7d), relax the filters, "
          + "or check names with list_services / list_operations.";
    }
    return null;
  }
}
