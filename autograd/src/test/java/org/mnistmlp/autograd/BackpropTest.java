package org.mnistmlp.autograd;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The backward engine's contract: order, accumulation, depth, errors and no-grad scopes. */
class BackpropTest {

    @Test
    void chainOfHundredThousandOpsDoesNotOverflowTheStack() {
        Tensor x = Tensor.scalar(1f).requiresGrad(true);
        Tensor y = x;
        for (int i = 0; i < 100_000; i++) {
            y = y.add(1f);
        }
        y.mul(2f).backward();
        assertEquals(100_001f, y.item());
        assertEquals(2f, x.grad().item());
    }

    @Test
    void activationOfReusedValueAddsToItsInputGradient() {
        // h feeds both a tanh and a direct path: an activation that assigned its input's gradient
        // would drop the direct path's contribution.
        Tensor x = Tensor.scalar(0.5f).requiresGrad(true);
        Tensor h = x.mul(2f);
        h.tanh().add(h).add(h.relu()).backward();
        double t = Math.tanh(1.0);
        assertEquals(2 * ((1 - t * t) + 1 + 1), x.grad().item(), 1e-6);
    }

    @Test
    void nodeWaitsForAllConsumersBeforePropagating() {
        // a feeds b and c, and b also feeds c: a must not pass its gradient on after only one consumer.
        Tensor x = Tensor.scalar(3f).requiresGrad(true);
        Tensor a = x.mul(x);          // 9, da/dx = 6
        Tensor b = a.mul(2f);         // 18
        Tensor c = a.add(b).mul(b);   // (a + 2a)·2a = 6a², dc/da = 12a = 108
        c.backward();
        assertEquals(108f * 6f, x.grad().item(), 1e-3);
    }

    @Test
    void gradientsAccumulateAcrossCallsUntilZeroed() {
        Tensor x = Tensor.vector(1f, 2f).requiresGrad(true);
        x.mul(x).sum().backward();
        x.mul(x).sum().backward();
        assertArrayEquals(new float[] {4f, 8f}, x.grad().data());
        x.zeroGrad();
        x.mul(3f).sum().backward();
        assertArrayEquals(new float[] {3f, 3f}, x.grad().data());
    }

    @Test
    void backwardTwiceOnOneGraphAddsTheSameAmountEachTime() {
        Tensor x = Tensor.scalar(2f).requiresGrad(true);
        Tensor y = x.mul(x).exp();
        y.backward();
        float once = x.grad().item();
        y.backward();
        assertEquals(2 * once, x.grad().item(), 1e-3 * once);
    }

    @Test
    void backwardWithUpstreamGradientOnNonScalar() {
        Tensor x = Tensor.vector(1f, 2f, 3f).requiresGrad(true);
        x.mul(x).backward(Tensor.vector(1f, 0f, -1f));
        assertArrayEquals(new float[] {2f, 0f, -6f}, x.grad().data());
    }

