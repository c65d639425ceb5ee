package dev.otelmcp.adapters.mcp.docs;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** What otel-mcp documents for assistants, by {@code get_docs} topic and {@code otel://} resource alike. */
public enum DocTopic {
  CONVENTIONS("conventions", "Semantic conventions", "Which span attributes otel-mcp reads per semantic convention "
      + "(OTel GenAI, OpenLLMetry, OpenInference) and how tokens, models, errors and tool calls are counted."),
  FILTERS("filters", "Filter language", "The filters of search_traces / search_spans: fields, operators, "
      + "their meaning on traces and spans, with examples."),
  PAGING("paging", "Answers, budgets and paging", "Time windows, the answer budget, cursors, coverage of "
      + "aggregates and the error shape."),
  PRICING("pricing", "Price table", "Where costs come from: the price table's source and date, its size, and "
      + "the operator's price overrides.");

  private final String id;
  private final String title;
  private final String description;

  DocTopic(String id, String title, String description) {
    this.id = id;
    this.title = title;
    this.description = description;
  }

  public String id() {
    return id;
  }

  public String title() {
    return title;
  }

  public String description() {
    return description;
  }

  public static Optional<DocTopic> of(String id) {
    String wanted = id.strip().toLowerCase(Locale.ROOT);
    return Arrays.stream(values()).filter(topic -> topic.id.equals(wanted)).findFirst();
  }

  public static String[] ids() {
    return Arrays.stream(values()).map(DocTopic::id).toArray(String[]::new);
  }
}
