package dev.recompose.tensor;

/**
 * Large float arrays that every element of is written before any is read, allocated without the
 * JVM's zeroing where the runtime allows it.
 *
 * <p>It exists because Java zeroes every new array on the allocating thread while the other workers
 * wait: a DeepFM training step allocates about 100 MB of activations and gradients (an NRMS step
 * 1.8 GB), and clearing one 4096 x 400 array takes ~0.3 ms (23 GB/s) of memory that the next
 * instruction overwrites. End to end the saving was within the test machine's noise (BENCHMARKS.md,
 * CTR speed), so this is a pass over memory removed rather than a measured speed-up.
 * {@code jdk.internal.misc.Unsafe.allocateUninitializedArray} (what the JDK's own string code uses)
 * skips the clearing; it needs {@code --add-exports java.base/jdk.internal.misc=ALL-UNNAMED}, which
 * the {@code recompose} launcher and the test runs pass ({@code -Drecompose.zeroed_buffers=true}
 * turns it off). Without it, or below {@link #MIN_UNINITIALIZED} elements, this is a plain
 * {@code new float[n]}.
 *
 * <p>Only for arrays whose producer provably writes every element (a bias broadcast, an
 * element-wise map, a product with {@code beta = 0}); anything that accumulates into its buffer
 * must keep using zeroed arrays.
 */
final class Buffers {
    /** Arrays smaller than this are zeroed as usual: clearing them costs nothing worth the risk. */
    static final int MIN_UNINITIALIZED = 1 << 15;
    /** {@code Unsafe.allocateUninitializedArray} bound to the Unsafe instance, or null without the export. */
    private static final java.lang.invoke.MethodHandle ALLOCATE = allocator();

    private Buffers() {}

    /** Whether the runtime lets this class skip zeroing (the export is present and works). */
    static boolean skipsZeroing() {
        return ALLOCATE != null;
    }

    /**
     * A float array of length {@code n} with undefined contents when {@code n} is large and the
     * runtime allows it: the caller must write all of it before reading any of it.
     */
    static float[] uninitialized(int n) {
        if (n < 0) throw new NegativeArraySizeException("negative array length " + n);
        if (ALLOCATE == null || n < MIN_UNINITIALIZED) return new float[n];
        try {
            return (float[]) (Object) ALLOCATE.invokeExact(float.class, n);
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable t) {
            throw new IllegalStateException("uninitialized allocation failed", t);
        }
    }

    /**
     * Looked up reflectively (the build compiles with {@code --release}, which cannot name
     * {@code jdk.internal} packages); a constant handle inlines to the same allocation intrinsic.
     */
    private static java.lang.invoke.MethodHandle allocator() {
        if (Boolean.getBoolean("recompose.zeroed_buffers")) return null;
        try {
            Class<?> unsafe = Class.forName("jdk.internal.misc.Unsafe");
            if (!unsafe.getModule().isExported("jdk.internal.misc", Buffers.class.getModule())) return null;
            var lookup = java.lang.invoke.MethodHandles.lookup();
            Object instance = lookup.findStatic(unsafe, "getUnsafe", java.lang.invoke.MethodType.methodType(unsafe)).invoke();
            var h = lookup.findVirtual(unsafe, "allocateUninitializedArray",
                    java.lang.invoke.MethodType.methodType(Object.class, Class.class, int.class)).bindTo(instance);
            Object probe = h.invokeExact(float.class, MIN_UNINITIALIZED);
            return probe instanceof float[] f && f.length == MIN_UNINITIALIZED ? h : null;
        } catch (Throwable t) {
            return null;
        }
    }
}
