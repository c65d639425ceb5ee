package dev.otelmcp.adapters.otlp.store;

import dev.otelmcp.adapters.otlp.codec.OtlpProtobufEncoder;
import dev.otelmcp.domain.model.Span;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;

/**
 * The live traces as log records for compaction, encoded one chunk at a time so that the whole store is never
 * held twice. Traces come oldest written first, so replay rebuilds the retention order; a chunk carries the
 * latest write time of its traces (retention may keep a trace a little longer, never shorter).
 */
final class CompactionRecords implements Iterator<SpanLog.Record> {

  private final Iterator<TraceEntry> entries;
  private final int spansPerRecord;

  CompactionRecords(List<TraceEntry> oldestFirst, int spansPerRecord) {
    this.entries = oldestFirst.iterator();
    this.spansPerRecord = spansPerRecord;
  }

  @Override
  public boolean hasNext() {
    return entries.hasNext();
  }

  @Override
  public SpanLog.Record next() {
    if (!entries.hasNext()) {
      throw new NoSuchElementException();
    }
    List<Span> chunk = new ArrayList<>(spansPerRecord);
    long ingestMillis = Long.MIN_VALUE;
    while (entries.hasNext() && chunk.size() < spansPerRecord) {
      TraceEntry entry = entries.next();
      chunk.addAll(entry.spans());
      ingestMillis = Math.max(ingestMillis, entry.lastIngestMillis);
    }
    return new SpanLog.Record(ingestMillis, OtlpProtobufEncoder.encode(chunk).toByteArray());
  }
}
