package org.mnistmlp.autograd;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * {@link Tensor#zeroGrad()} clears lazily: products write a zero gradient instead of adding to cleared
 * storage. Whatever path a gradient takes, the values seen are those of eager clearing.
 */
class LazyZeroGradTest {
    private final Random random = new Random(3);

    private Tensor param(int... shape) {
        int n = 1;
        for (int s : shape) {
            n *= s;
        }
        return Tensor.of(KernelAgreement.random(random, n), shape).requiresGrad(true);
    }

    @Test
    void aLinearLayerAfterZeroGradHasTheGradientsOfAFreshOne() {
        Tensor x = param(6, 5);
        Tensor w = param(5, 4);
        Tensor b = param(4);
        Tensor weights = Tensor.of(KernelAgreement.random(random, 24), 6, 4);
        Runnable pass = () -> x.linear(w, b).mul(weights).sum().backward();
        pass.run();
        float[][] fresh = {x.grad().toArray(), w.grad().toArray(), b.grad().toArray()};
        pass.run();
        pass.run();
        for (Tensor t : new Tensor[] {x, w, b}) {
            t.zeroGrad();
        }
        pass.run();
        assertArrayEquals(fresh[0], x.grad().toArray());
        assertArrayEquals(fresh[1], w.grad().toArray());
        assertArrayEquals(fresh[2], b.grad().toArray());
        pass.run();   // without zeroGrad the second pass adds
        for (int i = 0; i < fresh[1].length; i++) {
            assertEquals(2 * fresh[1][i], w.grad().toArray()[i], 1e-5f * Math.abs(fresh[1][i]) + 1e-6f);
        }
    }

    @Test
    void aTensorOnBothSidesOfAProductGetsBothParts() {
        int n = 7;
        Tensor a = param(n, n);
        a.matmul(a).sum().backward();
        a.zeroGrad();
        a.matmul(a).sum().backward();   // the first part overwrites the cleared gradient, the second adds
        float[] v = a.toArray();
        float[] got = a.grad().toArray();
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                // d/dA_ij of Σ (A·A) = Σ_l A_jl + Σ_k A_ki
                double expected = 0;
                for (int l = 0; l < n; l++) {
                    expected += v[j * n + l] + v[l * n + i];
                }
                assertEquals(expected, got[i * n + j], 1e-4, "at " + i + "," + j);
            }
        }
    }

    @Test
    void everyReaderOfAClearedGradientSeesZeros() {
        Tensor p = param(2, 3);
        p.mul(p).sum().backward();
        Tensor held = p.grad();
        Tensor view = held.detach();
        p.zeroGrad();
        assertArrayEquals(new float[6], view.toArray(), "a view of the gradient");
        p.mul(p).sum().backward();
        p.zeroGrad();
        assertEquals(0f, held.get(1, 2));
        assertEquals(0f, held.sum().item());
        p.mul(p).sum().backward();
        p.zeroGrad();
        held.set(5f, 0, 0);
        assertArrayEquals(new float[] {5f, 0f, 0f, 0f, 0f, 0f}, held.toArray(), "set writes into cleared storage");
        p.zeroGrad();
        p.mul(p).sum().backward();   // an element-wise op adds into the cleared gradient
        float[] v = p.toArray();
        for (int i = 0; i < 6; i++) {
            assertEquals(2 * v[i], held.toArray()[i], 1e-6f);
        }
    }
}
