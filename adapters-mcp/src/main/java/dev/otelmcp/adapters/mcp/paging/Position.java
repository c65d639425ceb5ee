package dev.otelmcp.adapters.mcp.paging;

import dev.otelmcp.application.page.After;

/** Where an answer's list stopped, as a cursor carries it. */
public sealed interface Position {

  /**
   * The next item's index in a list recomputed for every page (aggregates, a trace's spans).
   *
   * @param listSize how long the list was: a list of another length has changed since, so the cursor is
   *     stale rather than silently skipping or repeating items
   */
  record Offset(int offset, int listSize) implements Position {}

  /** The last item of a newest-first search result; the search resumes after it. */
  record Key(After after) implements Position {}
}
