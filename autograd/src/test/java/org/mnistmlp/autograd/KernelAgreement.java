package org.mnistmlp.autograd;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;

/** Checks any {@link Kernels} against slow double-precision references, at awkward and MLP shapes. */
final class KernelAgreement {
    private KernelAgreement() {}

    static final int[][] SHAPES = { // m, k, n
        {1, 1, 1}, {3, 5, 7}, {17, 33, 19}, {64, 784, 128}, {64, 128, 10}, {5, 300, 70}, {100, 31, 257}, {64, 10, 128},
        // panels of B used in place (fewer than 64 rows) and packed over several depth blocks, with rows and
        // columns left after the last whole block; on 2 threads rows split (the first two) or columns (the others)
        {42, 300, 71}, {70, 300, 71}, {18, 300, 300}, {130, 300, 300},
        {400, 200, 260}, {197, 150, 300},   // 6-row blocks over packed A, with a 4-row block or single rows left
        {70, 0, 71},   // an empty inner dimension: C = 0, or unchanged when accumulating
        // fewer columns than a vector of 8 or 16: 8-row blocks with single rows left, one column, B too short
        // for a whole vector in place, rows split between the threads with single rows left, no inner
        // dimension; then (on 16-float vectors) a vector less one, an evaluation batch, and a whole vector
        {37, 21, 3}, {16, 7, 1}, {20, 1, 7}, {1003, 128, 7}, {16, 0, 5},
        {19, 64, 15}, {20, 1, 15}, {1000, 256, 10}, {20, 9, 16},
    };

    static float[] random(Random r, int n) {
        float[] d = new float[n];
        for (int i = 0; i < n; i++) {
            d[i] = (float) r.nextGaussian();
        }
        return d;
    }

    /** Reference C = op(A)·op(B) in double; a is m×k (or k×m if transA), b is k×n (or n×k if transB). */
    static double[] reference(float[] a, float[] b, int m, int k, int n, boolean transA, boolean transB) {
        double[] c = new double[m * n];
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                double s = 0;
                for (int p = 0; p < k; p++) {
                    s += (double) (transA ? a[p * m + i] : a[i * k + p]) * (transB ? b[j * k + p] : b[p * n + j]);
                }
                c[i * n + j] = s;
            }
        }
        return c;
    }

    static void assertAgreesWithReference(Kernels kernels, Random r) {
        for (int[] s : SHAPES) {
            int m = s[0], k = s[1], n = s[2];
            float[] a = random(r, m * k);
            float[] b = random(r, k * n);
            float[] start = random(r, m * n);
            for (int variant = 0; variant < 3; variant++) {
                boolean transA = variant == 2;
                boolean transB = variant == 1;
                double[] expected = reference(a, b, m, k, n, transA, transB);
                for (boolean accumulate : new boolean[] {false, true}) {
                    float[] c = start.clone();
                    switch (variant) {
                        case 0 -> kernels.matmul(a, b, c, m, k, n, accumulate);
                        case 1 -> kernels.matmulTransB(a, b, c, m, k, n, accumulate);
                        default -> kernels.matmulTransA(a, b, c, m, k, n, accumulate);
                    }
                    String what = kernels.description() + " variant " + variant + " " + m + "x" + k + "x" + n + " acc=" + accumulate;
                    for (int i = 0; i < c.length; i++) {
                        double want = expected[i] + (accumulate ? start[i] : 0);
                        assertEquals(want, c[i], 1e-5 * Math.sqrt(k) * 10 + 1e-5 * Math.abs(want), what + " at " + i);
                    }
                }
            }
        }
        assertActivationsAgree(kernels, r);
    }

    /** Values where formulas go wrong: NaN, infinities, signed zeros, saturation. */
    private static final float[] SPECIAL = {Float.NaN, Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY, 0f, -0f, 30f, -30f, 100f, -100f};

    /**
     * The kernels' activations against their definition in {@link Activation}, over 64 whole vectors and
     * a tail, with the special values both in the vector lanes and in the tail.
     */
    private static void assertActivationsAgree(Kernels kernels, Random r) {
        int n = 1037;
        float[] x = random(r, n);
        System.arraycopy(SPECIAL, 0, x, 0, SPECIAL.length);
        System.arraycopy(SPECIAL, 0, x, n - SPECIAL.length, SPECIAL.length);
        for (Activation f : Activation.values()) {
            float[] y = new float[n];
            kernels.activate(f, x, y, n);
            float[] gy = random(r, n);
            float[] gx = random(r, n);
            float[] gxStart = gx.clone();
            kernels.activateBackward(f, x, y, gy, gx, n);
            for (int i = 0; i < n; i++) {
                float value = f.value(x[i]);
                assertClose(value, y[i], 2e-6, f + " value at " + x[i]);
                assertClose(gxStart[i] + gy[i] * f.derivative(x[i], value), gx[i], 1e-5, f + " slope at " + x[i]);
            }
        }
    }

    /** Within {@code relative} of {@code expected} (absolute below 1); NaN and infinities exactly. */
    private static void assertClose(float expected, float actual, double relative, String what) {
        if (Float.isFinite(expected)) {
            assertEquals(expected, actual, relative * Math.max(1, Math.abs(expected)), what);
        } else {
            assertEquals(expected, actual, what);
        }
    }
}
