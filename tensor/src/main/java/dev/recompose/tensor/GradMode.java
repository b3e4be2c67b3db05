package dev.recompose.tensor;

/**
 * Thread-local switch that turns gradient recording off, like {@code torch.no_grad()}.
 *
 * <p>Evaluation and optimizer updates must not grow the autograd tape; a scoped, closeable guard
 * makes that explicit: {@code try (var g = GradMode.noGrad()) { ... }}.
 */
public final class GradMode {
    private static final ThreadLocal<int[]> DISABLED_DEPTH = ThreadLocal.withInitial(() -> new int[1]);

    private GradMode() {}

    /** Whether ops on this thread currently record the tape. */
    public static boolean isEnabled() {
        return DISABLED_DEPTH.get()[0] == 0;
    }

    /** Disables recording until the returned guard is closed; guards nest. */
    public static Guard noGrad() {
        DISABLED_DEPTH.get()[0]++;
        return new Guard();
    }

    /** Scope guard returned by {@link #noGrad()}; closing it restores the previous mode. */
    public static final class Guard implements AutoCloseable {
        private boolean closed;

        private Guard() {}

        @Override
        public void close() {
            if (closed) return;
            closed = true;
            DISABLED_DEPTH.get()[0]--;
        }
    }
}
