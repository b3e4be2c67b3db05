package dev.recompose.tensor.optim;

/**
 * Learning-rate schedules as pure functions of the step: {@code lr(step) = base * factor(step)}.
 *
 * <p>Transformer recipes warm up linearly and decay by cosine; CTR recipes often use step decay.
 * A schedule is a value (a record), so it can be written into an experiment's config hash.
 */
public sealed interface LrSchedule {
    /** Multiplier of the base learning rate at {@code step} (counting from 0). */
    double factor(int step);

    /** Sets {@code opt}'s learning rate for {@code step}. */
    default void apply(Optimizer opt, double baseLr, int step) {
        opt.setLr(baseLr * factor(step));
    }

    /** Constant 1. */
    record Constant() implements LrSchedule {
        public double factor(int step) { return 1; }
    }

    /** Linear ramp from 1/warmup to 1 over {@code warmup} steps, then 1. */
    record LinearWarmup(int warmup) implements LrSchedule {
        public LinearWarmup {
            if (warmup < 1) throw new IllegalArgumentException("warmup must be >= 1, got " + warmup);
        }

        public double factor(int step) { return Math.min(1.0, (step + 1) / (double) warmup); }
    }

    /** Cosine decay from 1 to {@code minFactor} over {@code total} steps, then {@code minFactor}. */
    record Cosine(int total, double minFactor) implements LrSchedule {
        public Cosine {
            if (total < 1) throw new IllegalArgumentException("total must be >= 1, got " + total);
        }

        public double factor(int step) {
            double t = Math.min(1.0, step / (double) total);
            return minFactor + (1 - minFactor) * 0.5 * (1 + Math.cos(Math.PI * t));
        }
    }

    /** Multiplies by {@code gamma} every {@code every} steps. */
    record Step(int every, double gamma) implements LrSchedule {
        public Step {
            if (every < 1) throw new IllegalArgumentException("every must be >= 1, got " + every);
        }

        public double factor(int step) { return Math.pow(gamma, step / every); }
    }

    /** Linear warm-up for {@code warmup} steps, then cosine decay to {@code minFactor} at {@code total}. */
    record WarmupCosine(int warmup, int total, double minFactor) implements LrSchedule {
        public WarmupCosine {
            if (warmup < 0 || total <= warmup) throw new IllegalArgumentException("need 0 <= warmup < total, got " + warmup + ", " + total);
        }

        public double factor(int step) {
            if (step < warmup) return (step + 1) / (double) warmup;
            return new Cosine(total - warmup, minFactor).factor(step - warmup);
        }
    }
}
