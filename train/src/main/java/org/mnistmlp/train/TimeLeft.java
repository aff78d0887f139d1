package org.mnistmlp.train;

/**
 * The time left in an epoch, from the speed of the latest half second of steps rather than from the
 * epoch's start: the first steps of a run are slow while the JIT compiles, and extrapolating from them
 * told 2:58 for a 2-second epoch. Unknown until half a second after the first step of the first
 * epoch; later epochs start from the previous epoch's speed.
 */
final class TimeLeft {
    static final double WINDOW_SECONDS = 0.5;

    private double secondsPerStep = Double.NaN;
    private int windowStep;
    private double windowStart = Double.NaN;

    /** Starts an epoch; {@code previousSecondsPerStep} is NaN when there was no previous epoch. */
    void startEpoch(double previousSecondsPerStep) {
        secondsPerStep = previousSecondsPerStep;
        windowStart = Double.NaN;
    }

    /** Records that {@code step} of the epoch ended {@code seconds} after the epoch started. */
    void step(int step, double seconds) {
        if (Double.isNaN(windowStart)) {
            windowStep = step;
            windowStart = seconds;
        } else if (seconds - windowStart >= WINDOW_SECONDS) {
            secondsPerStep = (seconds - windowStart) / (step - windowStep);
            windowStep = step;
            windowStart = seconds;
        }
    }

    /** Seconds until the epoch's last step, or NaN while the speed is not known yet. */
    double seconds(int step, int stepsPerEpoch) {
        return (stepsPerEpoch - step) * secondsPerStep;
    }
}
