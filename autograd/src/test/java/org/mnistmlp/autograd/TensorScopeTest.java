package org.mnistmlp.autograd;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Recycled storage: same numbers as without a scope, leaf gradients kept, and next to no allocation. */
class TensorScopeTest {
    private final Random random = new Random(4);
    private final Tensor x = Tensor.of(KernelAgreement.random(random, 32 * 50), 32, 50);
    private final Tensor w1 = Tensor.of(KernelAgreement.random(random, 50 * 40), 50, 40).requiresGrad(true);
    private final Tensor b1 = Tensor.of(KernelAgreement.random(random, 40), 40).requiresGrad(true);
    private final Tensor w2 = Tensor.of(KernelAgreement.random(random, 40 * 10), 40, 10).requiresGrad(true);
    private final int[] labels = random.ints(32, 0, 10).toArray();

    private float step() {
        Tensor loss = x.linear(w1, b1).silu().matmul(w2).crossEntropy(labels);
        loss.backward();
        return loss.item();
    }

    private void zeroGrads() {
        w1.zeroGrad();
        b1.zeroGrad();
        w2.zeroGrad();
    }

    @Test
    void sameResultsInsideAndOutsideAScope() {
        float plain = step();
        float[] g1 = w1.grad().data().clone();
        float[] g2 = w2.grad().data().clone();
        for (int i = 0; i < 3; i++) {
            zeroGrads();
            try (TensorScope ignored = TensorScope.open()) {
                assertEquals(plain, step());
            }
            assertArrayEquals(g1, w1.grad().data(), "leaf gradients outlive the scope");
            assertArrayEquals(g2, w2.grad().data());
        }
    }

    @Test
    void repeatedStepsInAScopeAllocateAlmostNothing() {
        // Until the JIT has compiled the vector kernels they allocate on their own, and when it gets
        // to them depends on the machine; so rounds repeat, and the quietest round of each kind counts.
        long unscoped = Long.MAX_VALUE;
        long scoped = Long.MAX_VALUE;
        for (int round = 0; round < 60 && !(scoped < unscoped / 5); round++) {
            unscoped = Math.min(unscoped, bytesPerStep(false));
            scoped = Math.min(scoped, bytesPerStep(true));
        }
        // The step's arrays alone are over 20 KB (32×40 floats several times over).
        assertTrue(unscoped > 20_000, "unscoped step allocates its arrays: " + unscoped);
        assertTrue(scoped < unscoped / 5, "scoped " + scoped + " bytes/step vs unscoped " + unscoped);
    }

    /** Bytes this thread allocates per step over 200 steps, inside a scope or not. */
    private long bytesPerStep(boolean inScope) {
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long tid = Thread.currentThread().getId();
        long before = threads.getThreadAllocatedBytes(tid);
        for (int i = 0; i < 200; i++) {
            if (inScope) {
                try (TensorScope ignored = TensorScope.open()) {
                    step();
                }
            } else {
                step();
            }
        }
        return (threads.getThreadAllocatedBytes(tid) - before) / 200;
    }

    @Test
    void scopesCloseInOrderOnTheirThread() {
        TensorScope outer = TensorScope.open();
        TensorScope inner = TensorScope.open();
        assertThrows(IllegalStateException.class, outer::close);
        inner.close();
        outer.close();
        outer.close();   // closing twice is harmless
    }
}
