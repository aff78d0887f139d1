package org.mnistmlp.nn.metrics;

import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;
import org.mnistmlp.autograd.Tensor;

/** Predictions and accuracy from a model's outputs, on plain arrays or a [rows, classes] tensor. */
public final class Metrics {
    private Metrics() {}

    /**
     * The index of the largest value in each row, as PyTorch's {@code argmax(dim=1)}: on a tie the
     * first such index.
     *
     * @param scores a [rows, classes] matrix of logits or probabilities
     * @return the predicted class of each row
     * @throws IllegalArgumentException if {@code scores} is not a matrix with at least one column
     */
    public static int[] argmax(Tensor scores) {
        if (scores.dim() != 2 || scores.size(1) == 0) {
            throw new IllegalArgumentException("argmax: expected a [rows, classes] matrix, got shape "
                    + Arrays.toString(scores.shape()));
        }
        int classes = scores.size(1);
        float[] data = scores.data();
        int[] best = new int[scores.size(0)];
        for (int r = 0; r < best.length; r++) {
            best[r] = argmax(data, r * classes, classes);
        }
        return best;
    }

    /**
     * The index, counted from {@code from}, of the largest of {@code values[from .. from+length)};
     * on a tie the first.
     */
    public static int argmax(float[] values, int from, int length) {
        int best = 0;
        for (int j = 1; j < length; j++) {
            if (values[from + j] > values[from + best]) {
                best = j;
            }
        }
        return best;
    }

    /**
     * The fraction of predictions equal to their label.
     *
     * @return a value in 0..1
     * @throws IllegalArgumentException if the arrays differ in length or are empty (no accuracy to tell)
     */
    public static double accuracy(int[] predicted, int[] labels) {
        requireSameLength(predicted.length, labels.length, "labels");
        if (labels.length == 0) {
            throw new IllegalArgumentException("accuracy of no predictions is undefined");
        }
        long correct = IntStream.range(0, labels.length).filter(i -> predicted[i] == labels[i]).count();
        return (double) correct / labels.length;
    }

    /**
     * The {@code k} classes with the highest scores, highest first (a tie keeps the lower class first).
     *
     * @param scores one row of probabilities or logits
     * @param k how many, 1..scores.length
     */
    public static int[] topK(float[] scores, int k) {
        if (k < 1 || k > scores.length) {
            throw new IllegalArgumentException("top-k: k must be between 1 and " + scores.length + ", got " + k);
        }
        return IntStream.range(0, scores.length).boxed()
                .sorted(Comparator.comparingDouble((Integer c) -> scores[c]).reversed())
                .limit(k).mapToInt(Integer::intValue).toArray();
    }

    /**
     * The wrong predictions, most confident first: the indices {@code i} with {@code predicted[i] !=
     * labels[i]}, ordered by {@code confidence[i]} descending (a tie keeps the lower index first),
     * at most {@code n} of them.
     *
     * @param confidence the probability each prediction was given
     */
    public static int[] mostConfidentMistakes(int[] labels, int[] predicted, float[] confidence, int n) {
        requireSameLength(predicted.length, labels.length, "labels");
        requireSameLength(confidence.length, labels.length, "confidences");
        if (n < 0) {
            throw new IllegalArgumentException("the number of mistakes must not be negative, got " + n);
        }
        return IntStream.range(0, labels.length).filter(i -> predicted[i] != labels[i]).boxed()
                .sorted(Comparator.comparingDouble((Integer i) -> confidence[i]).reversed())
                .limit(n).mapToInt(Integer::intValue).toArray();
    }

    private static void requireSameLength(int predictions, int other, String what) {
        if (predictions != other) {
            throw new IllegalArgumentException(predictions + " predictions but " + other + " " + what);
        }
    }
}
