package org.mnistmlp.nn.metrics;

import java.util.Arrays;
import java.util.function.IntToDoubleFunction;
import java.util.stream.IntStream;

/**
 * Counts of (true class, predicted class) pairs, and the per-class figures that follow from them.
 *
 * <p>For a class {@code c}: precision = TP / (TP + FP), the share of the predictions of {@code c}
 * that are right; recall = TP / (TP + FN), the share of the true {@code c} that are found; F1 =
 * 2·TP / (2·TP + FP + FN), their harmonic mean. A ratio whose denominator is zero is undefined and
 * returned as {@code NaN} (precision of a class never predicted, recall of a class never present).
 * The macro averages are the unweighted means over the classes that occur as a label or a
 * prediction, an undefined value among them counting as 0, as in scikit-learn's default ({@code NaN}
 * when nothing was counted).
 */
public final class ConfusionMatrix {
    private final long[][] counts;

    /**
     * An empty matrix.
     *
     * @param classes the number of classes, at least 1; labels and predictions lie in {@code 0..classes-1}
     */
    public ConfusionMatrix(int classes) {
        if (classes < 1) {
            throw new IllegalArgumentException("a confusion matrix needs at least one class, got " + classes);
        }
        counts = new long[classes][classes];
    }

    /** Counts one prediction. */
    public void add(int label, int predicted) {
        checkClass(label, "label");
        checkClass(predicted, "prediction");
        counts[label][predicted]++;
    }

    /** Counts each {@code (labels[i], predicted[i])} pair. */
    public void addAll(int[] labels, int[] predicted) {
        if (labels.length != predicted.length) {
            throw new IllegalArgumentException(predicted.length + " predictions but " + labels.length + " labels");
        }
        for (int i = 0; i < labels.length; i++) {
            add(labels[i], predicted[i]);
        }
    }

    /** @return the number of classes */
    public int classes() {
        return counts.length;
    }

    /** @return how many of class {@code label} were predicted as {@code predicted} */
    public long count(int label, int predicted) {
        checkClass(label, "label");
        checkClass(predicted, "prediction");
        return counts[label][predicted];
    }

    /** @return a copy of the counts: row = true class, column = predicted class */
    public long[][] counts() {
        return Arrays.stream(counts).map(long[]::clone).toArray(long[][]::new);
    }

    /** @return the number of predictions counted */
    public long total() {
        return Arrays.stream(counts).flatMapToLong(Arrays::stream).sum();
    }

    /** @return the number of right predictions (the diagonal) */
    public long correct() {
        return IntStream.range(0, counts.length).mapToLong(c -> counts[c][c]).sum();
    }

    /** @return the fraction right, 0..1; {@code NaN} when nothing was counted */
    public double accuracy() {
        return ratio(correct(), total());
    }

    /** @return how many of the counted predictions had label {@code c} */
    public long support(int c) {
        checkClass(c, "class");
        return Arrays.stream(counts[c]).sum();
    }

    /** @return how many predictions were {@code c} */
    public long predictedCount(int c) {
        checkClass(c, "class");
        return Arrays.stream(counts).mapToLong(row -> row[c]).sum();
    }

    /** @return TP / (TP + FP) of class {@code c}, or {@code NaN} if {@code c} was never predicted */
    public double precision(int c) {
        return ratio(counts[c][c], predictedCount(c));
    }

    /** @return TP / (TP + FN) of class {@code c}, or {@code NaN} if no label is {@code c} */
    public double recall(int c) {
        return ratio(counts[c][c], support(c));
    }

    /** @return 2·TP / (2·TP + FP + FN) of class {@code c}, or {@code NaN} if {@code c} never occurs */
    public double f1(int c) {
        return ratio(2 * counts[c][c], support(c) + predictedCount(c));
    }

    /** @return the mean precision over the classes that occur (see the class comment) */
    public double macroPrecision() {
        return macro(this::precision);
    }

    /** @return the mean recall over the classes that occur (see the class comment) */
    public double macroRecall() {
        return macro(this::recall);
    }

    /** @return the mean F1 over the classes that occur (see the class comment) */
    public double macroF1() {
        return macro(this::f1);
    }

    private double macro(IntToDoubleFunction perClass) {
        int[] occurring = IntStream.range(0, counts.length)
                .filter(c -> support(c) + predictedCount(c) > 0).toArray();
        return Arrays.stream(occurring).mapToDouble(perClass).map(v -> Double.isNaN(v) ? 0 : v).sum()
                / occurring.length;
    }

    private static double ratio(long numerator, long denominator) {
        return denominator == 0 ? Double.NaN : (double) numerator / denominator;
    }

    private void checkClass(int c, String what) {
        if (c < 0 || c >= counts.length) {
            throw new IllegalArgumentException(what + " " + c + " is not a class of 0.." + (counts.length - 1));
        }
    }
}
