package dev.otelmcp.adapters.mcp.resources;

import dev.otelmcp.adapters.mcp.ResultMapper;
import dev.otelmcp.adapters.mcp.answers.ToolAnswer;
import dev.otelmcp.adapters.mcp.answers.ToolBox;
import dev.otelmcp.adapters.mcp.docs.DocTopic;
import dev.otelmcp.domain.error.Quote;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The {@code otel://} resources, in no protocol's types: the services with their operations, one trace's summary
 * (a template), and the documents. Each is read through the tools that answer the same question, so a resource
 * says exactly what the tool would, within the same budget and deadline.
 */
public final class OtelResources {

  public static final String SERVICES = "otel://services";
  public static final String TRACE_PREFIX = "otel://trace/";
  public static final String TRACE_TEMPLATE = TRACE_PREFIX + "{trace_id}";
  public static final String PRICING = "otel://pricing";
  static final String DOCS_PREFIX = "otel://docs/";
  static final String JSON = "application/json";
  static final String MARKDOWN = "text/markdown";


  private final ToolBox tools;
  private final ServiceMap services;
  private final List<ExtraResource> extras;

  /** @param maxAnswerChars the budget of one answer, in characters */
  public OtelResources(ToolBox tools, ResultMapper mapper, int maxAnswerChars) {
    this(tools, mapper, maxAnswerChars, List.of());
  }

  /** @param extras resources served beside ours */
  public OtelResources(ToolBox tools, ResultMapper mapper, int maxAnswerChars, List<ExtraResource> extras) {
    this.tools = tools;
    this.services = new ServiceMap(tools, mapper, maxAnswerChars);
    this.extras = List.copyOf(extras);
  }

  public List<ResourceEntry> resources() {
    List<ResourceEntry> entries = new ArrayList<>();
    if (tools.has("list_services") && tools.has("list_operations")) {
      entries.add(new ResourceEntry(SERVICES, "services", "Services and their operations",
          "The services that reported traces in the last 24 hours, each with its operations (span names): the "
              + "exact names the tools filter on.", JSON));
    }
    for (DocTopic topic : tools.has("get_docs") ? DocTopic.values() : new DocTopic[0]) {
      entries.add(new ResourceEntry(uriOf(topic), topic == DocTopic.PRICING ? "pricing" : "docs-" + topic.id(),
          topic.title(), topic.description(), MARKDOWN));
    }
    extras.stream().filter(extra -> !extra.template()).forEach(extra -> entries.add(extra.entry()));
    return entries;
  }

  public List<ResourceEntry> templates() {
    List<ResourceEntry> entries = new ArrayList<>();
    if (tools.has("get_trace")) {
      entries.add(new ResourceEntry(TRACE_TEMPLATE, "trace", "Trace summary",
          "One trace as get_trace summarises it: its services, LLM calls, tokens, cost, errors and slowest spans. "
              + "trace_id is 32 hex digits.", JSON));
    }
    extras.stream().filter(ExtraResource::template).forEach(extra -> entries.add(extra.entry()));
    return entries;
  }

  /** @throws ResourceReadException when there is no such resource or it cannot be read now */
  public ResourceText read(String uri) {
    for (ExtraResource extra : extras) {
      Optional<ResourceText> text = uri == null ? Optional.empty() : extra.read().apply(uri);
      if (text.isPresent()) {
        return text.get();
      }
    }
    if (SERVICES.equals(uri) && tools.has("list_services") && tools.has("list_operations")) {
      return new ResourceText(uri, JSON, services.read());
    }
    if (uri != null && uri.startsWith(TRACE_PREFIX) && uri.length() > TRACE_PREFIX.length() && tools.has("get_trace")) {
      ToolAnswer answer = tools.call("get_trace", Map.of("trace_id", uri.substring(TRACE_PREFIX.length())));
      return new ResourceText(uri, JSON, successful(uri, answer).text());
    }
    Optional<DocTopic> topic = topicOf(uri).filter(any -> tools.has("get_docs"));
    if (topic.isPresent()) {
      ToolAnswer answer = successful(uri, tools.call("get_docs", Map.of("topic", topic.get().id())));
      return new ResourceText(uri, MARKDOWN, String.valueOf(answer.structured().get("text")));
    }
    throw new ResourceReadException(ResourceReadException.Kind.NOT_FOUND, "no resource " + quote(uri) + "; the "
        + "resources are " + String.join(", ", java.util.stream.Stream.concat(resources().stream(), templates().stream())
        .map(ResourceEntry::uri).toList()), java.util.Collections.singletonMap("uri", shortened(uri)));
  }

  private static Optional<DocTopic> topicOf(String uri) {
    if (PRICING.equals(uri)) {
      return Optional.of(DocTopic.PRICING);
    }
    if (uri == null || !uri.startsWith(DOCS_PREFIX)) {
      return Optional.empty();
    }
    return DocTopic.of(uri.substring(DOCS_PREFIX.length())).filter(topic -> topic != DocTopic.PRICING);
  }

  static String uriOf(DocTopic topic) {
    return topic == DocTopic.PRICING ? PRICING : DOCS_PREFIX + topic.id();
  }

  /** The answer when it is one; an error answer becomes the read's error, with its text. */
  static ToolAnswer successful(String uri, ToolAnswer answer) {
    if (!answer.isError()) {
      return answer;
    }
    ResourceReadException.Kind kind = switch (answer.errorCode()) {
      case NOT_FOUND -> ResourceReadException.Kind.NOT_FOUND;
      case INVALID_ARGUMENT -> ResourceReadException.Kind.INVALID;
      default -> ResourceReadException.Kind.FAILED;
    };
    return failWith(kind, uri, answer);
  }

  private static ToolAnswer failWith(ResourceReadException.Kind kind, String uri, ToolAnswer answer) {
    Map<String, Object> body = new java.util.LinkedHashMap<>();
    body.put("uri", shortened(uri));
    body.put("error", answer.error());
    String message = answer.error().get("message") + ". " + answer.error().get("hint");
    throw new ResourceReadException(kind, "cannot read " + quote(uri) + ": " + message, body);
  }

  /** The URI as the client sent it, cut like a quoted input when long (the error data must not echo megabytes). */
  private static String shortened(String uri) {
    return uri == null || uri.length() <= Quote.MAX_CHARS ? uri : uri.substring(0, Quote.MAX_CHARS) + "…";
  }

  private static String quote(String uri) {
    return Quote.of(uri == null ? "" : uri);
  }
}
