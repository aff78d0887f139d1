package org.mnistmlp.autograd;

/** {@code y = x - log Σ exp x} over the last axis. Backward: {@code dx = dy - softmax·Σ dy} per row. */
final class LogSoftmax {
    private LogSoftmax() {}

    static Tensor apply(Tensor x) {
        int cols = SoftmaxRows.columns("logSoftmax", x);
        float[] y = TensorScope.floats(x.numel());
        SoftmaxRows.logSoftmax(x.values(), y, cols);
        return Tensor.result("logSoftmax", y, x.shape(), (g, needsGrad) -> {
            float[] gx = x.gradBuffer();
            for (int base = 0; base < y.length; base += cols) {
                float total = 0f;
                for (int j = 0; j < cols; j++) {
                    total += g[base + j];
                }
                for (int j = 0; j < cols; j++) {
                    gx[base + j] += g[base + j] - (float) Math.exp(y[base + j]) * total;
                }
            }
        }, x);
    }
}
