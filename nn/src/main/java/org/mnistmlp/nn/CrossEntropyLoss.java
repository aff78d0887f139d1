package org.mnistmlp.nn;

import org.mnistmlp.autograd.Tensor;

/**
 * The mean softmax cross-entropy of logits against integer class labels, as PyTorch's
 * {@code nn.CrossEntropyLoss}: {@code -(1/B) Σ log softmax(logits_r)[label_r]} over a batch of B rows.
 * Computed fused and stably (finite for logits in the thousands); its gradient with respect to the
 * logits is {@code (softmax - onehot)/B}.
 */
public final class CrossEntropyLoss {

    /**
     * The loss of {@code logits} of shape [batch, classes] against {@code labels}, one per row, each in
     * {@code 0..classes-1}; a scalar tensor to call {@code backward()} on.
     */
    public Tensor forward(Tensor logits, int[] labels) {
        return logits.crossEntropy(labels);
    }
}
