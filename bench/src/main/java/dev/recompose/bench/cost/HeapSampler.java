package dev.recompose.bench.cost;

import com.sun.management.GarbageCollectionNotificationInfo;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.management.MemoryUsage;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import javax.management.ListenerNotFoundException;
import javax.management.Notification;
import javax.management.NotificationEmitter;
import javax.management.NotificationListener;
import javax.management.openmbean.CompositeData;

/**
 * Measures the peak heap in use while a run executes: a daemon thread samples
 * {@link MemoryMXBean#getHeapMemoryUsage()} every few milliseconds, and a listener on every
 * garbage collector adds the heap in use just before each collection (the true local maximum the
 * sampler may have missed).
 *
 * <p>It exists for the "peak heap" cost column (DESIGN.md: cost = train time, latency,
 * throughput, peak heap, parameters). The figure includes everything the JVM holds at the time,
 * so the runner collects garbage before each run to start from a clean baseline; collections that
 * began before {@link #start} (their notifications arrive asynchronously) are ignored.
 */
public final class HeapSampler implements AutoCloseable {
  private final MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
  private final AtomicLong peak = new AtomicLong();
  private final List<NotificationEmitter> emitters = new ArrayList<>();
  private final NotificationListener listener = this::onGc;
  private final Thread thread;
  private final long startUptimeMillis;
  private volatile boolean running = true;

  private HeapSampler(long periodMillis) {
    startUptimeMillis = ManagementFactory.getRuntimeMXBean().getUptime();
    sample();
    for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
      if (gc instanceof NotificationEmitter e) {
        e.addNotificationListener(listener, null, null);
        emitters.add(e);
      }
    }
    thread = Thread.ofPlatform().daemon().name("heap-sampler").start(() -> {
      while (running) {
        sample();
        try {
          Thread.sleep(periodMillis);
        } catch (InterruptedException e) {
          return;
        }
      }
    });
  }

  /** Starts sampling every {@code periodMillis} milliseconds. */
  public static HeapSampler start(long periodMillis) {
    if (periodMillis < 1) {
      throw new IllegalArgumentException("periodMillis must be >= 1, got " + periodMillis);
    }
    return new HeapSampler(periodMillis);
  }

  /** Takes one sample now. */
  public void sample() {
    long used = memory.getHeapMemoryUsage().getUsed();
    peak.accumulateAndGet(used, Math::max);
  }

  private void onGc(Notification n, Object handback) {
    if (!GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(n.getType())) {
      return;
    }
    GarbageCollectionNotificationInfo info =
        GarbageCollectionNotificationInfo.from((CompositeData) n.getUserData());
    if (info.getGcInfo().getStartTime() < startUptimeMillis) {
      return; // notifications arrive late: a collection from before the start is not ours
    }
    long before = 0;
    for (Map.Entry<String, MemoryUsage> e : info.getGcInfo().getMemoryUsageBeforeGc().entrySet()) {
      if (isHeapPool(e.getKey())) {
        before += e.getValue().getUsed();
      }
    }
    peak.accumulateAndGet(before, Math::max);
  }

  private static boolean isHeapPool(String name) {
    for (var pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getName().equals(name)) {
        return pool.getType() == java.lang.management.MemoryType.HEAP;
      }
    }
    return false;
  }

  /** The peak heap in use so far, in bytes. */
  public long peakBytes() {
    return peak.get();
  }

  /** Takes a last sample, stops sampling and returns the peak in bytes. */
  public long stop() {
    sample();
    close();
    return peak.get();
  }

  @Override
  public void close() {
    running = false;
    thread.interrupt();
    for (NotificationEmitter e : emitters) {
      try {
        e.removeNotificationListener(listener);
      } catch (ListenerNotFoundException ex) {
        // already removed
      }
    }
    emitters.clear();
  }
}
