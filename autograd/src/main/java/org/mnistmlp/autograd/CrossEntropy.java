package org.mnistmlp.autograd;

/**
 * Mean softmax cross-entropy of logits (batch × classes) against integer labels, fused:
 * {@code L = -(1/B) Σ_r log softmax(x_r)[label_r]}. Backward: {@code dx = (softmax(x) - onehot)·dL/B}.
 * Stable for logits in the thousands, since only the log-softmax is ever exponentiated.
 */
final class CrossEntropy {
    private CrossEntropy() {}

    static Tensor apply(Tensor logits, int[] callersLabels) {
        int[] labels = callersLabels.clone();   // the caller may reuse its array before the backward pass
        if (logits.dim() != 2) {
            throw new IllegalArgumentException("crossEntropy: logits must be batch × classes, got shape " + Shapes.str(logits.shape()));
        }
        int batch = logits.size(0);
        int classes = SoftmaxRows.columns("crossEntropy", logits);
        if (labels.length != batch) {
            throw new IllegalArgumentException("crossEntropy: " + labels.length + " labels for logits of shape " + Shapes.str(logits.shape()));
        }
        float[] logProb = TensorScope.floats(logits.numel());
        SoftmaxRows.logSoftmax(logits.values(), logProb, classes);
        double total = 0;
        for (int r = 0; r < batch; r++) {
            int label = labels[r];
            if (label < 0 || label >= classes) {
                throw new IllegalArgumentException("crossEntropy: label " + label + " at row " + r + " outside 0.." + (classes - 1));
            }
            total -= logProb[r * classes + label];
        }
        float loss = (float) (total / batch);
        return Tensor.result("crossEntropy", new float[] {loss}, new int[0], (g, needsGrad) -> {
            float[] gx = logits.gradBuffer();
            float scale = g[0] / batch;
            for (int r = 0; r < batch; r++) {
                int base = r * classes;
                for (int j = 0; j < classes; j++) {
                    gx[base + j] += (float) Math.exp(logProb[base + j]) * scale;
                }
                gx[base + labels[r]] -= scale;
            }
        }, logits);
    }
}
