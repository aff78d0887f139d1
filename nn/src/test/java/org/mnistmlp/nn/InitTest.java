package org.mnistmlp.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.apache.commons.math3.random.Well19937c;
import org.junit.jupiter.api.Test;
import org.mnistmlp.autograd.Tensor;

/** The initialisations' distributions, and seeds making weights reproducible. */
class InitTest {
    private static final int IN = 1000;
    private static final int OUT = 400;

    private static Linear layer(Init init) {
        return new Linear(IN, OUT, init, new Well19937c(9));
    }

    private static double maxAbs(float[] v) {
        double m = 0;
        for (float x : v) {
            m = Math.max(m, Math.abs(x));
        }
        return m;
    }

    private static double mean(float[] v) {
        double s = 0;
        for (float x : v) {
            s += x;
        }
        return s / v.length;
    }

    private static double std(float[] v) {
        double m = mean(v);
        double s = 0;
        for (float x : v) {
            s += (x - m) * (x - m);
        }
        return Math.sqrt(s / v.length);
    }

    /** Uniform in ±bound: inside the bound, reaching near it, with the uniform's std bound/√3. */
    private static void assertUniform(float[] v, double bound, double stdTolerance) {
        assertTrue(maxAbs(v) <= bound, "max " + maxAbs(v) + " > bound " + bound);
        assertTrue(maxAbs(v) > 0.98 * bound, "max " + maxAbs(v) + " far below bound " + bound);
        assertEquals(bound / Math.sqrt(3), std(v), stdTolerance * bound);
    }

    @Test
    void defaultIsPyTorchsUniformForWeightAndBias() {
        Linear l = layer(Init.DEFAULT);
        double bound = 1 / Math.sqrt(IN);
        assertUniform(l.weight().data(), bound, 0.01);
        assertUniform(l.bias().data(), bound, 0.1);
    }

    @Test
    void heIsNormalWithStdRootTwoOverFanInAndZeroBias() {
        Linear l = layer(Init.HE);
        float[] w = l.weight().data();
        assertEquals(0, mean(w), 0.01 * Math.sqrt(2.0 / IN));
        assertEquals(Math.sqrt(2.0 / IN), std(w), 0.01 * Math.sqrt(2.0 / IN));
        assertTrue(maxAbs(w) > 3.5 * Math.sqrt(2.0 / IN), "a normal sample this large has tails beyond 3.5 std");
        assertEquals(0, maxAbs(l.bias().data()));
    }

    @Test
    void xavierIsUniformInRootSixOverFanInPlusFanOutAndZeroBias() {
        Linear l = layer(Init.XAVIER);
        assertUniform(l.weight().data(), Math.sqrt(6.0 / (IN + OUT)), 0.01);
        assertEquals(0, maxAbs(l.bias().data()));
    }

    @Test
    void theSameSeedBuildsIdenticalWeights() {
        for (Init init : Init.values()) {
            Map<String, Tensor> a = Mlp.of(List.of(6, 5, 3), "relu", init, 42).namedParameters();
            Map<String, Tensor> b = Mlp.of(List.of(6, 5, 3), "relu", init, 42).namedParameters();
            a.forEach((name, p) -> assertArrayEquals(p.data(), b.get(name).data(), init + " " + name));
        }
    }

    @Test
    void differentSeedsBuildDifferentWeights() {
        for (Init init : Init.values()) {
            List<Tensor> a = Mlp.of(List.of(6, 5, 3), "relu", init, 42).parameters();
            List<Tensor> b = Mlp.of(List.of(6, 5, 3), "relu", init, 43).parameters();
            assertFalse(Arrays.equals(a.get(0).data(), b.get(0).data()), init.toString());
            assertFalse(Arrays.equals(a.get(2).data(), b.get(2).data()), init.toString());
        }
    }
}
