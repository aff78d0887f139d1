package org.mnistmlp.plots;

/** Smoothing of noisy per-step series. */
public final class Smoothing {

    private Smoothing() {}

    /**
     * Returns the bias-corrected exponential moving average of the values.
     *
     * <p>The running average {@code m[i] = weight * m[i-1] + (1 - weight) * values[i]}, started
     * from {@code m[-1] = 0}, is divided by {@code 1 - weight^(i+1)} so that early points are the
     * weighted mean of the values seen so far instead of being pulled towards zero.
     *
     * @param values the series to smooth
     * @param weight how much of the past each point keeps, in {@code [0, 1)}; 0 returns a copy of the
     *     values, 0.98 averages over roughly the last 50 values
     * @return a new array of the same length
     * @throws IllegalArgumentException if the weight is outside {@code [0, 1)}
     */
    public static double[] exponentialMovingAverage(double[] values, double weight) {
        if (!(weight >= 0 && weight < 1)) {
            throw new IllegalArgumentException("smoothing weight must be in [0, 1), got " + weight);
        }
        double[] smoothed = new double[values.length];
        double average = 0;
        double pastWeight = 1;
        for (int i = 0; i < values.length; i++) {
            average = weight * average + (1 - weight) * values[i];
            pastWeight *= weight;
            smoothed[i] = average / (1 - pastWeight);
        }
        return smoothed;
    }
}
