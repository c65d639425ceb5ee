package dev.otelmcp.adapters.otlp.store;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Store settings as the tests want them, built with the record's constructor (otel-mcp itself reads them with
 * {@link OtlpStoreConfig#from}): in memory — no log, no receiver, nothing loaded, no retention — except for what each
 * factory names.
 */
final class StoreConfigs {

  /** Anyone may send: no token, no browser origin allowed. */
  static final ReceiverAccess OPEN = new ReceiverAccess(Optional.empty(), List.of());

  private static final String HOST = "127.0.0.1";

  private StoreConfigs() {}

  static OtlpStoreConfig inMemory() {
    return loading(List.of(), false);
  }

  /** Receiving on a free port. */
  static OtlpStoreConfig receiving(ReceiverAccess access) {
    return new OtlpStoreConfig(HOST, Optional.of(0), List.of(), false, Optional.empty(), false, Optional.empty(), 0,
        OtlpStoreConfig.DEFAULT_MAX_BODY_BYTES, access);
  }

  /** Persisting in {@code dataDir}, with that retention ({@code maxSpans} 0: no limit). */
  static OtlpStoreConfig persisted(Path dataDir, Optional<Duration> retention, long maxSpans) {
    return new OtlpStoreConfig(HOST, Optional.empty(), List.of(), false, Optional.of(dataDir), false, retention,
        maxSpans, OtlpStoreConfig.DEFAULT_MAX_BODY_BYTES, OPEN);
  }

  /** Loading these files at start, shifted to end now when {@code rebase}. */
  static OtlpStoreConfig loading(List<Path> paths, boolean rebase) {
    return new OtlpStoreConfig(HOST, Optional.empty(), paths, rebase, Optional.empty(), false, Optional.empty(), 0,
        OtlpStoreConfig.DEFAULT_MAX_BODY_BYTES, OPEN);
  }
}
