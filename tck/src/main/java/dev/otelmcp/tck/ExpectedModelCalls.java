package dev.otelmcp.tck;

import dev.otelmcp.domain.llm.LlmCall;
import dev.otelmcp.domain.llm.LlmCalls;
import dev.otelmcp.domain.model.Trace;
import dev.otelmcp.domain.port.LlmModelCalls;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * What {@code LlmModelCalls} must hand on, worked out in Java from whole traces: every counted call
 * ({@link LlmCalls#of}) counted in its pair of models, and the calls of the models (or without a response model)
 * handed on with the figures the SPI names ({@link #figures}).
 */
public final class ExpectedModelCalls {

  /** What a store handed on: the pairs' counts (by {@code "provider | request | response"}) and the calls' figures. */
  public record HandedOn(Map<String, Long> pairs, List<String> calls) implements LlmModelCalls.Visitor {

    public HandedOn() {
      this(new TreeMap<>(), new ArrayList<>());
    }

    @Override
    public void pair(String provider, String requestModel, String responseModel, long count) {
      pairs.merge(provider + " | " + requestModel + " | " + responseModel, count, Long::sum);
    }

    @Override
    public void call(LlmCall call) {
      calls.add(figures(call));
    }
  }

  private ExpectedModelCalls() {}

  /** What the traces' calls make for these models. */
  public static HandedOn of(List<Trace> traces, Set<String> models) {
    HandedOn expected = new HandedOn();
    handOn(traces, models, expected);
    return expected;
  }

  /** Hands the traces' calls on as the SPI defines it (for stores that hold traces in memory). */
  public static void handOn(List<Trace> traces, Set<String> models, LlmModelCalls.Visitor visitor) {
    for (Trace trace : traces) {
      for (LlmCall call : LlmCalls.of(trace)) {
        visitor.pair(call.provider(), call.requestModel(), call.responseModel(), 1);
        if (call.responseModel() == null || models.contains(call.requestModel())
            || models.contains(call.responseModel())) {
          visitor.call(call);
        }
      }
    }
  }

  /** The figures of a call the SPI hands on, as one line. */
  public static String figures(LlmCall call) {
    return String.join(" | ", Arrays.asList(call.span().traceId(), call.span().spanId(), call.span().serviceName(),
        String.valueOf(call.span().startTime()), String.valueOf(call.span().duration()), call.span().scopeName(),
        call.provider(), call.requestModel(), call.responseModel(), String.valueOf(call.usage()),
        String.valueOf(call.finishReasons()), String.valueOf(call.failed()), String.valueOf(call.warnings())));
  }
}
