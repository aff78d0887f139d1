package org.mnistmlp.train;

import org.mnistmlp.autograd.NoGrad;
import org.mnistmlp.autograd.Tensor;
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
                Tensor logits = model.forward(batch.images());
                lossSum += logits.crossEntropy(batch.labels()).item() * batch.size();
                float[] z = logits.data();
                int[] labels = batch.labels();
                for (int r = 0; r < batch.size(); r++) {
                    int predicted = argmax(z, r * classes, classes);
                    confusion[labels[r]][predicted]++;
                    if (predicted == labels[r]) {
                        correct++;
                    }
                }
            }
        } finally {
            if (wasTraining) {
                model.train();
            }
        }
        return new Evaluation(lossSum / split.size(), (double) correct / split.size(), confusion);
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
