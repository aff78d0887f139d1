package org.mnistmlp.train;

import org.mnistmlp.autograd.NoGrad;
import org.mnistmlp.autograd.Tensor;
import org.mnistmlp.autograd.TensorScope;
import org.mnistmlp.datasets.Batch;
import org.mnistmlp.datasets.ImageSet;
import org.mnistmlp.datasets.Normalization;
import org.mnistmlp.nn.Module;
import org.mnistmlp.nn.metrics.ConfusionMatrix;
import org.mnistmlp.nn.metrics.Metrics;

/**
 * A model's loss, confusion matrix and per-image predictions on a split, computed without recording
 * a graph.
 *
 * @param loss mean cross-entropy
 * @param confusion counts: row = true class, column = predicted class
 * @param predicted the predicted class of each image, in the split's order
 * @param confidence the probability the model gave its prediction, per image
 */
public record Evaluation(double loss, ConfusionMatrix confusion, int[] predicted, float[] confidence) {
    /** Images evaluated at a time. */
    public static final int BATCH_SIZE = 1000;

    /** @return the fraction of images classified right, 0..1 */
    public double accuracy() {
        return confusion.accuracy();
    }

    /** Evaluates {@code model} on {@code split}, normalized as in training, in evaluation mode. */
    public static Evaluation of(Module model, ImageSet split, Normalization normalization, int classes) {
        boolean wasTraining = model.isTraining();
        model.eval();
        ConfusionMatrix confusion = new ConfusionMatrix(classes);
        int[] predicted = new int[split.size()];
        float[] confidence = new float[split.size()];
        double lossSum = 0;
        int done = 0;
        try (NoGrad ignored = NoGrad.enter()) {
            for (Batch batch : split.inOrder(BATCH_SIZE, normalization)) {
                try (TensorScope batchScope = TensorScope.open()) {
                    Tensor logits = model.forward(batch.images());
                    lossSum += logits.crossEntropy(batch.labels()).item() * batch.size();
                    float[] probabilities = logits.softmax().data();
                    int[] best = Metrics.argmax(logits);
                    confusion.addAll(batch.labels(), best);
                    for (int r = 0; r < best.length; r++) {
                        predicted[done + r] = best[r];
                        confidence[done + r] = probabilities[r * classes + best[r]];
                    }
                    done += best.length;
                }
            }
        } finally {
            if (wasTraining) {
                model.train();
            }
        }
        return new Evaluation(lossSum / split.size(), confusion, predicted, confidence);
    }
}
