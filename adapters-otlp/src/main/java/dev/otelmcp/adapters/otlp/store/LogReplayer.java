package dev.otelmcp.adapters.otlp.store;

import dev.otelmcp.otlp.codec.OtlpDecodeResult;
import dev.otelmcp.otlp.codec.OtlpProtobufDecoder;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * Replays log records into the index: records are decoded on the other cores while this thread indexes them,
 * in log order (which is the retention order). Records older than the retention cut-off are skipped undecoded.
 */
final class LogReplayer implements Consumer<SpanLog.Record>, AutoCloseable {

  private static final int IN_FLIGHT = 16;

  private final OtlpProtobufDecoder decoder;
  private final SpanIndex index;
  private final long cutoffMillis;
  private final BooleanSupplier cancelled;
  private final ExecutorService decoders;
  private final Deque<Pending> pending = new ArrayDeque<>();
  long records;
  long spansRead;
  long spansAdded;
  long unreadable;

  private record Pending(long ingestMillis, Future<OtlpDecodeResult> decoded) {}

  LogReplayer(OtlpProtobufDecoder decoder, SpanIndex index, long cutoffMillis, BooleanSupplier cancelled) {
    this.decoder = decoder;
    this.index = index;
    this.cutoffMillis = cutoffMillis;
    this.cancelled = cancelled;
    int threads = Math.max(1, Runtime.getRuntime().availableProcessors() - 1);
    this.decoders = Executors.newFixedThreadPool(threads, runnable -> {
      Thread thread = new Thread(runnable, "otlp-store-replay-decoder");
      thread.setDaemon(true);
      return thread;
    });
  }

  /** Takes the next record; throws {@link CancellationException} once the store is closing. */
  @Override
  public void accept(SpanLog.Record record) {
    if (cancelled.getAsBoolean()) {
      throw new CancellationException("the store is closing");
    }
    records++;
    if (record.ingestMillis() < cutoffMillis) {
      return;
    }
    byte[] payload = record.payload();
    pending.add(new Pending(record.ingestMillis(), decoders.submit(() -> decoder.decode(payload))));
    while (pending.size() > IN_FLIGHT) {
      indexOldest();
    }
  }

  /** Indexes what is still being decoded; call once the log has been read. */
  void finish() {
    while (!pending.isEmpty()) {
      indexOldest();
    }
  }

  private void indexOldest() {
    Pending next = pending.removeFirst();
    OtlpDecodeResult decoded;
    try {
      decoded = next.decoded().get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new CancellationException("interrupted while replaying the span log");
    } catch (ExecutionException e) {
      // It passed its checksum, so it is not a torn write but a record this version cannot read: count it, go on.
      unreadable++;
      return;
    }
    spansRead += decoded.spans().size();
    spansAdded += index.add(decoded.spans(), next.ingestMillis());
  }

  @Override
  public void close() {
    decoders.shutdownNow();
  }
}
