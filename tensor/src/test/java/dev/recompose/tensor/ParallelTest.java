package dev.recompose.tensor;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

@org.junit.jupiter.api.Timeout(120)
class ParallelTest {
    @AfterEach
    void restore() {
        Parallel.setThreads(Math.max(1, Runtime.getRuntime().availableProcessors()));
    }

    /** Every index of every region is visited exactly once, in the documented chunks. */
    @Test
    void everyIndexOnceOverManyRegions() {
        Parallel.setThreads(3);
        for (int region = 0; region < 2000; region++) {
            int n = 1 + region % 97;
            int[] hits = new int[n];
            int[] owner = new int[n];
            Parallel.forRange(n, 1, (s, e) -> {
                for (int i = s; i < e; i++) {
                    hits[i]++;
                    owner[i] = s;
                }
            });
            int[] ones = new int[n];
            java.util.Arrays.fill(ones, 1);
            assertArrayEquals(ones, hits, "region " + region);
            int chunks = Math.min(3, n);
            for (int c = 0; c < chunks; c++) {
                int s = (int) ((long) n * c / chunks), e = (int) ((long) n * (c + 1) / chunks);
                for (int i = s; i < e; i++) assertEquals(s, owner[i], "chunk start of index " + i);
            }
        }
    }

    /** Workers that have parked (no spinning at all) are still woken for each new region. */
    @Test
    void parkedWorkersAreWoken() {
        RegionPool pool = new RegionPool(2, 0L, ThreadLocal.withInitial(() -> Boolean.FALSE));
        try {
            for (int region = 0; region < 200; region++) {
                AtomicInteger sum = new AtomicInteger();
                if (region % 20 == 0) LockSupport.parkNanos(2_000_000L); // let the workers park
                assertTrue(pool.run(30, 3, (s, e) -> sum.addAndGet(e - s)));
                assertEquals(30, sum.get());
            }
        } finally {
            pool.shutdown();
        }
    }

    @Test
    void failuresReachTheCallerAndThePoolGoesOn() {
        Parallel.setThreads(2);
        IllegalStateException onWorker = assertThrows(IllegalStateException.class, () ->
                Parallel.forRange(10, 1, (s, e) -> {
                    if (s > 0) throw new IllegalStateException("worker chunk " + s);
                }));
        assertEquals("worker chunk 5", onWorker.getMessage());
        assertThrows(ArithmeticException.class, () ->
                Parallel.forRange(10, 1, (s, e) -> {
                    if (s == 0) throw new ArithmeticException("caller chunk");
                }));
        AtomicInteger sum = new AtomicInteger();
        Parallel.forRange(10, 1, (s, e) -> sum.addAndGet(e - s));
        assertEquals(10, sum.get());
    }

    @Test
    void nestedRegionsRunInline() {
        Parallel.setThreads(2);
        AtomicInteger inner = new AtomicInteger();
        Parallel.forRange(4, 1, (s, e) -> Parallel.forRange(8, 1, (s2, e2) -> {
            assertEquals(0, s2);
            assertEquals(8, e2);
            inner.incrementAndGet();
        }));
        assertEquals(2, inner.get());
    }

    /** Two callers at once: one gets the pool, the other runs its region inline; both see every index. */
    @Test
    void concurrentCallersBothComplete() throws Exception {
        Parallel.setThreads(2);
        long[] totals = new long[2];
        Thread[] callers = new Thread[2];
        for (int c = 0; c < 2; c++) {
            final int me = c;
            callers[c] = new Thread(() -> {
                for (int region = 0; region < 500; region++) {
                    AtomicInteger sum = new AtomicInteger();
                    Parallel.forRange(64, 1, (s, e) -> sum.addAndGet(e - s));
                    totals[me] += sum.get();
                }
            });
            callers[c].start();
        }
        for (Thread t : callers) t.join(60_000);
        for (Thread t : callers) assertFalse(t.isAlive(), "a caller hung");
        assertEquals(500L * 64, totals[0]);
        assertEquals(500L * 64, totals[1]);
    }

    @Test
    void aStoppedPoolRunsNothingAndItsWorkersLeave() throws Exception {
        RegionPool pool = new RegionPool(1, 1_000_000L, ThreadLocal.withInitial(() -> Boolean.FALSE));
        assertTrue(pool.run(2, 2, (s, e) -> { }));
        pool.shutdown();
        assertFalse(pool.run(2, 2, (s, e) -> { }));
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (pool.anyWorkerAlive() && System.nanoTime() < deadline) Thread.sleep(5);
        assertFalse(pool.anyWorkerAlive(), "a stopped pool's worker is still running");
        // changing the thread count mid-run replaces the pool; regions keep working
        for (int threads : new int[] {2, 3, 1, 2}) {
            Parallel.setThreads(threads);
            AtomicInteger sum = new AtomicInteger();
            Parallel.forRange(100, 1, (s, e) -> sum.addAndGet(e - s));
            assertEquals(100, sum.get());
        }
    }

}
