package org.mnistmlp.datasets;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Real MNIST digits, which were made by the same steps, come back almost unchanged from a rendering
 * as a photo: enlarged, off-centre, dark on white.
 */
class DigitImageSubsetTest {
    private static final ImageSet TEST = MnistLoader.fromFolder(DatasetName.MNIST, SubsetTest.SUBSET).test();
    private static final int DIGITS = 100;

    @ParameterizedTest
    @ValueSource(ints = {1, 3, 10})
    void renderedDigitsPrepareBackToTheirOriginals(int scale) {
        double worst = 1;
        double mean = 0;
        for (int i = 0; i < DIGITS; i++) {
            int[] prepared = DigitImage.of(RenderedDigits.photo(TEST, i, scale)).pixels();
            double r = correlation(prepared, TEST, i);
            worst = Math.min(worst, r);
            mean += r / DIGITS;
        }
        // measured: mean 0.95 to 0.98, worst 0.66 to 0.75 (a whole-pixel shift of a thin digit costs much)
        assertTrue(mean > 0.93, "mean correlation with the originals " + mean);
        assertTrue(worst > 0.6, "worst correlation with an original " + worst);
    }

    /** Pearson's correlation between prepared pixels and the original image {@code index}. */
    private static double correlation(int[] prepared, ImageSet set, int index) {
        int n = prepared.length;
        double sa = 0, sb = 0, saa = 0, sbb = 0, sab = 0;
        for (int p = 0; p < n; p++) {
            double a = prepared[p];
            double b = set.pixel(index, p);
            sa += a;
            sb += b;
            saa += a * a;
            sbb += b * b;
            sab += a * b;
        }
        double cov = sab - sa * sb / n;
        return cov / Math.sqrt((saa - sa * sa / n) * (sbb - sb * sb / n));
    }
}
