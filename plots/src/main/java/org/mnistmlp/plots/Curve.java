package org.mnistmlp.plots;

import java.util.List;
import java.util.function.ToDoubleFunction;

/** The x and y values of one plotted series, ready to hand to XChart. */
record Curve(double[] x, double[] y) {

    /** How much of the past the per-step loss curve keeps: about the last 50 steps. */
    static final double STEP_SMOOTHING_WEIGHT = 0.98;

    /** The most points a per-step curve is drawn with. */
    static final int MAX_PLOTTED_POINTS = 2_000;

    /** Returns the smoothed per-step loss, downsampled to at most {@link #MAX_PLOTTED_POINTS}. */
    static Curve smoothedLoss(List<StepPoint> steps) {
        double[] losses = steps.stream().mapToDouble(StepPoint::loss).toArray();
        double[] smoothed = Smoothing.exponentialMovingAverage(losses, STEP_SMOOTHING_WEIGHT);
        int[] kept = Downsampling.evenlySpacedIndices(steps.size(), MAX_PLOTTED_POINTS);
        double[] x = new double[kept.length];
        double[] y = new double[kept.length];
        for (int i = 0; i < kept.length; i++) {
            x[i] = steps.get(kept[i]).epochPosition();
            y[i] = smoothed[kept[i]];
        }
        return new Curve(x, y);
    }

    /**
     * Returns one value per epoch, drawn at the epoch's end moved by {@code shift} epochs ({@code -0.5}
     * for the epoch's middle).
     */
    static Curve perEpoch(List<EpochPoint> epochs, ToDoubleFunction<EpochPoint> value, double shift) {
        return new Curve(epochs.stream().mapToDouble(e -> e.epoch() + shift).toArray(),
                epochs.stream().mapToDouble(value).toArray());
    }

    /** Returns one validation value per validated epoch, drawn at the epoch's end. */
    static Curve perValidation(List<ValidationPoint> points, ToDoubleFunction<ValidationPoint> value) {
        return new Curve(points.stream().mapToDouble(ValidationPoint::epoch).toArray(),
                points.stream().mapToDouble(value).toArray());
    }

    /** Returns whether the curve has no points (XChart refuses empty series). */
    boolean isEmpty() {
        return x.length == 0;
    }
}
