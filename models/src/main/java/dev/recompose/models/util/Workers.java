package dev.recompose.models.util;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * Runs the same work loop on a few platform threads and rethrows the first failure.
 *
 * <p>It exists because model fitting and evaluation both split work over a fixed number of
 * threads that pull chunks from a shared counter; the loop stops early once any worker failed,
 * and the caller sees that worker's exception rather than a generic one.
 */
public final class Workers {
  private Workers() {}

  /**
   * Runs {@code work} on {@code workers} threads (inline when 1) and waits for all of them.
   *
   * @param work a worker body; it should poll the failure reference it is given and stop when it
   *     is set; exceptions it throws are recorded there
   * @param what a phrase for the wrapping message of checked failures, e.g. "evaluation"
   */
  public static void run(int workers, String threadPrefix, String what,
      Consumer<AtomicReference<Throwable>> work) {
    if (workers < 1) {
      throw new IllegalArgumentException("workers must be >= 1, got " + workers);
    }
    AtomicReference<Throwable> failure = new AtomicReference<>();
    Runnable body = () -> {
      try {
        work.accept(failure);
      } catch (Throwable t) {
        failure.compareAndSet(null, t);
      }
    };
    if (workers == 1) {
      body.run();
    } else {
      List<Thread> ts = new ArrayList<>();
      for (int w = 0; w < workers; w++) {
        ts.add(Thread.ofPlatform().name(threadPrefix + w).start(body));
      }
      for (Thread t : ts) {
        try {
          t.join();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          failure.compareAndSet(null, e);
        }
      }
    }
    Throwable t = failure.get();
    if (t instanceof RuntimeException re) {
      throw re;
    }
    if (t instanceof Error err) {
      throw err;
    }
    if (t != null) {
      throw new IllegalStateException(what + " failed: " + t, t);
    }
  }
}
