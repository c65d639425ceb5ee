package dev.otelmcp.adapters.mcp.resources;

/** The contents of one resource read: text of a MIME type. */
public record ResourceText(String uri, String mimeType, String text) {}
