package dev.otelmcp.adapters.mcp.modern;

import io.modelcontextprotocol.modern.McpSchema.CacheScope;

/**
 * How long 2026-07-28 clients may keep each answer ({@code ttlMs}, {@code cacheScope}). What is the same for every
 * caller until the server restarts — discover, the lists, the documents — is public for five minutes; telemetry read
 * from the backend may belong to whoever holds the token and changes as traces arrive, so it is private and short.
 */
final class CachePolicy {

  /** Discover and the lists: fixed for the life of the process. */
  static final long CATALOGUE_TTL_MS = 300_000;
  static final CacheScope CATALOGUE_SCOPE = CacheScope.PUBLIC;

  /** otel-mcp's documents and price table. */
  static final long DOCS_TTL_MS = 300_000;

  /** Services and traces read from the backend. */
  static final long TELEMETRY_TTL_MS = 30_000;
  static final CacheScope TELEMETRY_SCOPE = CacheScope.PRIVATE;

  private CachePolicy() {}
}
