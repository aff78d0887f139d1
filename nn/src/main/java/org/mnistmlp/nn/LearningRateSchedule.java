package org.mnistmlp.nn;

/**
 * How the learning rate moves over a run: the rate for step {@code step} (counting from 0) of
 * {@code totalSteps}. Set it before each optimizer step:
 * <pre>{@code
 * LearningRateSchedule schedule = LearningRateSchedule.warmupCosine(0.1, 500);
 * for (long step = 0; step < total; step++) {
 *     optimizer.setLearningRate(schedule.rate(step, total));
 *     ...   // zeroGrad, forward, backward
 *     optimizer.step();
 * }
 * }</pre>
 * Each factory below matches the PyTorch scheduler it names when that is stepped once per batch.
 */
@FunctionalInterface
public interface LearningRateSchedule {

    /** The learning rate for step {@code step} (0-based, below {@code totalSteps}) of a run of {@code totalSteps} steps. */
    double rate(long step, long totalSteps);

    /** The same rate throughout. */
    static LearningRateSchedule constant(double lr) {
        return (step, totalSteps) -> lr;
    }

    /** {@code lr·gamma^⌊step / stepSize⌋}, PyTorch's {@code StepLR}: the rate drops by {@code gamma} every {@code stepSize} steps. */
    static LearningRateSchedule step(double lr, long stepSize, double gamma) {
        if (stepSize < 1) {
            throw new IllegalArgumentException("step schedule: the step size must be at least 1, got " + stepSize);
        }
        return (step, totalSteps) -> lr * Math.pow(gamma, step / stepSize);
    }

    /**
     * Cosine annealing from {@code lr} at step 0 towards 0 at {@code totalSteps}, PyTorch's
     * {@code CosineAnnealingLR} with {@code T_max = totalSteps} and {@code eta_min = 0}:
     * {@code lr·(1 + cos(π·step / totalSteps)) / 2}.
     */
    static LearningRateSchedule cosine(double lr) {
        return (step, totalSteps) -> lr * cosineFactor(step, Math.max(1, totalSteps));
    }

    /**
     * A linear warm-up over the first {@code warmupSteps} steps, {@code lr·(step + 1) / warmupSteps},
     * reaching {@code lr} at the last of them, then cosine annealing from {@code lr} towards 0 over the
     * remaining steps.
     */
    static LearningRateSchedule warmupCosine(double lr, long warmupSteps) {
        if (warmupSteps < 0) {
            throw new IllegalArgumentException("warm-up schedule: warm-up steps must be at least 0, got " + warmupSteps);
        }
        return (step, totalSteps) -> step < warmupSteps
                ? lr * (step + 1) / warmupSteps
                : lr * cosineFactor(step - warmupSteps, Math.max(1, totalSteps - warmupSteps));
    }

    /**
     * PyTorch's {@code OneCycleLR} with cosine annealing and two phases, stepped once per batch: from
     * {@code maxLr / divFactor} up to {@code maxLr} over the first {@code pctStart} of the run, then
     * down to {@code maxLr / divFactor / finalDivFactor} at the last step. The first phase ends at step
     * {@code pctStart·totalSteps − 1}, the second at {@code totalSteps − 1}. (PyTorch also cycles the
     * momentum by default; this schedules the learning rate only.)
     */
    static LearningRateSchedule oneCycle(double maxLr, double pctStart, double divFactor, double finalDivFactor) {
        if (!(pctStart > 0 && pctStart < 1)) {
            throw new IllegalArgumentException("one-cycle schedule: pctStart must be in (0, 1), got " + pctStart);
        }
        double initial = maxLr / divFactor;
        double last = initial / finalDivFactor;
        return (step, totalSteps) -> {
            double upEnd = pctStart * totalSteps - 1;
            double downEnd = totalSteps - 1;
            if (upEnd < 1 || downEnd <= upEnd) {
                throw new IllegalArgumentException("one-cycle schedule: " + totalSteps + " steps with pctStart " + pctStart
                        + " leave a phase shorter than 2 steps");
            }
            if (step <= upEnd) {
                return anneal(initial, maxLr, step / upEnd);
            }
            return anneal(maxLr, last, (step - upEnd) / (downEnd - upEnd));
        };
    }

    /** {@link #oneCycle(double, double, double, double)} with PyTorch's defaults: divFactor 25, finalDivFactor 10⁴. */
    static LearningRateSchedule oneCycle(double maxLr, double pctStart) {
        return oneCycle(maxLr, pctStart, 25, 1e4);
    }

    /** The cosine factor {@code (1 + cos(π·step / steps)) / 2}, from 1 at step 0 to 0 at {@code steps}. */
    private static double cosineFactor(long step, long steps) {
        return 0.5 * (1 + Math.cos(Math.PI * step / steps));
    }

    /** PyTorch's {@code _annealing_cos}: from {@code start} at fraction 0 to {@code end} at fraction 1. */
    private static double anneal(double start, double end, double fraction) {
        return end + (start - end) / 2 * (Math.cos(Math.PI * fraction) + 1);
    }
}
