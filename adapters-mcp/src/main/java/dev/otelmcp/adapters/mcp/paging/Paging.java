package dev.otelmcp.adapters.mcp.paging;

import java.util.List;

/** How a tool's answers are paged: which list is cut when an answer is too large, and how it resumes. */
public sealed interface Paging {

  /** No list to page: the answer is bounded by construction (a budget overrun is still shrunk). */
  Paging NONE = new None();

  /** The whole list is computed every time; a page starts at an offset (aggregates, a trace's spans). */
  static ByOffset offset(String... path) {
    return new ByOffset(List.of(path), null, 0, null);
  }

  /** A newest-first search; the next page is searched for after the last item's position. */
  static ByKey key(String... path) {
    return new ByKey(List.of(path));
  }

  record None() implements Paging {}

  /**
   * @param path where the list sits in the answer
   * @param pageSizeParameter the argument that sets how many items a page holds at most ({@code limit}), or
   *     {@code null} when only the budget cuts the list
   * @param defaultPageSize its default
   * @param countField where the answer says how long the whole list is, when the tool holds only the page asked for
   *     (from {@code Arguments.offset()}, at most a page long); {@code null} when the answer holds the whole list
   */
  record ByOffset(List<String> path, String pageSizeParameter, int defaultPageSize, String countField)
      implements Paging {
    /** Pages of at most {@code parameter} items (default {@code defaultSize}), within the budget. */
    public ByOffset pagedBy(String parameter, int defaultSize) {
      return new ByOffset(path, parameter, defaultSize, countField);
    }

    /**
     * The tool computes the whole list's order but builds only the page asked for: the answer holds that page and,
     * at {@code field}, the whole list's length.
     */
    public ByOffset pageOnly(String field) {
      return new ByOffset(path, pageSizeParameter, defaultPageSize, field);
    }
  }

  /** Items carry {@code start_time}, {@code trace_id} and, for spans, {@code span_id}. */
  record ByKey(List<String> path) implements Paging {}
}
