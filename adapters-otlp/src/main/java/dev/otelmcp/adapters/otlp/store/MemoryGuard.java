package dev.otelmcp.adapters.otlp.store;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryNotificationInfo;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import javax.management.ListenerNotFoundException;
import javax.management.NotificationEmitter;
import javax.management.NotificationListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the store from running the JVM out of memory, whatever {@code max_spans} says: when a heap pool is
 * still more than {@link #FRACTION} full after a garbage collection, the store is asked to drop its oldest
 * spans. Spans are large (LLM spans carry whole prompts), and the JVM's default heap is a quarter of the machine.
 */
final class MemoryGuard implements AutoCloseable {

  static final double FRACTION = 0.8;
  private static final Logger LOG = LoggerFactory.getLogger(MemoryGuard.class);

  private final NotificationEmitter emitter = (NotificationEmitter) ManagementFactory.getMemoryMXBean();
  private final NotificationListener listener;

  MemoryGuard(Runnable onPressure) {
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      long max = pool.getUsage().getMax();
      if (pool.getType() == MemoryType.HEAP && pool.isCollectionUsageThresholdSupported() && max > 0) {
        pool.setCollectionUsageThreshold((long) (max * FRACTION));
      }
    }
    listener = (notification, handback) -> {
      if (MemoryNotificationInfo.MEMORY_COLLECTION_THRESHOLD_EXCEEDED.equals(notification.getType())) {
        onPressure.run();
      }
    };
    emitter.addNotificationListener(listener, null, null);
  }

  @Override
  public void close() {
    try {
      emitter.removeNotificationListener(listener);
    } catch (ListenerNotFoundException e) {
      LOG.debug("memory listener already gone");
    }
  }
}
