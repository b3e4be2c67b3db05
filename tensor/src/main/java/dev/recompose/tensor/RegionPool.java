package dev.recompose.tensor;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * The workers behind {@link Parallel}: one region at a time, chunk {@code c} of it run by worker
 * {@code c} (the caller runs chunk 0), workers spinning for a while between regions before they park.
 *
 * <p>It exists because a blocking-queue executor costs a park/unpark per region, ~40 us on the
 * VMs here, and a training step opens about a hundred regions. Protocol: the caller writes the
 * region's fields, sets {@link #pending} and bumps the volatile {@link #generation} (which
 * publishes the fields); a worker that sees a new generation runs its chunk (if the region has
 * one) and decrements {@link #pending}; the caller spins until {@link #pending} is zero. A worker
 * about to park sets its {@code parked} flag, then re-reads the generation; the caller bumps the
 * generation, then unparks every worker whose flag is set, so no wake-up is lost. The pool is
 * stopped only while no region is in flight, so no caller ever waits on a worker that has left.
 */
final class RegionPool {
    private final Thread[] workers;
    private final AtomicBoolean[] parked;
    private final long spinNanos;
    private final AtomicBoolean busy = new AtomicBoolean();
    private final AtomicInteger pending = new AtomicInteger();
    private volatile int generation;
    private volatile boolean shutdown;
    private volatile boolean retiring;
    private volatile Throwable failure;
    // the region: written by the caller before the generation bump, read by workers after it
    private Parallel.RangeBody body;
    private int n;
    private int chunks;

    RegionPool(int workerCount, long spinNanos, ThreadLocal<Boolean> inRegion) {
        if (workerCount < 1) throw new IllegalArgumentException("a pool needs at least one worker, got " + workerCount);
        this.spinNanos = spinNanos;
        this.workers = new Thread[workerCount];
        this.parked = new AtomicBoolean[workerCount];
        for (int w = 0; w < workerCount; w++) {
            parked[w] = new AtomicBoolean();
            final int chunk = w + 1;
            Thread t = new Thread(() -> {
                inRegion.set(Boolean.TRUE);
                work(chunk);
            }, "recompose-tensor-worker-" + chunk);
            t.setDaemon(true);
            workers[w] = t;
            t.start();
        }
    }

    int workers() {
        return workers.length;
    }

    /** Whether any worker thread is still running (a stopped pool's workers leave). */
    boolean anyWorkerAlive() {
        for (Thread t : workers) if (t.isAlive()) return true;
        return false;
    }

    /**
     * Runs {@code body} over {@code [0, n)} in {@code chunks} chunks ({@code chunks <= workers + 1}),
     * chunk 0 on the calling thread; false (nothing run) when another region holds the pool.
     */
    boolean run(int n, int chunks, Parallel.RangeBody body) {
        if (chunks < 2 || chunks > workers.length + 1) throw new IllegalArgumentException("chunks must be in [2, " + (workers.length + 1) + "], got " + chunks);
        if (!busy.compareAndSet(false, true)) return false;
        try {
            this.body = body;
            this.n = n;
            this.chunks = chunks;
            this.failure = null;
            pending.set(workers.length);
            generation = generation + 1;
            for (int w = 0; w < workers.length; w++) {
                if (parked[w].get()) LockSupport.unpark(workers[w]);
            }
            Throwable mine = null;
            try {
                body.run(0, (int) ((long) n / chunks));
            } catch (RuntimeException | Error e) {
                mine = e;
            }
            int spins = 0;
            while (pending.get() != 0) {
                if (++spins < 1 << 16) Thread.onSpinWait();
                else Thread.yield();
            }
            this.body = null;
            Throwable f = mine != null ? mine : failure;
            if (f instanceof RuntimeException re) throw re;
            if (f instanceof Error er) throw er;
            return true;
        } finally {
            busy.set(false);
            if (retiring && busy.compareAndSet(false, true)) stop();
        }
    }

    /**
     * Stops the workers once no region is in flight (at once, or when the one in flight ends); the
     * pool then runs nothing ({@link #run} answers false for good).
     */
    void shutdown() {
        retiring = true;
        if (busy.compareAndSet(false, true)) stop();
    }

    private void stop() {
        shutdown = true;
        for (Thread t : workers) LockSupport.unpark(t);
    }

    private void work(int chunk) {
        AtomicBoolean myFlag = parked[chunk - 1];
        int seen = 0; // not the field: a region may have been published before this thread ran
        while (true) {
            long spinUntil = System.nanoTime() + spinNanos;
            while (generation == seen && !shutdown) {
                if (System.nanoTime() < spinUntil) {
                    Thread.onSpinWait();
                    continue;
                }
                myFlag.set(true);
                if (generation == seen && !shutdown) LockSupport.park(this);
                myFlag.set(false);
            }
            if (generation == seen) return; // stopped, and no region was left to run
            seen = generation;
            int c = chunks;
            if (chunk < c) {
                int s = (int) ((long) n * chunk / c), e = (int) ((long) n * (chunk + 1) / c);
                try {
                    body.run(s, e);
                } catch (RuntimeException | Error e2) {
                    failure = e2;
                }
            }
            pending.decrementAndGet();
        }
    }
}
