package org.mnistmlp.plots;

/** Choice of the points to draw when a series has more points than a chart can show. */
public final class Downsampling {

    private Downsampling() {}

    /**
     * Returns at most {@code maxPoints} evenly spaced indices into a series of {@code count} points,
     * always including the first and the last.
     *
     * @param count the number of points in the series, at least 0
     * @param maxPoints the largest number of indices to return, at least 2
     * @return strictly increasing indices; all indices {@code 0..count-1} when they fit
     * @throws IllegalArgumentException if {@code count} is negative or {@code maxPoints} is below 2
     */
    public static int[] evenlySpacedIndices(int count, int maxPoints) {
        if (count < 0) {
            throw new IllegalArgumentException("count must not be negative, got " + count);
        }
        if (maxPoints < 2) {
            throw new IllegalArgumentException("maxPoints must be at least 2, got " + maxPoints);
        }
        int kept = Math.min(count, maxPoints);
        int[] indices = new int[kept];
        for (int i = 0; i < kept; i++) {
            indices[i] = kept == count ? i : (int) Math.round((double) i * (count - 1) / (kept - 1));
        }
        return indices;
    }
}
