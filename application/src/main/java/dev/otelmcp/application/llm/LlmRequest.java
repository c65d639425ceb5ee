package dev.otelmcp.application.llm;

import dev.otelmcp.domain.model.TimeRange;

/**
 * What an LLM aggregate is asked: the window, which calls count, and how many traces to read at most.
 */
public record LlmRequest(TimeRange window, CallFilter calls, int traceLimit) {}
