package dev.otelmcp.adapters.otlp.store;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the user should know about the store — a torn log, a file that did not load, a receiver that did not start,
 * spans dropped for memory: logged once as a warning, and repeated in every health answer.
 *
 * <p>Thread-safe: the starting thread, the maintenance thread and the memory guard add notes while health checks read
 * them (a copy-on-write list: notes are few and rarely added).
 */
final class StoreNotes {

  private static final Logger LOG = LoggerFactory.getLogger(StoreNotes.class);

  private final List<String> notes = new CopyOnWriteArrayList<>();

  void add(String note) {
    LOG.warn("{}", note);
    notes.add(note);
  }

  List<String> all() {
    return List.copyOf(notes);
  }
}
