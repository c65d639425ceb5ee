package dev.otelmcp.adapters.mcp.resources;

import java.util.Optional;
import java.util.function.Function;

/**
 * A resource beyond otel-mcp's own (an {@link dev.otelmcp.adapters.mcp.Extensions extension}): listed as a resource,
 * or as a template when {@code template} is set, and read by {@code read}, which answers the URIs it serves and
 * nothing for the others.
 */
public record ExtraResource(ResourceEntry entry, boolean template, Function<String, Optional<ResourceText>> read) {}
