package dev.otelmcp.adapters.mcp.completions;

import java.util.List;

/**
 * The values that complete what was typed, at most {@link Completions#MAX_VALUES}.
 *
 * @param total how many values matched
 * @param hasMore whether more matched than are listed
 */
public record Completion(List<String> values, int total, boolean hasMore) {

  public Completion {
    values = List.copyOf(values);
  }
}
