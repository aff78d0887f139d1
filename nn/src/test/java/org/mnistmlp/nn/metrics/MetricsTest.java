package org.mnistmlp.nn.metrics;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.mnistmlp.autograd.Tensor;

class MetricsTest {

    @Test
    void argmaxPicksEachRowsLargestAndTheFirstOnATie() {
        Tensor scores = Tensor.matrix(new float[][] {
                {0.1f, 2f, -1f},
                {-3f, -2f, -1f},
                {5f, 1f, 5f},      // tie: the first, as PyTorch
                {0f, 0f, 0f}});
        assertArrayEquals(new int[] {1, 2, 0, 0}, Metrics.argmax(scores));
    }

    @Test
    void argmaxRefusesAVector() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Metrics.argmax(Tensor.vector(1, 2)));
        assertEquals("argmax: expected a [rows, classes] matrix, got shape [2]", e.getMessage());
    }

    @Test
    void accuracyIsTheFractionRight() {
        assertEquals(0.6, Metrics.accuracy(new int[] {1, 2, 3, 4, 5}, new int[] {1, 0, 3, 0, 5}), 1e-12);
        assertThrows(IllegalArgumentException.class, () -> Metrics.accuracy(new int[0], new int[0]));
        assertThrows(IllegalArgumentException.class, () -> Metrics.accuracy(new int[2], new int[3]));
    }

    @Test
    void topKOrdersByScoreDescending() {
        float[] p = {0.05f, 0.6f, 0.05f, 0.3f};
        assertArrayEquals(new int[] {1, 3, 0}, Metrics.topK(p, 3), "the tie 0/2 keeps class 0 first");
        assertArrayEquals(new int[] {1}, Metrics.topK(p, 1));
        assertThrows(IllegalArgumentException.class, () -> Metrics.topK(p, 5));
        assertThrows(IllegalArgumentException.class, () -> Metrics.topK(p, 0));
    }

    @Test
    void mostConfidentMistakesSkipsRightOnesAndOrdersByConfidence() {
        int[] labels =       {0,    1,    2,    3,    4,    5};
        int[] predicted =    {0,    7,    2,    8,    9,    6};
        float[] confidence = {0.99f, 0.6f, 0.95f, 0.9f, 0.6f, 0.7f};
        assertArrayEquals(new int[] {3, 5, 1, 4}, Metrics.mostConfidentMistakes(labels, predicted, confidence, 10));
        assertArrayEquals(new int[] {3, 5}, Metrics.mostConfidentMistakes(labels, predicted, confidence, 2));
        assertArrayEquals(new int[0], Metrics.mostConfidentMistakes(labels, labels, confidence, 5));
    }
}