    @Test
    void backwardOnNonScalarWithoutUpstreamIsAClearError() {
        Tensor x = Tensor.vector(1f, 2f).requiresGrad(true);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> x.mul(2f).backward());
        assertTrue(e.getMessage().contains("backward") && e.getMessage().contains("[2]"), e.getMessage());
    }

    @Test
    void noGradScopeRecordsNoGraph() {
        Tensor w = Tensor.vector(1f, 2f).requiresGrad(true);
        Tensor y;
        try (NoGrad ignored = NoGrad.enter()) {
            assertFalse(NoGrad.isGradEnabled());
            y = w.mul(3f).sum();
        }
        assertTrue(NoGrad.isGradEnabled());
        assertFalse(y.requiresGrad());
        assertNull(y.op());
        assertEquals(9f, y.item());
        assertThrows(IllegalStateException.class, y::backward);
    }

    @Test
    void detachedTensorsShareValuesButStopGradients() {
        Tensor x = Tensor.scalar(3f).requiresGrad(true);
        Tensor y = x.mul(x);
        Tensor frozen = y.detach();
        assertEquals(9f, frozen.item());
        assertFalse(frozen.requiresGrad());
        y.mul(frozen).backward();   // d/dx of x²·(x² held constant) = 2x·9
        assertEquals(54f, x.grad().item());
    }

    @Test
    void inputsThatNeedNoGradientGetNone() {
        Tensor images = Tensor.of(new float[] {1f, 2f, 3f, 4f}, 2, 2);
        Tensor w = Tensor.of(new float[] {1f, 0f, 0f, 1f}, 2, 2).requiresGrad(true);
        Tensor b = Tensor.vector(0f, 0f).requiresGrad(true);
        images.linear(w, b).sum().backward();
        assertNull(images.grad());
        assertArrayEquals(new float[] {4f, 4f, 6f, 6f}, w.grad().data());
        assertArrayEquals(new float[] {2f, 2f}, b.grad().data());
    }

    @Test
    void shapeErrorsNameTheOpAndBothShapes() {
        Tensor a = Tensor.zeros(2, 3);
        Tensor b = Tensor.zeros(4, 5);
        assertMessage(() -> a.add(b), "add", "[2, 3]", "[4, 5]");
        assertMessage(() -> a.mul(Tensor.zeros(2)), "mul", "[2, 3]", "[2]");
        assertMessage(() -> a.matmul(b), "matmul", "[2, 3]", "[4, 5]");
        assertMessage(() -> a.linear(Tensor.zeros(3, 4), Tensor.zeros(5)), "linear", "[5]", "[3, 4]");
        assertMessage(() -> a.reshape(4, 2), "reshape", "[2, 3]", "[4, 2]");
        assertMessage(() -> a.crossEntropy(new int[] {1}), "crossEntropy", "[2, 3]");
        assertMessage(() -> a.crossEntropy(new int[] {1, 3}), "crossEntropy", "label 3");
        assertMessage(() -> a.sum(2), "sum", "[2, 3]");
    }

    private static void assertMessage(Runnable op, String... fragments) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, op::run);
        for (String f : fragments) {
            assertTrue(e.getMessage().contains(f), "'" + e.getMessage() + "' should mention " + f);
        }
    }

    @Test
    void broadcastingMatchesNumpy() {
        Tensor a = Tensor.of(new float[] {1, 2, 3, 4, 5, 6}, 2, 3);
        Tensor col = Tensor.of(new float[] {10, 20}, 2, 1);
        Tensor row = Tensor.vector(100, 200, 300);
        assertArrayEquals(new float[] {11, 12, 13, 24, 25, 26}, a.add(col).data());
        assertArrayEquals(new float[] {101, 202, 303, 104, 205, 306}, a.add(row).data());
        assertArrayEquals(new int[] {2, 3}, col.add(row).shape());
        assertArrayEquals(new float[] {110, 210, 310, 120, 220, 320}, col.add(row).data());
    }

    @Test
    void reductionsAndShapes() {
        Tensor a = Tensor.of(new float[] {1, 2, 3, 4, 5, 6}, 2, 3);
        assertArrayEquals(new float[] {5, 7, 9}, a.sum(0).data());
        assertArrayEquals(new float[] {6, 15}, a.sum(-1).data());
        assertArrayEquals(new float[] {2, 5}, a.mean(1).data());
        assertEquals(3.5f, a.mean().item());
        assertArrayEquals(new float[] {1, 4, 2, 5, 3, 6}, a.transpose().data());
        assertArrayEquals(new int[] {3, 2}, a.reshape(-1, 2).shape());
    }

    @Test
    void softmaxCrossEntropyIsStableForHugeLogits() {
        Tensor logits = Tensor.of(new float[] {1e4f, -1e4f, 0f, -1e4f, 1e4f, 1e4f}, 2, 3).requiresGrad(true);
        Tensor loss = logits.crossEntropy(new int[] {1, 2});
        loss.backward();
        // row 0: log p(1) = -2e4; row 1: p = (0, 0.5, 0.5), log p(2) = -ln 2.
        assertEquals((2e4 + Math.log(2)) / 2, loss.item(), 1);
        float[] expected = {1 / 2f, -1 / 2f, 0f, 0f, 0.5f / 2, -0.5f / 2};
        assertArrayEquals(expected, logits.grad().data(), 1e-6f);
        assertTrue(Float.isFinite(logits.softmax().sum().item()));
        assertTrue(Float.isFinite(logits.logSoftmax().sum().item()));
    }
}
