package org.mnistmlp.autograd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The one definition of the activations, against finite differences and values derived by hand. */
class ActivationTest {

    @ParameterizedTest
    @EnumSource(Activation.class)
    void derivativeMatchesCentralDifferences(Activation f) {
        double h = 1e-3;
        for (float x = -4f; x <= 4f; x += 0.37f) {
            if (f == Activation.RELU && Math.abs(x) < 2 * h) {
                continue;   // the kink
            }
            double numeric = (f.value((float) (x + h)) - f.value((float) (x - h))) / (2 * h);
            assertEquals(numeric, f.derivative(x, f.value(x)), 2e-3 * Math.max(1, Math.abs(numeric)), f + "'(" + x + ")");
        }
    }

    @Test
    void valuesAndSlopesByHand() {
        assertEquals(0f, Activation.RELU.value(-2f));
        assertEquals(3f, Activation.RELU.value(3f));
        assertEquals(0f, Activation.RELU.derivative(0f, 0f), "the kink takes the left slope, as PyTorch");
        assertEquals(0.5f, Activation.SIGMOID.value(0f));
        assertEquals(0.25f, Activation.SIGMOID.derivative(0f, 0.5f));
        assertEquals(0.7615942f, Activation.TANH.value(1f), 1e-7f);
        assertEquals(1f, Activation.TANH.derivative(0f, 0f));
        assertEquals(0.7310586f, Activation.SILU.value(1f), 1e-7f);          // 1·σ(1)
        assertEquals(0.5f, Activation.SILU.derivative(0f, 0f));
        assertEquals(0.9276705f, Activation.SILU.derivative(1f, 0.7310586f), 1e-6f);   // σ(1)·(1 + 1 - σ(1))
    }

    @Test
    void nanStaysNanAndReluMasksItsGradient() {
        for (Activation f : Activation.values()) {
            assertTrue(Float.isNaN(f.value(Float.NaN)), f + "(NaN)");
        }
        assertEquals(0f, Activation.RELU.derivative(Float.NaN, Float.NaN), "the mask x > 0 is false at NaN");
    }
}
