package dev.otelmcp.application.llm;

/**
 * Token usage and cost of one model, service or provider: its name and its totals. The totals' fields are the one
 * definition of the token figures; answers show them beside the name (flat).
 */
public record UsageGroup(String name, TokenTotals totals) {}
