package org.mnistmlp.train;

import org.mnistmlp.autograd.NoGrad;
import org.mnistmlp.autograd.Tensor;
import org.mnistmlp.autograd.TensorScope;
import org.mnistmlp.datasets.Batch;
import org.mnistmlp.datasets.ImageSet;
import org.mnistmlp.datasets.Normalization;
import org.mnistmlp.nn.Module;

/**
 * A model's loss, accuracy and confusion matrix on a split, computed without recording a graph.
 *
 * @param loss mean cross-entropy
 * @param accuracy fraction correct, 0..1
 * @param confusion counts: row = true class, column = predicted class
 */
record Evaluation(double loss, double accuracy, long[][] confusion) {
    private static final int BATCH = 1000;

    static Evaluation of(Module model, ImageSet split, Normalization normalization, int classes) {
        boolean wasTraining = model.isTraining();
        model.eval();
        long[][] confusion = new long[classes][classes];
        double lossSum = 0;
        long correct = 0;
        try (NoGrad ignored = NoGrad.enter()) {
            for (Batch batch : split.inOrder(BATCH, normalization)) {
                try (TensorScope batchScope = TensorScope.open()) {
                    Tensor logits = model.forward(batch.images());
                    lossSum += logits.crossEntropy(batch.labels()).item() * batch.size();
                    correct += tally(logits.data(), batch.labels(), batch.size(), confusion);
                }
            }
        } finally {
            if (wasTraining) {
                model.train();
            }
        }
        return new Evaluation(lossSum / split.size(), (double) correct / split.size(), confusion);
    }

    /** Adds each row's prediction to the confusion matrix; returns how many were right. */
    private static int tally(float[] logits, int[] labels, int rows, long[][] confusion) {
        int classes = confusion.length;
        int correct = 0;
        for (int r = 0; r < rows; r++) {
            int predicted = argmax(logits, r * classes, classes);
            confusion[labels[r]][predicted]++;
            if (predicted == labels[r]) {
                correct++;
            }
        }
        return correct;
    }

    private static int argmax(float[] z, int from, int n) {
        int best = 0;
        for (int j = 1; j < n; j++) {
            if (z[from + j] > z[from + best]) {
                best = j;
            }
        }
        return best;
    }
}
