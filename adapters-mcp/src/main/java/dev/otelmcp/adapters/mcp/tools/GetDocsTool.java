package dev.otelmcp.adapters.mcp.tools;

import dev.otelmcp.adapters.mcp.DescribedTool;
import dev.otelmcp.adapters.mcp.ToolHints;
import dev.otelmcp.adapters.mcp.args.Arguments;
import dev.otelmcp.adapters.mcp.docs.DocTexts;
import dev.otelmcp.adapters.mcp.docs.DocTopic;
import dev.otelmcp.adapters.mcp.schema.Schema;
import dev.otelmcp.application.usecase.DescribePricesUseCase;
import jakarta.inject.Inject;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * {@code get_docs}: the documents the {@code otel://docs/...} and {@code otel://pricing} resources serve, for the
 * assistants that never read resources (Claude Code is one).
 */
public final class GetDocsTool extends DescribedTool {

  static final String TOPIC = "topic";

  /** The answer: the topic's Markdown, and the other topics there are. */
  public record Result(String topic, String title, String format, String text, List<String> topics) {}

  private final DocTexts texts;

  @Inject
  public GetDocsTool(DescribePricesUseCase prices) {
    super("get_docs", "Read otel-mcp's documentation",
        "otel-mcp's own docs as Markdown: conventions (attributes read, token counting), filters, paging, pricing.");
    this.texts = new DocTexts(prices);
  }

  @Override
  public ToolHints hints() {
    return ToolHints.READS_OWN_DOCS;
  }

  @Override
  public Schema.ObjectBuilder input() {
    return Schema.object().required(TOPIC, Schema.string("The document to read.").enumOf(DocTopic.ids()));
  }

  @Override
  public Map<String, Object> outputSchema() {
    return Schema.object()
        .required("topic", Schema.string(null))
        .required("title", Schema.string(null))
        .required("format", Schema.string("Always markdown."))
        .required("text", Schema.string("The document."))
        .required("topics", Schema.array(Schema.string(null), "Every topic there is."))
        .build();
  }

  @Override
  public Object call(Arguments arguments) {
    String id = arguments.requiredString(TOPIC, "One of: " + String.join(", ", DocTopic.ids()) + ".");
    DocTopic topic = DocTopic.of(id).orElseThrow(() -> Arguments.invalid(TOPIC, "is not a topic: " + dev.otelmcp.domain.error.Quote.of(id),
        "Use one of: " + String.join(", ", DocTopic.ids()) + "."));
    return new Result(topic.id(), topic.title(), "markdown", texts.text(topic), Arrays.asList(DocTopic.ids()));
  }
}
