package org.mnistmlp.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.mnistmlp.autograd.GradientCheck;
import org.mnistmlp.autograd.Tensor;

/** Inverted dropout: mask statistics and scaling, train/eval, reproducible masks, its gradient. */
class DropoutTest {
    private final Random random = new Random(5);

    @Test
    void zerosAboutPAndScalesTheRestByOneOverOneMinusP() {
        double p = 0.3;
        int n = 200_000;
        Tensor x = Tensor.full(2f, 1000, n / 1000);
        float[] y = new Dropout(p, 9).forward(x).data();
        int zeros = 0;
        for (float v : y) {
            if (v == 0) {
                zeros++;
            } else {
                assertEquals(2f / 0.7f, v, 1e-6f);
            }
        }
        double sigma = Math.sqrt(n * p * (1 - p));
        assertEquals(n * p, zeros, 5 * sigma, "zeroed elements");
    }

    @Test
    void evaluationModeAndZeroProbabilityAreTheIdentity() {
        Tensor x = TestTensors.uniform(random, 1f, 0f, 4, 6);
        Dropout d = new Dropout(0.5, 1);
        d.eval();
        assertSame(x, d.forward(x));
        assertEquals(0, d.position(), "no mask drawn in evaluation mode");
        assertSame(x, new Dropout(0, 1).forward(x));
        d.train();
        assertFalse(Arrays.equals(x.data(), d.forward(x).data()), "training mode drops");
    }

    @Test
    void masksFollowFromSeedAndPassOnly() {
        Tensor x = Tensor.full(1f, 8, 64);
        Dropout a = new Dropout(0.5, 42);
        Dropout b = new Dropout(0.5, 42);
        float[] first = a.forward(x).data();
        float[] second = a.forward(x).data();
        assertEquals(2, a.position());
        assertFalse(Arrays.equals(first, second), "each pass has its own mask");
        b.seek(1);
        assertArrayEquals(second, b.forward(x).data(), "seeking replays pass 1 without drawing pass 0");
        b.seek(0);
        assertArrayEquals(first, b.forward(x).data());
        assertFalse(Arrays.equals(first, new Dropout(0.5, 43).forward(x).data()), "another seed, another mask");
    }

    @Test
    void gradientIsTheMaskAndPassesTheCheckWithAFixedMask() {
        Dropout d = new Dropout(0.4, 3);
        Tensor x = TestTensors.uniform(random, 2f, 0f, 5, 7).requiresGrad(true);
        d.seek(0);
        Tensor y = d.forward(x);
        y.sum().backward();
        for (int i = 0; i < x.numel(); i++) {
            float mask = y.data()[i] / x.data()[i];
            assertEquals(mask, x.grad().data()[i], 1e-5f, "d(sum y)/dx is the mask at " + i);
            assertTrue(Math.abs(mask) < 1e-6 || Math.abs(mask - 1 / 0.6f) < 1e-5, "mask value " + mask);
        }
        GradientCheck.Result r = GradientCheck.check(() -> {
            d.seek(0);
            return d.forward(x);
        }, x);
        assertTrue(r.passes(1e-3), r.toString());
    }

    @Test
    void probabilityOutsideZeroToOneIsRefused() {
        for (double p : new double[] {-0.1, 1, 1.5, Double.NaN}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new Dropout(p, 0));
            assertTrue(e.getMessage().contains("[0, 1)"), e.getMessage());
        }
    }

    @Test
    void mlpWithDropoutHasTheSameWeightsAsWithout() {
        Sequential plain = Mlp.of(List.of(6, 5, 4, 3), "relu", Init.DEFAULT, 8);
        Sequential dropped = Mlp.of(List.of(6, 5, 4, 3), "relu", Init.DEFAULT, 8, 0.2, 0.5);
        List<String> kinds = new ArrayList<>();
        dropped.layers().forEach(l -> kinds.add(l.toString()));
        assertEquals(List.of("Dropout(p=0.2)", "Linear(6 → 5)", "ReLU", "Dropout(p=0.5)", "Linear(5 → 4)", "ReLU",
                "Dropout(p=0.5)", "Linear(4 → 3)"), kinds);
        List<Tensor> a = plain.parameters();
        List<Tensor> b = dropped.parameters();
        assertEquals(a.size(), b.size());
        for (int i = 0; i < a.size(); i++) {
            assertArrayEquals(a.get(i).data(), b.get(i).data());
        }
        assertEquals(3, Mlp.of(List.of(6, 5, 3), "relu", Init.DEFAULT, 8, 0, 0).layers().size(), "no dropout, no extra layers");
    }
}
