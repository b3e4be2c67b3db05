package dev.recompose.models.eval;

import dev.recompose.models.seq.Scorer;
import dev.recompose.models.seq.SequenceData;
import dev.recompose.models.seq.Stage;
import dev.recompose.models.seq.UserBatch;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * Streams users through a scorer in fixed-size batches on a fixed number of threads; each
 * worker owns one {@code batch x items} buffer, so memory is bounded by threads x batch x items
 * whatever the number of users.
 */
final class BatchRunner {
  /** Handles one scored user; one instance per worker thread. */
  interface RowHandler {
    /**
     * @param index position of the user in the evaluated user list
     * @param scores buffer holding the user's scores at {@code offset .. offset + numItems}
     */
    void handle(int index, int user, int[] input, float[] scores, int offset);
  }

  private BatchRunner() {}

  static void run(Scorer scorer, SequenceData data, Stage stage, int[] users, int batchUsers,
      int threads, Supplier<RowHandler> handlers) {
    int numItems = data.numItems();
    if (scorer.numItems() != numItems) {
      throw new IllegalArgumentException("scorer '" + scorer.name() + "' scores "
          + scorer.numItems() + " items, the data has " + numItems);
    }
    int batches = (users.length + batchUsers - 1) / batchUsers;
    int workers = Math.max(1, Math.min(threads, batches));
    AtomicInteger next = new AtomicInteger();
    AtomicReference<Throwable> failure = new AtomicReference<>();
    Runnable work = () -> {
      try {
        RowHandler h = handlers.get();
        float[] buf = new float[batchUsers * numItems];
        int[] ids = new int[batchUsers];
        int[][] inputs = new int[batchUsers][];
        int b;
        while (failure.get() == null && (b = next.getAndIncrement()) < batches) {
          int from = b * batchUsers;
          int size = Math.min(batchUsers, users.length - from);
          for (int r = 0; r < size; r++) {
            ids[r] = users[from + r];
            inputs[r] = data.input(ids[r], stage);
          }
          scorer.score(new UserBatch(ids, inputs, size), buf);
          for (int r = 0; r < size; r++) {
            h.handle(from + r, ids[r], inputs[r], buf, r * numItems);
          }
        }
      } catch (Throwable t) {
        failure.compareAndSet(null, t);
      }
    };
    if (workers == 1) {
      work.run();
    } else {
      List<Thread> ts = new ArrayList<>();
      for (int w = 0; w < workers; w++) {
        ts.add(Thread.ofPlatform().name("recompose-eval-" + w).start(work));
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
      throw new IllegalStateException("evaluation failed: " + t, t);
    }
  }
}
