package org.mnistmlp.autograd;

/** Row-wise log-softmax over the last axis, stable for large logits (the row maximum is subtracted first). */
final class SoftmaxRows {
    private SoftmaxRows() {}

    static int columns(String op, Tensor x) {
        if (x.dim() == 0 || x.size(-1) == 0) {
            throw new IllegalArgumentException(op + ": needs at least one class along the last axis, got shape " + Shapes.str(x.shape()));
        }
        return x.size(-1);
    }

    static void logSoftmax(float[] x, float[] out, int cols) {
        for (int base = 0; base < x.length; base += cols) {
            float max = Float.NEGATIVE_INFINITY;
            for (int j = 0; j < cols; j++) {
                max = Math.max(max, x[base + j]);
            }
            double sum = 0;
            for (int j = 0; j < cols; j++) {
                sum += Math.exp(x[base + j] - max);
            }
            float logSum = (float) Math.log(sum);
            for (int j = 0; j < cols; j++) {
                out[base + j] = (x[base + j] - max) - logSum;   // x - max is exact; adding max to logSum would not be
            }
        }
    }
}
