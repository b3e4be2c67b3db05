package dev.recompose.tensor;

/**
 * The engine's one thread pool: a global, settable thread count and a fixed set of daemon workers.
 *
 * <p>Kernels split work with {@link #forRange}; a call made from inside a parallel region (or from a
 * worker) runs inline, so regions never nest and the machine is never oversubscribed. The default
 * is all available cores; {@link #setThreads(int)} pins it (for benchmarks and reproducibility).
 *
 * <p>A training step opens about a hundred regions (a DeepFM step at batch 4096: 99), most of them
 * a few hundred microseconds long, so how fast a worker starts matters: woken through a blocking
 * queue it took ~40 us per region on the 2-vCPU VMs here, 4 ms of a 77 ms step spent waiting. The
 * workers therefore wait for the next region spinning for {@link #SPIN_NANOS} (as OpenMP runtimes
 * do, GOMP_SPINCOUNT) and only then park; {@code -Drecompose.spin_us=0} parks at once.
 */
public final class Parallel {
    /** How long an idle worker spins for the next region before it parks. */
    static final long SPIN_NANOS = 1000L * Long.getLong("recompose.spin_us", 200L);

    private static volatile int threads = Math.max(1, Runtime.getRuntime().availableProcessors());
    private static volatile RegionPool pool;
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
        RegionPool old = pool;
        pool = null;
        if (old != null) old.shutdown();
    }

    private static RegionPool pool(int t) {
        RegionPool p = pool;
        if (p == null || p.workers() < t - 1) {
            synchronized (Parallel.class) {
                p = pool;
                if (p == null || p.workers() < t - 1) {
                    if (p != null) p.shutdown();
                    p = new RegionPool(Math.max(1, threads - 1), SPIN_NANOS, IN_REGION);
                    pool = p;
                }
            }
        }
        return p;
    }

    /**
     * Runs {@code body} over {@code [0, n)} split into at most {@link #threads()} contiguous chunks.
     * Work below {@code minPerChunk} items per chunk, or a call from inside a region, runs inline.
     * Chunk {@code c} always covers {@code [n*c/chunks, n*(c+1)/chunks)}, whichever thread runs it.
     */
    public static void forRange(int n, int minPerChunk, RangeBody body) {
        if (n <= 0) return;
        int t = threads;
        int chunks = Math.min(t, Math.max(1, n / Math.max(1, minPerChunk)));
        if (chunks <= 1 || IN_REGION.get()) {
            body.run(0, n);
            return;
        }
        IN_REGION.set(Boolean.TRUE);
        try {
            if (!pool(chunks).run(n, chunks, body)) body.run(0, n); // another caller holds the pool
        } finally {
            IN_REGION.set(Boolean.FALSE);
        }
    }
}
