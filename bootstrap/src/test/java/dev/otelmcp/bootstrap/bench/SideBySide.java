package dev.otelmcp.bootstrap.bench;

import dev.otelmcp.adapters.mcp.McpTool;
import dev.otelmcp.application.usecase.GetLlmUsageUseCase;
import dev.otelmcp.bootstrap.bench.ClickHouseBenchmark.Answer;
import dev.otelmcp.bootstrap.bench.ClickHouseBenchmark.Measured;
import dev.otelmcp.bootstrap.bench.ClickHouseBenchmark.Row;
import dev.otelmcp.bootstrap.bench.ClickHouseBenchmark.ToolSet;
import java.lang.reflect.RecordComponent;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * The ClickHouse tools of one benchmark run, each measured as computed in SQL and, beside it in the same run, as the
 * same tool reading every call (the store without its SQL abilities): both must have read the whole data and counted
 * what it holds, and their answers must agree, or the run fails.
 */
record SideBySide(ToolSet viaProxy, ToolSet tools, ToolSet readCounted, ToolSet read, int runs, Duration timeout,
    CountingProxy proxy, LlmAppSpans.Truth truth, List<Row> rows) {

  private static final String BACKEND = "ClickHouse (chdb)";

  /**
   * Two answers that must agree, the one computed in SQL and the one read in Java (a whole one each; otherwise nothing
   * is compared).
   */
  @FunctionalInterface
  interface Agreement {
    void check(String tool, Answer inSql, Answer read) throws ReflectiveOperationException;
  }

  /** A tool measured both ways. */
  record Both(Measured inSql, Measured read) {}

  /**
   * Measures the tool both ways, checks that each counted {@code expected} (negative: not checked) and that the two
   * agree, and adds both rows ({@code detail} goes first in the row's parentheses).
   */
  Both measure(Function<ToolSet, McpTool> tool, Map<String, Object> arguments, long expected, String detail,
      String how, Agreement agreement) throws ReflectiveOperationException {
    String name = tool.apply(tools).name();
    Measured inSql = ClickHouseBenchmark.measure(tool.apply(viaProxy), tool.apply(tools), arguments, runs, timeout,
        proxy);
    check(name, inSql.answer(), truth, expected);
    rows.add(inSql.row(BACKEND, truth.spans(), name + " (" + detail + how + ")"));
    Measured inJava = ClickHouseBenchmark.measure(tool.apply(readCounted), tool.apply(read), arguments, runs,
        timeout, proxy);
    check(name, inJava.answer(), truth, expected);
    agreement.check(name, inSql.answer(), inJava.answer());
    rows.add(inJava.row(BACKEND, truth.spans(), name + " (" + detail + "calls read in Java)"));
    return new Both(inSql, inJava);
  }

  /**
   * A whole answer must have read every trace and span of the data and counted what SQL counted ({@code expected};
   * negative: not checked).
   */
  private static void check(String tool, Answer answer, LlmAppSpans.Truth truth, long expected) {
    if (!answer.whole()) {
      return;
    }
    if (answer.scope().tracesScanned() != truth.traces() || answer.scope().spansScanned() != truth.spans()
        || (expected >= 0 && answer.count() != expected)) {
      throw new IllegalStateException(tool + " read " + answer.describe() + " and counted " + answer.count()
          + "; the data holds " + truth + ", expected count " + expected);
    }
  }

  /** Two whole usage answers agree on every total (cost to a millionth of a cent: summed in another order). */
  static void sameTotals(String tool, Answer summed, Answer read) {
    if (!summed.whole() || !read.whole()) {
      return;
    }
    var a = ((GetLlmUsageUseCase.Result) summed.result()).totals();
    var b = ((GetLlmUsageUseCase.Result) read.result()).totals();
    if (a.requestCount() != b.requestCount() || a.inputTokens() != b.inputTokens()
        || a.outputTokens() != b.outputTokens() || a.totalTokens() != b.totalTokens()
        || a.errorCount() != b.errorCount() || Math.abs(a.costUsd() - b.costUsd()) > 1e-8) {
      throw new IllegalStateException("get_llm_usage summed in SQL " + a + " but read call by call " + b);
    }
    System.out.printf("get_llm_usage: sums in SQL and calls read in Java agree: %,d requests, %,d tokens, $%,.6f%n",
        a.requestCount(), a.totalTokens(), a.costUsd());
  }

  /**
   * Two whole answers of one tool, the one computed in SQL and the one read in Java, agree on all but their scope —
   * as shown: records compared through their accessors (a cost summed in another order is shown alike).
   */
  static void sameAnswer(String tool, Answer inSql, Answer read) throws ReflectiveOperationException {
    if (!inSql.whole() || !read.whole()) {
      return;
    }
    for (RecordComponent field : inSql.result().getClass().getRecordComponents()) {
      Object a = field.getAccessor().invoke(inSql.result());
      Object b = field.getAccessor().invoke(read.result());
      if (!field.getName().equals("scope") && !shownAlike(a, b)) {
        throw new IllegalStateException(tool + " computed in SQL has " + field.getName() + " " + a
            + " but read call by call " + b);
      }
    }
    System.out.printf("%s: computed in SQL and read in Java agree (%,d)%n", tool, inSql.count());
  }

  private static boolean shownAlike(Object a, Object b) throws ReflectiveOperationException {
    if (a instanceof Record && b != null && a.getClass() == b.getClass()) {
      for (RecordComponent field : a.getClass().getRecordComponents()) {
        if (!shownAlike(field.getAccessor().invoke(a), field.getAccessor().invoke(b))) {
          return false;
        }
      }
      return true;
    }
    if (a instanceof List<?> x && b instanceof List<?> y) {
      if (x.size() != y.size()) {
        return false;
      }
      for (int i = 0; i < x.size(); i++) {
        if (!shownAlike(x.get(i), y.get(i))) {
          return false;
        }
      }
      return true;
    }
    return Objects.equals(a, b);
  }
}
