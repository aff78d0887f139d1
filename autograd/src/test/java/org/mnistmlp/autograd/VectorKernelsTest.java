package org.mnistmlp.autograd;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The Vector API kernels against the slow reference, and against the scalar kernels op by op. */
class VectorKernelsTest {

    @Test
    void vectorModuleIsAvailableInTests() {
        assertTrue(Kernels.vectorAvailable(), "surefire runs with --add-modules jdk.incubator.vector");
        try (Kernels best = Kernels.best(2)) {
            assertTrue(best.description().startsWith("Vector API"), best.description());
        }
    }

    @Test
    void agreeWithReferenceOnOneAndTwoThreads() {
        try (Kernels one = Kernels.best(1); Kernels two = Kernels.best(2)) {
            KernelAgreement.assertAgreesWithReference(one, new Random(5));
            KernelAgreement.assertAgreesWithReference(two, new Random(6));
        }
    }

    @Test
    void aNarrowProductReadsOnlyTheRowsOfALongerB() {
        // B in an array longer than its k·n floats (a reused buffer, say) is read in place to its last
        // row; whatever follows it, NaN here, must not reach C
        Random r = new Random(7);
        int m = 24, k = 9, n = 10;
        float[] a = KernelAgreement.random(r, m * k);
        float[] b = Arrays.copyOf(KernelAgreement.random(r, k * n), k * n + 32);
        Arrays.fill(b, k * n, b.length, Float.NaN);
        double[] expected = KernelAgreement.reference(a, b, m, k, n, false, false);
        try (Kernels kernels = Kernels.best(2)) {
            float[] c = new float[m * n];
            kernels.matmul(a, b, c, m, k, n, false);
            for (int i = 0; i < c.length; i++) {
                assertEquals(expected[i], c[i], 1e-4, "element " + i);
            }
        }
    }

    @Test
    void aNarrowProductAddsItsSumToCAtTheEndAsTheTransposedPathDid() {
        // the forward product of the last layer starts C at the bias; summing the products first and adding
        // the sum once rounds as the earlier transposed path did, which keeps a run's loss curve unchanged
        Random r = new Random(8);
        for (int[] s : new int[][] {{64, 128, 10}, {37, 21, 3}, {1003, 128, 7}}) {
            int m = s[0], k = s[1], n = s[2];
            float[] a = KernelAgreement.random(r, m * k);
            float[] b = KernelAgreement.random(r, k * n);
            float[] bias = KernelAgreement.random(r, m * n);
            try (Kernels kernels = Kernels.best(2)) {
                float[] product = new float[m * n];
                kernels.matmul(a, b, product, m, k, n, false);
                float[] c = bias.clone();
                kernels.matmul(a, b, c, m, k, n, true);
                for (int i = 0; i < c.length; i++) {
                    assertEquals(bias[i] + product[i], c[i], 0f, m + "x" + k + "x" + n + " element " + i);
                }
            }
        }
    }

    @Test
    void everyOpGivesTheSameResultsWithScalarAndVectorKernels() {
        Kernels previous = Kernels.current();
        try (Kernels vectorKernels = Kernels.best(2)) {
            float[][] scalar = runOps(new ScalarKernels());
            float[][] vector = runOps(vectorKernels);
            for (int i = 0; i < scalar.length; i++) {
                assertArrayEquals(scalar[i], vector[i], 2e-4f, "output " + i);
            }
        } finally {
            Kernels.use(previous);
        }
    }

    /** A small MLP step touching every kernel: forward outputs and all gradients. */
    private static float[][] runOps(Kernels kernels) {
        Kernels.use(kernels);
        Random r = new Random(11);
        Tensor x = Tensor.of(KernelAgreement.random(r, 20 * 37), 20, 37).requiresGrad(true);
        Tensor w1 = Tensor.of(KernelAgreement.random(r, 37 * 70), 37, 70).requiresGrad(true);
        Tensor b1 = Tensor.of(KernelAgreement.random(r, 70), 70).requiresGrad(true);
        Tensor w2 = Tensor.of(KernelAgreement.random(r, 70 * 10), 70, 10).requiresGrad(true);
        Tensor h = x.linear(w1, b1);
        Tensor act = h.relu().add(h.sigmoid()).add(h.tanh()).add(h.silu());
        Tensor logits = act.matmul(w2);
        Tensor loss = logits.crossEntropy(new int[] {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9});
        loss.backward();
        return new float[][] {act.data(), logits.data(), loss.data(), x.grad().data(), w1.grad().data(), b1.grad().data(), w2.grad().data()};
    }
}
