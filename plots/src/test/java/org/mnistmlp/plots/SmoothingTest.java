package org.mnistmlp.plots;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class SmoothingTest {

    @Test
    void biasCorrectedAverageMatchesHandComputedValues() {
        // m1 = 0.5, m2 = 0.25 + 1 = 1.25, m3 = 0.625 + 1.5 = 2.125; divided by 0.5, 0.75, 0.875
        double[] smoothed = Smoothing.exponentialMovingAverage(new double[] {1, 2, 3}, 0.5);

        assertArrayEquals(new double[] {1, 5.0 / 3, 17.0 / 7}, smoothed, 1e-12);
    }

    @Test
    void constantSeriesStaysConstantFromTheFirstPoint() {
        double[] smoothed = Smoothing.exponentialMovingAverage(new double[] {2, 2, 2, 2}, 0.98);

        assertArrayEquals(new double[] {2, 2, 2, 2}, smoothed, 1e-12);
    }

    @Test
    void zeroWeightLeavesValuesUnchanged() {
        double[] values = {3, 1, 4, 1, 5};

        assertArrayEquals(values, Smoothing.exponentialMovingAverage(values, 0), 1e-12);
    }

    @Test
    void emptyInputGivesEmptyOutput() {
        assertEquals(0, Smoothing.exponentialMovingAverage(new double[0], 0.9).length);
    }

    @Test
    void rejectsWeightOutsideUnitInterval() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Smoothing.exponentialMovingAverage(new double[] {1}, 1));

        assertEquals("smoothing weight must be in [0, 1), got 1.0", e.getMessage());
    }
}
