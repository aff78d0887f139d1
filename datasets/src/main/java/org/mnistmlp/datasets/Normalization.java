package org.mnistmlp.datasets;

/**
 * Turns a pixel byte {@code p} (0..255) into the float {@code (p / 255 - mean) / std}.
 *
 * @param mean the mean of the scaled pixels ({@code p / 255}) to subtract
 * @param std the standard deviation to divide by; positive
 */
public record Normalization(float mean, float std) {

    private static final int LEVELS = 256;

    /**
     * Validates the statistics.
     *
     * @throws IllegalArgumentException if either is not finite or {@code std} is not positive
     */
    public Normalization {
        if (!Float.isFinite(mean) || !Float.isFinite(std) || std <= 0) {
            throw new IllegalArgumentException(
                    "normalization needs a finite mean and a positive std, got mean "
                            + mean + " std " + std);
        }
    }

    /**
     * The usual statistics of a data set's training images: MNIST mean 0.1307 std 0.3081,
     * Fashion-MNIST mean 0.2860 std 0.3530.
     *
     * @param name the data set
     * @return its normalization
     */
    public static Normalization forDataset(DatasetName name) {
        return new Normalization(name.mean(), name.std());
    }

    /**
     * Normalizes one pixel.
     *
     * @param pixel the pixel value, 0..255
     * @return {@code (pixel / 255 - mean) / std}
     */
    public float apply(int pixel) {
        return (pixel / 255f - mean) / std;
    }

    /** @return {@link #apply} for every pixel value 0..255, indexed by that value */
    float[] table() {
        float[] table = new float[LEVELS];
        for (int p = 0; p < LEVELS; p++) {
            table[p] = apply(p);
        }
        return table;
    }
}
