package org.mnistmlp.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.mnistmlp.autograd.Tensor;

class CrossEntropyLossTest {
    private final CrossEntropyLoss loss = new CrossEntropyLoss();

    @Test
    void equalLogitsGiveLogOfTheClassCount() {
        Tensor logits = Tensor.full(0.7f, 3, 5);
        assertEquals(Math.log(5), loss.forward(logits, new int[] {0, 4, 2}).item(), 1e-6);
    }

    @Test
    void hugeLogitsGiveAFiniteLossAndSoftmaxMinusOneHotOverTheBatch() {
        // Row 0: e^1e4 overflows any float; the softmax is still (1/(1+e^-1), e^-1/(1+e^-1), 0).
        float[][] rows = {{1e4f, 9999f, -1e4f}, {-1e4f, 1e4f, -1e4f}};
        int[] labels = {2, 1};
        Tensor logits = Tensor.matrix(rows).requiresGrad(true);
        Tensor l = loss.forward(logits, labels);

        double p0 = 1 / (1 + Math.exp(-1));
        double[][] softmax = {{p0, 1 - p0, 0}, {0, 1, 0}};
        // Row 0's label has log-probability -1e4 - (1e4 + log(1 + e^-1)); row 1's is log 1 = 0.
        double expectedLoss = (2e4 + Math.log(1 + Math.exp(-1))) / 2;
        assertTrue(Float.isFinite(l.item()), "loss " + l.item());
        assertEquals(expectedLoss, l.item(), 1e-2);

        l.backward();
        Tensor grad = logits.grad();
        for (int r = 0; r < 2; r++) {
            for (int c = 0; c < 3; c++) {
                double oneHot = c == labels[r] ? 1 : 0;
                assertEquals((softmax[r][c] - oneHot) / 2, grad.get(r, c), 1e-6, "grad at " + r + "," + c);
            }
        }
    }

    @Test
    void aLabelOutsideTheClassesIsRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> loss.forward(Tensor.zeros(2, 3), new int[] {0, 3}));
        assertTrue(e.getMessage().contains("label 3"), e.getMessage());
    }
}
