package dev.otelmcp.adapters.mcp.paging;

import dev.otelmcp.adapters.mcp.ResultMapper;
import dev.otelmcp.application.page.After;
import dev.otelmcp.domain.error.InvalidQueryException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.IntFunction;

/**
 * Fits an answer into the token budget (characters / 4 of its text). The tool's paged list is cut at an
 * item boundary, and the answer says so: {@code truncated}, {@code omitted_count} where it is known, and a
 * {@code next_cursor} that continues exactly after the last item returned. Nothing else in the answer is
 * cut; an item too large on its own is shrunk ({@link Shrinker}) rather than dropped.
 */
public final class AnswerFitter {

  public static final String TRUNCATED = "truncated";
  public static final String OMITTED_COUNT = "omitted_count";
  public static final String NEXT_CURSOR = "next_cursor";
  public static final String HINT = "hint";

  private final ResultMapper mapper;
  private final int budgetChars;

  public AnswerFitter(ResultMapper mapper, int budgetChars) {
    this.mapper = mapper;
    this.budgetChars = budgetChars;
  }

  /**
   * @param position where the previous page stopped ({@code null} on a first call)
   * @param pageSize how many items a page may hold besides the budget ({@code null}: no limit)
   * @param cursorFor the token that resumes at a position
   */
  public Map<String, Object> fit(Map<String, Object> answer, Paging paging, Position position, Integer pageSize,
      Function<Position, String> cursorFor) {
    if (paging instanceof Paging.ByOffset byOffset) {
      return fitOffset(answer, byOffset.path(), byOffset.countField(), position, pageSize, cursorFor);
    }
    if (paging instanceof Paging.ByKey byKey) {
      return fitKey(answer, byKey.path(), cursorFor);
    }
    return shrinkToBudget(answer);
  }

  private Map<String, Object> fitOffset(Map<String, Object> answer, List<String> path, String countField,
      Position position, Integer pageSize, Function<Position, String> cursorFor) {
    List<Object> all = list(answer, path);
    // A tool that builds only the page asked for says how long the whole list is.
    int total = countField == null ? all.size() : ((Number) answer.get(countField)).intValue();
    int start = 0;
    if (position instanceof Position.Offset offset) {
      if (offset.listSize() != total || offset.offset() > total || offset.offset() < 0) {
        throw new InvalidQueryException("cursor is stale: the list it pages through changed since (" + offset.listSize()
            + " items then, " + total + " now)", "Call again without cursor to start from the first page.");
      }
      start = offset.offset();
    } else if (position != null) {
      throw new InvalidQueryException("cursor does not belong to this tool's list", "Call again without cursor.");
    }
    int end = pageSize == null ? total : Math.min(total, start + pageSize);
    List<Object> page = new ArrayList<>(countField == null ? all.subList(start, end)
        : all.subList(0, Math.min(all.size(), end - start)));
    int first = start;
    return fitList(answer, path, page, k -> {
      int next = first + k;
      Map<String, Object> fields = new LinkedHashMap<>();
      fields.put(TRUNCATED, next < total);
      if (next < total) {
        fields.put(OMITTED_COUNT, total - next);
        fields.put(NEXT_CURSOR, cursorFor.apply(new Position.Offset(next, total)));
        fields.put(HINT, "Items " + (first + 1) + "-" + next + " of " + total + " shown; call again with cursor set to "
            + "next_cursor for the rest.");
      }
      return fields;
    });
  }

  private Map<String, Object> fitKey(Map<String, Object> answer, List<String> path, Function<Position, String> cursorFor) {
    List<Object> page = list(answer, path);
    boolean moreBeyond = Boolean.TRUE.equals(answer.get(TRUNCATED));
    int found = page.size();
    return fitList(answer, path, page, k -> {
      boolean cut = k < found || moreBeyond;
      Map<String, Object> fields = new LinkedHashMap<>();
      fields.put(TRUNCATED, cut);
      if (cut && !moreBeyond) {
        fields.put(OMITTED_COUNT, found - k);
      }
      if (cut && k > 0) {
        fields.put(NEXT_CURSOR, cursorFor.apply(new Position.Key(after(page.get(k - 1)))));
        fields.put(HINT, "More match than this answer holds; call again with cursor set to next_cursor for the next "
            + "page.");
      }
      return fields;
    });
  }

