package org.mnistmlp.autograd;

/** {@code y = exp x / Σ exp x} over the last axis. Backward: {@code dx = y·(dy - Σ dy·y)} per row. */
final class SoftmaxOp {
    private SoftmaxOp() {}

    static Tensor apply(Tensor x) {
        int cols = SoftmaxRows.columns("softmax", x);
        float[] y = TensorScope.floats(x.numel());
        SoftmaxRows.logSoftmax(x.values(), y, cols);
        for (int i = 0; i < y.length; i++) {
            y[i] = (float) Math.exp(y[i]);
        }
        return Tensor.result("softmax", y, x.shape(), (g, needsGrad) -> {
            float[] gx = x.gradBuffer();
            for (int base = 0; base < y.length; base += cols) {
                float dot = 0f;
                for (int j = 0; j < cols; j++) {
                    dot += g[base + j] * y[base + j];
                }
                for (int j = 0; j < cols; j++) {
                    gx[base + j] += y[base + j] * (g[base + j] - dot);
                }
            }
        }, x);
    }
}
