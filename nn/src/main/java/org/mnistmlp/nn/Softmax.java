package org.mnistmlp.nn;

import org.mnistmlp.autograd.Tensor;

/**
 * Softmax over the last axis: each row becomes probabilities summing to 1. Use it to read out
 * probabilities; train on the logits with {@link CrossEntropyLoss}, which is stable where a softmax
 * followed by a log is not.
 */
public final class Softmax extends Module {
    @Override
    public Tensor forward(Tensor x) {
        return x.softmax();
    }
}
