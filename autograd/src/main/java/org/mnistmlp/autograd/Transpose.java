package org.mnistmlp.autograd;

/** The transpose of a matrix; the gradient is transposed back. */
final class Transpose {
    private Transpose() {}

    static Tensor apply(Tensor x) {
        Matrices.requireMatrix("transpose", x, "input");
        int rows = x.size(0);
        int cols = x.size(1);
        float[] out = transposed(x.values(), rows, cols);
        return Tensor.result("transpose", out, new int[] {cols, rows}, (g, needsGrad) -> {
            float[] gx = x.gradBuffer();
            float[] back = transposed(g, cols, rows);
            for (int i = 0; i < gx.length; i++) {
                gx[i] += back[i];
            }
        }, x);
    }

    private static float[] transposed(float[] d, int rows, int cols) {
        float[] t = new float[d.length];
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                t[c * rows + r] = d[r * cols + c];
            }
        }
        return t;
    }
}
