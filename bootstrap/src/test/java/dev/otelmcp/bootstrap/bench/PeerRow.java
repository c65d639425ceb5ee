package dev.otelmcp.bootstrap.bench;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/** One line of the side-by-side table: a tool on a server over a backend. */
record PeerRow(String backend, String server, String tool, double wallP50, double wallP95, double cpuP50,
    int answerBytes, String requests, String readBytes, String versusTruth, String figures) {

  static void printTable(List<PeerRow> rows, String truthFigures) {
    System.out.println("| backend | tool | server | wall p50 / p95 | server CPU p50 | answer: bytes (~tokens) "
        + "| backend requests | bytes read | totals vs truth | what it said |");
    System.out.println("|---|---|---|---|---|---|---|---|---|---|");
    for (PeerRow row : rows) {
      System.out.printf("| %s | `%s` | %s | %.0f / %.0f ms | %.0f ms | %,d (%,d) | %s | %s | %s | %s |%n", row.backend,
          row.tool, row.server, row.wallP50, row.wallP95, row.cpuP50, row.answerBytes, row.answerBytes / 4,
          row.requests, row.readBytes, row.versusTruth, row.figures);
    }
    System.out.printf("| | | ground truth | | | | | | | %s |%n", truthFigures);
  }

  /** The requests of a call by kind ({@code /api/traces/{id}} for each trace by id), counted. */
  static String kinds(List<FakeBackend.Served> served) {
    Map<String, Long> kinds = served.stream().map(FakeBackend.Served::target)
        .collect(Collectors.groupingBy(t -> t.replaceFirst("[?].*", "").replaceFirst("/[0-9a-f]{16,32}$", "/{id}"),
            TreeMap::new, Collectors.counting()));
    return kinds.toString();
  }
}
