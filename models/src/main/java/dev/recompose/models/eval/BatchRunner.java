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
     * The items to score for this user when running with a candidate width (exactly that many),
     * possibly written into {@code reuse} (null on first use).
     */
    default int[] candidates(int index, int user, int[] input, int[] reuse) {
      throw new UnsupportedOperationException("this handler ranks the full catalogue");
    }

    /**
     * @param index position of the user in the evaluated user list
     * @param candidates the user's candidates, or null under full scoring
     * @param scores buffer holding the user's scores at {@code offset .. offset + width}, where
     *     width is the candidate width or the catalogue size
     */
    void handle(int index, int user, int[] input, int[] candidates, float[] scores, int offset);
  }

  private BatchRunner() {}

  static void run(Scorer scorer, SequenceData data, Stage stage, int[] users, int batchUsers,
      int threads, Supplier<RowHandler> handlers) {
    run(scorer, data.numItems(), users, (index, user) -> data.input(user, stage), 0, batchUsers,
        threads, handlers);
  }

  /** Supplies the input sequence of the user at {@code index} of the user list. */
  interface Inputs {
    int[] of(int index, int user);
  }

  /**
   * Runs every user through the scorer.
   *
   * @param width 0 to score the whole catalogue ({@link Scorer#score}); otherwise the number of
   *     candidates per user ({@link Scorer#scoreCandidates}, candidates from the handler)
   */
  static void run(Scorer scorer, int numItems, int[] users, Inputs inputsOf, int width,
      int batchUsers, int threads, Supplier<RowHandler> handlers) {
    if (scorer.numItems() != numItems) {
      throw new IllegalArgumentException("scorer '" + scorer.name() + "' scores "
          + scorer.numItems() + " items, the data has " + numItems);
    }
    if (batchUsers < 1) {
      throw new IllegalArgumentException("batchUsers must be >= 1, got " + batchUsers);
    }
    int batches = (users.length + batchUsers - 1) / batchUsers;
    int workers = Math.max(1, Math.min(threads, batches));
    AtomicInteger next = new AtomicInteger();
    AtomicReference<Throwable> failure = new AtomicReference<>();
    Runnable work = () -> {
      try {
        RowHandler h = handlers.get();
        int rowWidth = width > 0 ? width : numItems;
        float[] buf = new float[batchUsers * rowWidth];
        int[] ids = new int[batchUsers];
        int[][] inputs = new int[batchUsers][];
        int[][] cands = new int[batchUsers][];
        int b;
        while (failure.get() == null && (b = next.getAndIncrement()) < batches) {
          int from = b * batchUsers;
          int size = Math.min(batchUsers, users.length - from);
          for (int r = 0; r < size; r++) {
            ids[r] = users[from + r];
            inputs[r] = inputsOf.of(from + r, ids[r]);
            if (width > 0) {
              cands[r] = h.candidates(from + r, ids[r], inputs[r], cands[r]);
              if (cands[r].length != width) {
                throw new IllegalStateException(cands[r].length + " candidates, expected "
                    + width);
              }
            }
          }
          UserBatch batch = new UserBatch(ids, inputs, size);
          if (width > 0) {
            scorer.scoreCandidates(batch, cands, width, buf);
          } else {
            scorer.score(batch, buf);
          }
          for (int r = 0; r < size; r++) {
            h.handle(from + r, ids[r], inputs[r], width > 0 ? cands[r] : null, buf,
                r * rowWidth);
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
