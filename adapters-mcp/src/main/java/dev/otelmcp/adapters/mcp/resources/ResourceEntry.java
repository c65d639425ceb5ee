package dev.otelmcp.adapters.mcp.resources;

/**
 * A resource or resource template as lists show it.
 *
 * @param uri the URI, or for a template its RFC 6570 URI template
 */
public record ResourceEntry(String uri, String name, String title, String description, String mimeType) {}
