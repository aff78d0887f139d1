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
            // x - max is exact, and subtracting the log-sum in double rounds each output once, instead
            // of every output of the row sharing the rounding error of a float log-sum.
            double logSum = Math.log(sum);
            for (int j = 0; j < cols; j++) {
                out[base + j] = (float) ((x[base + j] - max) - logSum);
            }
        }
    }
}