  /**
   * The largest prefix of {@code page} that fits with the paging fields it needs, at least one item when
   * there is one (shrunk if it must be).
   */
  private Map<String, Object> fitList(Map<String, Object> answer, List<String> path, List<Object> page,
      IntFunction<Map<String, Object>> pagingFields) {
    int[] sizes = new int[page.size()];
    for (int i = 0; i < sizes.length; i++) {
      sizes[i] = mapper.toJson(page.get(i)).length() + 1;
    }
    int head = mapper.toJson(assemble(answer, path, List.of(), pagingFields.apply(0))).length();
    int k = 0;
    long used = head;
    while (k < sizes.length && used + sizes[k] <= budgetChars) {
      used += sizes[k];
      k++;
    }
    Map<String, Object> fitted = assemble(answer, path, page.subList(0, k), pagingFields.apply(k));
    while (k > 1 && mapper.toJson(fitted).length() > budgetChars) {
      k--;
      fitted = assemble(answer, path, page.subList(0, k), pagingFields.apply(k));
    }
    if (k == 0 && !page.isEmpty()) {
      List<Object> one = new ArrayList<>(List.of(page.get(0)));
      fitted = assemble(answer, path, one, pagingFields.apply(1));
      for (int[] pass : Shrinker.PASSES) {
        if (mapper.toJson(fitted).length() <= budgetChars) {
          break;
        }
        one.set(0, Shrinker.shrink(page.get(0), pass[0], pass[1]));
        fitted = assemble(answer, path, one, pagingFields.apply(1));
      }
    }
    return fitted;
  }

  /** An answer with no list to cut is shrunk value by value until it fits. */
  private Map<String, Object> shrinkToBudget(Map<String, Object> answer) {
    Map<String, Object> current = answer;
    for (int[] pass : Shrinker.PASSES) {
      if (mapper.toJson(current).length() <= budgetChars) {
        return current;
      }
      @SuppressWarnings("unchecked")
      Map<String, Object> shrunk = (Map<String, Object>) Shrinker.shrink(answer, pass[0], pass[1]);
      current = shrunk;
    }
    return current;
  }

  /** A copy of the answer with the list replaced and the paging fields set (beside the list's count). */
  @SuppressWarnings("unchecked")
  private static Map<String, Object> assemble(Map<String, Object> answer, List<String> path, List<Object> items,
      Map<String, Object> pagingFields) {
    Map<String, Object> copy = new LinkedHashMap<>(answer);
    Map<String, Object> parent = copy;
    for (int i = 0; i < path.size() - 1; i++) {
      Map<String, Object> child = new LinkedHashMap<>((Map<String, Object>) parent.get(path.get(i)));
      parent.put(path.get(i), child);
      parent = child;
    }
    parent.put(path.get(path.size() - 1), List.copyOf(items));
    if (parent.containsKey("count")) {
      parent.put("count", items.size());
    }
    copy.remove(OMITTED_COUNT);
    copy.remove(NEXT_CURSOR);
    copy.putAll(pagingFields);
    return copy;
  }

  @SuppressWarnings("unchecked")
  private static List<Object> list(Map<String, Object> answer, List<String> path) {
    Object node = answer;
    for (String key : path) {
      node = node instanceof Map<?, ?> map ? map.get(key) : null;
    }
    return node instanceof List<?> list ? (List<Object>) list : List.of();
  }

  @SuppressWarnings("unchecked")
  private static After after(Object item) {
    Map<String, Object> row = (Map<String, Object>) item;
    return new After(Instant.parse((String) row.get("start_time")), (String) row.get("trace_id"), (String) row.get("span_id"));
  }
}
