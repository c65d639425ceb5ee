package dev.otelmcp.adapters.mcp.args;

import dev.otelmcp.adapters.mcp.schema.OutputSchemas;
import dev.otelmcp.adapters.mcp.schema.Schema;
import dev.otelmcp.application.llm.CallFilter;
import dev.otelmcp.application.llm.LlmRequest;
import dev.otelmcp.application.time.TimeWindows;
import dev.otelmcp.domain.error.Quote;
import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Parameters and output fragments the LLM analytics tools share. */
public final class LlmParameters {

  public static final String MODEL_NAME = "model_name";
  public static final String MIN_TOKENS = "min_tokens";

  private LlmParameters() {}

  /** The window plus the call filters the reference offers on LLM tools. */
  public static Schema.ObjectBuilder callCriteria(boolean provider, boolean models) {
    Schema.ObjectBuilder schema = Schema.object()
        .include(SearchParameters.window())
        .property(SearchParameters.SERVICE_NAME, SearchParameters.serviceName("Only LLM calls made by this service."));
    if (provider) {
      schema.property(SearchParameters.GEN_AI_SYSTEM, Schema.string("Only calls to this provider (case-insensitive), "
          + "e.g. openai."));
    }
    if (models) {
      schema.property(SearchParameters.GEN_AI_REQUEST_MODEL, Schema.string("Only calls that asked for this model."))
          .property(SearchParameters.GEN_AI_RESPONSE_MODEL, Schema.string("Only calls answered by this model."));
    }
    return schema;
  }

  /** The most a sample may ask for; the safety cap (MAX_TRACES_PER_QUERY) applies below it. */
  static final int MAX_SAMPLE = 1_000_000;

  /** {@code limit} on an aggregate: a sample of the newest traces; absent, the whole window is read. */
  public static Schema scanLimit() {
    return Schema.integer("Read only the newest N traces (a sample). Omit to cover the whole window.")
        .minimum(1).maximum(MAX_SAMPLE);
  }

  /** The traces an aggregate reads: the caller's sample size, else all of the window. */
  public static int scanLimit(Arguments arguments) {
    return arguments.integer(SearchParameters.LIMIT, MAX_SAMPLE, 1, MAX_SAMPLE);
  }

  private static final Pattern INTERVAL = Pattern.compile("(\\d{1,4})\\s*([mhdw])");

  /** An interval such as 15m, 1h, 1d or 1w. */
  public static Duration interval(String text) {
    Matcher m = INTERVAL.matcher(text.strip().toLowerCase(Locale.ROOT));
    if (!m.matches() || Long.parseLong(m.group(1)) == 0) {
      throw Arguments.invalid("interval", "must be a positive number of minutes, hours, days or weeks, got "
          + Quote.of(text), "Use 15m, 1h, 6h, 1d or 1w.");
    }
    long n = Long.parseLong(m.group(1));
    return switch (m.group(2)) {
      case "m" -> Duration.ofMinutes(n);
      case "h" -> Duration.ofHours(n);
      case "d" -> Duration.ofDays(n);
      default -> Duration.ofDays(7 * n);
    };
  }

  public static LlmRequest request(Arguments arguments, TimeWindows windows, int traceLimit) {
    CallFilter filter = new CallFilter(
        arguments.string(SearchParameters.SERVICE_NAME).orElse(null),
        arguments.string(SearchParameters.GEN_AI_SYSTEM).orElse(null),
        arguments.string(SearchParameters.GEN_AI_REQUEST_MODEL).orElse(null),
        arguments.string(SearchParameters.GEN_AI_RESPONSE_MODEL).orElse(null));
    return new LlmRequest(SearchParameters.window(arguments, windows), filter, traceLimit);
  }

  /** A distribution over every call (not a sample): mean, min, max and nearest-rank percentiles. */
  public static Schema.ObjectBuilder distribution() {
    return Schema.object()
        .required("mean", Schema.number(null)).required("min", Schema.number(null)).required("max", Schema.number(null))
        .required("p50", Schema.number(null)).required("p95", Schema.number(null)).required("p99", Schema.number(null));
  }

  /** The input of a listing over a window's LLM calls: the call criteria and the scan limit. */
  public static Schema.ObjectBuilder windowListing() {
    return callCriteria(true, false).property(SearchParameters.LIMIT, scanLimit());
  }

  /** The scope of an LLM aggregate: the general scope plus calls analysed and unreadable attributes. */
  public static Schema.ObjectBuilder scope() {
    return OutputSchemas.scope()
        .required("request_count", Schema.integer("LLM calls analysed (wrapper spans around a provider's call are not "
            + "counted twice)."))
        .required("warnings", Schema.integer("Attributes present but unreadable (e.g. a token count of n/a); "
            + "ignored, the call still counts."))
        .property("price_sources", Schema.array(Schema.map(null, null), "Where prices come from: name, version, as_of."));
  }

  /** The models whose calls have no price, with how many. */
  public static Schema unpricedModels() {
    return Schema.array(Schema.object()
        .required("model", Schema.string(null))
        .property("provider", Schema.string(null))
        .required("request_count", Schema.integer(null))
        .required("reason", Schema.string(null)).asSchema(), "Calls whose cost is not included.");
  }

  /** cost_usd and the partial flag, as every cost-bearing row has them. */
  public static Schema.ObjectBuilder cost(Schema.ObjectBuilder row) {
    return row
        .required("cost_usd", Schema.number("USD."))
        .property("cost_is_partial", Schema.bool("Some calls had no price and are not in cost_usd."))
        .property("unpriced_request_count", Schema.integer(null));
  }

  /** Request and token totals. */
  public static Schema.ObjectBuilder totals() {
    return Schema.object()
        .required("request_count", Schema.integer("LLM calls."))
        .required("error_count", Schema.integer("Calls that failed."))
        .required("input_tokens", Schema.integer(null))
        .required("output_tokens", Schema.integer(null))
        .required("total_tokens", Schema.integer("Reported totals, else input + output; cache and reasoning tokens "
            + "are part of input/output and not added again."))
        .required("cache_read_input_tokens", Schema.integer("Input tokens served from a prompt cache."))
        .required("cache_creation_input_tokens", Schema.integer("Input tokens written to a prompt cache."))
        .required("reasoning_tokens", Schema.integer("Output tokens spent on reasoning."))
        .required("cost_usd", Schema.number("USD; calls without a price are left out (cost_is_partial)."))
        .property("cost_is_partial", Schema.bool(null))
        .property("unpriced_request_count", Schema.integer(null));
  }

  /** The output of a trace ranking (expensive and slow traces). */
  public static Schema.ObjectBuilder ranking(String order) {
    Schema.ObjectBuilder ranked = Schema.object()
        .required("trace", OutputSchemas.traceSummary())
        .required("tokens", totals())
        .required("models", Schema.array(Schema.string(null), "Models the trace called."))
        .required("llm_time_ms", Schema.number("Wall-clock time spent in LLM calls (overlaps counted once)."))
        .required("llm_time_share", Schema.number("llm_time_ms / trace duration, 0-1."));
    return OutputSchemas.paging(Schema.object()
        .required("count", Schema.integer(null))
        .required("traces", Schema.array(ranked.asSchema(), order)))
        .required("scope", scope());
  }
}
