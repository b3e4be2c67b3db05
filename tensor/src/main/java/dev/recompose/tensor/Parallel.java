package dev.recompose.tensor;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ExecutionException;

/**
 * The engine's one thread pool: a global, settable thread count and a fixed set of daemon workers.
 *
 * <p>Kernels split work with {@link #forRange}; a call made from inside a parallel region (or from a
 * worker) runs inline, so regions never nest and the machine is never oversubscribed. The default
 * is all available cores; {@link #setThreads(int)} pins it (for benchmarks and reproducibility).
 */
public final class Parallel {
    private static volatile int threads = Math.max(1, Runtime.getRuntime().availableProcessors());
    private static volatile ExecutorService pool;
    private static final ThreadLocal<Boolean> IN_REGION = ThreadLocal.withInitial(() -> Boolean.FALSE);

    private Parallel() {}

    /** Body of a parallel loop over the half-open index range {@code [start, end)}. */
    @FunctionalInterface
    public interface RangeBody {
        void run(int start, int end);
    }

    /** Current thread count used by kernels. */
    public static int threads() {
        return threads;
    }

    /** Sets the thread count (at least 1); takes effect for the next parallel region. */
    public static synchronized void setThreads(int n) {
        if (n < 1) throw new IllegalArgumentException("thread count must be >= 1, got " + n);
        if (n == threads) return;
        threads = n;
        ExecutorService old = pool;
        pool = null;
        if (old != null) old.shutdown();
    }

    private static ExecutorService pool() {
        ExecutorService p = pool;
        if (p == null) {
            synchronized (Parallel.class) {
                p = pool;
                if (p == null) {
                    p = Executors.newFixedThreadPool(Math.max(1, threads - 1), r -> {
                        Thread t = new Thread(() -> {
                            IN_REGION.set(Boolean.TRUE);
                            r.run();
                        }, "recompose-tensor-worker");
                        t.setDaemon(true);
                        return t;
                    });
                    pool = p;
                }
            }
        }
        return p;
    }

    /**
     * Runs {@code body} over {@code [0, n)} split into at most {@link #threads()} contiguous chunks.
     * Work below {@code minPerChunk} items per chunk, or a call from inside a region, runs inline.
     */
    public static void forRange(int n, int minPerChunk, RangeBody body) {
        if (n <= 0) return;
        int t = threads;
        int chunks = Math.min(t, Math.max(1, n / Math.max(1, minPerChunk)));
        if (chunks <= 1 || IN_REGION.get()) {
            body.run(0, n);
            return;
        }
        ExecutorService p = pool();
        @SuppressWarnings("unchecked")
        Future<?>[] futures = new Future<?>[chunks - 1];
        for (int c = 1; c < chunks; c++) {
            int s = (int) ((long) n * c / chunks), e = (int) ((long) n * (c + 1) / chunks);
            futures[c - 1] = p.submit(() -> body.run(s, e));
        }
        IN_REGION.set(Boolean.TRUE);
        try {
            body.run(0, (int) ((long) n / chunks));
        } finally {
            IN_REGION.set(Boolean.FALSE);
        }
        for (Future<?> f : futures) {
            try {
                f.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for a parallel region", e);
            } catch (ExecutionException e) {
                Throwable c = e.getCause();
                if (c instanceof RuntimeException re) throw re;
                if (c instanceof Error er) throw er;
                throw new IllegalStateException(c);
            }
        }
    }
}
