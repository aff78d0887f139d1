package org.mnistmlp.nn.metrics;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Per-class figures against a small example worked out by hand. */
class ConfusionMatrixTest {
    private static final double EPS = 1e-12;

    /**
     * Three classes, ten predictions. By hand, rows true, columns predicted:
     * <pre>
     *   true 0: 3 1 0      column sums: 5 2 3
     *   true 1: 1 1 0
     *   true 2: 1 0 3
     * </pre>
     */
    private static ConfusionMatrix example() {
        ConfusionMatrix m = new ConfusionMatrix(3);
        m.addAll(new int[] {0, 0, 0, 1, 1, 2, 2, 2, 2, 0}, new int[] {0, 0, 1, 1, 0, 2, 2, 0, 2, 0});
        return m;
    }

    @Test
    void countsPairsByTrueRowAndPredictedColumn() {
        ConfusionMatrix m = example();
        assertArrayEquals(new long[][] {{3, 1, 0}, {1, 1, 0}, {1, 0, 3}}, m.counts());
        assertEquals(10, m.total());
        assertEquals(7, m.correct());
        assertEquals(0.7, m.accuracy(), EPS);
        assertEquals(4, m.support(0));
        assertEquals(5, m.predictedCount(0));
    }

    @Test
    void perClassPrecisionRecallAndF1() {
        ConfusionMatrix m = example();
        assertEquals(3.0 / 5, m.precision(0), EPS);
        assertEquals(3.0 / 4, m.recall(0), EPS);
        assertEquals(2.0 / 3, m.f1(0), EPS);           // 2·0.6·0.75 / (0.6 + 0.75)
        assertEquals(0.5, m.precision(1), EPS);
        assertEquals(0.5, m.recall(1), EPS);
        assertEquals(0.5, m.f1(1), EPS);
        assertEquals(1.0, m.precision(2), EPS);
        assertEquals(3.0 / 4, m.recall(2), EPS);
        assertEquals(6.0 / 7, m.f1(2), EPS);           // 2·1·0.75 / 1.75
    }

    @Test
    void macroAveragesAreUnweightedMeansOverClasses() {
        ConfusionMatrix m = example();
        assertEquals((0.6 + 0.5 + 1.0) / 3, m.macroPrecision(), EPS);
        assertEquals((0.75 + 0.5 + 0.75) / 3, m.macroRecall(), EPS);
        assertEquals((2.0 / 3 + 0.5 + 6.0 / 7) / 3, m.macroF1(), EPS);
    }

    @Test
    void undefinedRatiosAreNaNAndAbsentClassesStayOutOfMacroAverages() {
        ConfusionMatrix m = new ConfusionMatrix(4);
        // class 2 is a label but never predicted; class 3 never occurs at all
        m.addAll(new int[] {0, 1, 2, 2}, new int[] {0, 1, 0, 1});
        assertTrue(Double.isNaN(m.precision(2)));
        assertEquals(0.0, m.recall(2), EPS);
        assertEquals(0.0, m.f1(2), EPS);
        assertTrue(Double.isNaN(m.precision(3)) && Double.isNaN(m.recall(3)) && Double.isNaN(m.f1(3)));
        // precision: class 0 1/2, class 1 1/2, class 2 undefined → 0; class 3 left out
        assertEquals((0.5 + 0.5 + 0) / 3, m.macroPrecision(), EPS);
        assertEquals((1 + 1 + 0) / 3.0, m.macroRecall(), EPS);
        assertTrue(Double.isNaN(new ConfusionMatrix(2).accuracy()));
    }

    @Test
    void refusesClassesOutOfRangeWithTheValue() {
        ConfusionMatrix m = new ConfusionMatrix(3);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> m.add(3, 0));
        assertEquals("label 3 is not a class of 0..2", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> m.add(0, -1));
        assertThrows(IllegalArgumentException.class, () -> m.addAll(new int[2], new int[3]));
        assertEquals(0, m.total(), "nothing counted by a refused call");
    }

    @Test
    void countsIsACopy() {
        ConfusionMatrix m = example();
        m.counts()[0][0] = 100;
        assertEquals(3, m.count(0, 0));
    }
}
