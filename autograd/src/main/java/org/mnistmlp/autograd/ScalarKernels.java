package org.mnistmlp.autograd;

/** Plain-Java kernels: the fallback when the Vector API is unavailable, and the reference in tests. */
public final class ScalarKernels implements Kernels {

    @Override
    public String description() {
        return "scalar (plain Java, 1 thread)";
    }

    @Override
    public void matmul(float[] a, float[] b, float[] c, int m, int k, int n, boolean accumulate) {
        for (int i = 0; i < m; i++) {
            int ci = i * n;
            if (!accumulate) {
                java.util.Arrays.fill(c, ci, ci + n, 0f);
            }
            for (int p = 0; p < k; p++) {
                float aip = a[i * k + p];
                int bp = p * n;
                for (int j = 0; j < n; j++) {
                    c[ci + j] += aip * b[bp + j];
                }
            }
        }
    }

    @Override
    public void matmulTransB(float[] a, float[] b, float[] c, int m, int k, int n, boolean accumulate) {
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                float s = 0f;
                for (int p = 0; p < k; p++) {
                    s += a[i * k + p] * b[j * k + p];
                }
                c[i * n + j] = accumulate ? c[i * n + j] + s : s;
            }
        }
    }

    @Override
    public void matmulTransA(float[] a, float[] b, float[] c, int m, int k, int n, boolean accumulate) {
        if (!accumulate) {
            java.util.Arrays.fill(c, 0, m * n, 0f);
        }
        for (int p = 0; p < k; p++) {
            for (int i = 0; i < m; i++) {
                float api = a[p * m + i];
                int ci = i * n;
                int bp = p * n;
                for (int j = 0; j < n; j++) {
                    c[ci + j] += api * b[bp + j];
                }
            }
        }
    }

    @Override
    public void activate(Activation f, float[] x, float[] y, int n) {
        activateRange(f, x, y, 0, n);
    }

    @Override
    public void activateBackward(Activation f, float[] x, float[] y, float[] gy, float[] gx, int n) {
        activateBackwardRange(f, x, y, gy, gx, 0, n);
    }

    /** The activations of elements [from, to), by their definition in {@link Activation}. */
    void activateRange(Activation f, float[] x, float[] y, int from, int to) {
        for (int i = from; i < to; i++) {
            y[i] = f.value(x[i]);
        }
    }

    /** The activation gradients of elements [from, to), by their definition in {@link Activation}. */
    void activateBackwardRange(Activation f, float[] x, float[] y, float[] gy, float[] gx, int from, int to) {
        for (int i = from; i < to; i++) {
            gx[i] += gy[i] * f.derivative(x[i], y[i]);
        }
    }
}
