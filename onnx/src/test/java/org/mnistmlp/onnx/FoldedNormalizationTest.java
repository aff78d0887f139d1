package org.mnistmlp.onnx;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.commons.math3.random.Well19937c;
import org.junit.jupiter.api.Test;
import org.mnistmlp.nn.Linear;

/** Folding (x - mean) / std into a layer, checked against values worked out by hand. */
class FoldedNormalizationTest {

    /** A 2 → 2 layer with weight [[1, -1], [2, 0.5]] ([in, out]) and bias [3, 0]. */
    private static Linear layer() {
        Linear layer = new Linear(2, 2, new Well19937c(1));
        System.arraycopy(new float[] {1, -1, 2, 0.5f}, 0, layer.weight().data(), 0, 4);
        System.arraycopy(new float[] {3, 0}, 0, layer.bias().data(), 0, 2);
        return layer;
    }

    @Test
    void scalesTheWeightAndShiftsTheBiasByEachOutputsColumnSum() {
        // mean 0.5, std 0.25: W / 0.25 = [[4, -4], [8, 2]];
        // b - (0.5 / 0.25)·(column sums 3 and -0.5) = [3 - 6, 0 + 1] = [-3, 1]
        FoldedNormalization folded = FoldedNormalization.of(layer(), 0.5f, 0.25f);

        assertArrayEquals(new float[] {4, -4, 8, 2}, folded.weight());
        assertArrayEquals(new float[] {-3, 1}, folded.bias());
    }

    @Test
    void foldedLayerOnRawInputEqualsLayerOnNormalisedInput() {
        // x = [1, 0] normalises to [2, -2]: [2·1 - 2·2 + 3, 2·(-1) - 2·0.5 + 0] = [1, -3]; folded: [4 - 3, -4 + 1]
        FoldedNormalization folded = FoldedNormalization.of(layer(), 0.5f, 0.25f);
        float[] raw = {1, 0};
        float[] out = new float[2];
        for (int o = 0; o < 2; o++) {
            out[o] = raw[0] * folded.weight()[o] + raw[1] * folded.weight()[2 + o] + folded.bias()[o];
        }
        assertArrayEquals(new float[] {1, -3}, out);
    }

    @Test
    void leavesTheLayerUnchanged() {
        Linear layer = layer();
        FoldedNormalization.of(layer, 0.5f, 0.25f);

        assertArrayEquals(new float[] {1, -1, 2, 0.5f}, layer.weight().data());
        assertArrayEquals(new float[] {3, 0}, layer.bias().data());
    }

    @Test
    void refusesAStdThatIsNotPositive() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> FoldedNormalization.of(layer(), 0.1f, 0f));
        assertTrue(e.getMessage().contains("positive std"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> FoldedNormalization.of(layer(), Float.NaN, 1f));
    }
}
