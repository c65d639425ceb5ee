package dev.otelmcp.adapters.otlp.store;

import dev.otelmcp.otlp.codec.OtlpProtobufEncoder;
import dev.otelmcp.domain.model.Span;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;

/**
 * The live traces as log records for compaction. The snapshot copies only the lists of span references (taken
 * under the write lock, so later writes cannot change it); encoding happens one chunk at a time as the records
 * are written, so the store is never held twice. Traces come oldest written first, so replay rebuilds the
 * retention order; a chunk carries the latest write time of its traces (retention may keep a trace a little
 * longer, never shorter).
 */
final class CompactionRecords implements Iterator<SpanLog.Record> {

  /** The spans of consecutive traces, and when the latest of them was written. */
  record Chunk(List<Span> spans, long ingestMillis) {}

  private final Iterator<Chunk> chunks;

  CompactionRecords(List<Chunk> snapshot) {
    this.chunks = snapshot.iterator();
  }

  static List<Chunk> snapshot(List<TraceEntry> oldestFirst, int spansPerChunk) {
    List<Chunk> chunks = new ArrayList<>();
    List<Span> spans = new ArrayList<>(spansPerChunk);
    long ingestMillis = Long.MIN_VALUE;
    for (TraceEntry entry : oldestFirst) {
      spans.addAll(entry.spans());
      ingestMillis = Math.max(ingestMillis, entry.lastIngestMillis);
      if (spans.size() >= spansPerChunk) {
        chunks.add(new Chunk(spans, ingestMillis));
        spans = new ArrayList<>(spansPerChunk);
        ingestMillis = Long.MIN_VALUE;
      }
    }
    if (!spans.isEmpty()) {
      chunks.add(new Chunk(spans, ingestMillis));
    }
    return chunks;
  }

  @Override
  public boolean hasNext() {
    return chunks.hasNext();
  }

  @Override
  public SpanLog.Record next() {
    if (!chunks.hasNext()) {
      throw new NoSuchElementException();
    }
    Chunk chunk = chunks.next();
    return new SpanLog.Record(chunk.ingestMillis(), OtlpProtobufEncoder.encode(chunk.spans()).toByteArray());
  }
}
