package org.mnistmlp.plots;

import java.awt.Color;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.knowm.xchart.XYChart;

/**
 * Builds the loss and accuracy charts of one run, and charts comparing several runs.
 *
 * <p>Every chart is 800×500, has a title, axis titles and a legend, and renders even when the
 * histories hold no data yet, then with a note saying so. The x axis spans whole epochs. Loss
 * charts use a logarithmic y-axis when the plotted losses are positive and span a decade or more.
 */
public final class Charts {

    private static final String EPOCH_AXIS = "epoch";
    private static final String LOSS_AXIS = "cross-entropy loss";
    private static final String ACCURACY_AXIS = "test accuracy (%)";
    private static final String VALIDATION_AND_TEST_AXIS = "accuracy (%)";
    private static final Color STEP_LOSS_COLOR = new Color(0x9ecae1);
    private static final Color TRAIN_COLOR = ChartStyle.color(0);
    private static final Color TEST_COLOR = ChartStyle.color(1);
    private static final Color VALIDATION_COLOR = ChartStyle.color(2);
    /** Top of the loss axis before any step: a little above ln 10, the loss of a blind guess. */
    private static final double EMPTY_LOSS_AXIS_MAX = 2.5;

    private Charts() {}

    /** Legend of the per-step training loss. */
    static final String STEP_LOSS = "train, per step (smoothed)";
    /** Legend of the per-epoch training loss: the mean over the epoch's steps, drawn at mid-epoch. */
    static final String EPOCH_TRAIN_LOSS = "train, epoch mean (at mid-epoch)";
    /** Legend of the per-epoch validation loss, measured when the epoch ends. */
    static final String EPOCH_VALIDATION_LOSS = "validation, after each epoch";
    /** Legend of the per-epoch test loss, measured when the epoch ends. */
    static final String EPOCH_TEST_LOSS = "test, after each epoch";

    /**
     * Returns the loss chart of one run, titled with its description: the smoothed per-step training
     * loss as a thin line; the mean training loss of each epoch at the epoch's middle, where the
     * steps it averages lie (at the epoch's end it would sit above the step curve for no visible
     * reason); and the validation (if any) and test losses measured at each epoch's end.
     */
    public static XYChart loss(RunHistory run) {
        List<EpochPoint> epochs = run.epochs();
        Curve steps = Curve.smoothedLoss(run.steps());
        Curve train = Curve.perEpoch(epochs, EpochPoint::trainLoss, -0.5);
        Curve validation = Curve.perValidation(run.validation(), ValidationPoint::loss);
        Curve test = Curve.perEpoch(epochs, EpochPoint::testLoss, 0);
        XYChart chart = lossChart("Training loss: " + run.description(), List.of(steps, train, validation, test));
        ChartStyle.addThinLine(chart, STEP_LOSS, steps, STEP_LOSS_COLOR);
        ChartStyle.addMarkedLine(chart, EPOCH_TRAIN_LOSS, train, TRAIN_COLOR);
        ChartStyle.addMarkedLine(chart, EPOCH_VALIDATION_LOSS, validation, VALIDATION_COLOR);
        ChartStyle.addMarkedLine(chart, EPOCH_TEST_LOSS, test, TEST_COLOR);
        return chart;
    }

    /**
     * Returns the accuracy chart of one run, titled with its description: the validation (if any) and
     * test accuracy after each epoch, in percent.
     */
    public static XYChart accuracy(RunHistory run) {
        Curve accuracy = accuracyCurve(run);
        Curve validation = Curve.perValidation(run.validation(), point -> 100 * point.accuracy());
        XYChart chart = validation.isEmpty()
                ? accuracyChart("Test accuracy: " + run.description(), ACCURACY_AXIS, List.of(accuracy))
                : accuracyChart("Validation and test accuracy: " + run.description(), VALIDATION_AND_TEST_AXIS,
                        List.of(validation, accuracy));
        ChartStyle.addMarkedLine(chart, "validation accuracy", validation, VALIDATION_COLOR);
        ChartStyle.addMarkedLine(chart, "test accuracy", accuracy, TEST_COLOR);
        return chart;
    }

    /**
     * Returns a chart overlaying the smoothed per-step training loss of several runs, one series
     * per run name.
     *
     * @throws IllegalArgumentException if two runs share a name
     */
    public static XYChart lossComparison(List<RunHistory> runs) {
        return lossComparison(runs, "");
    }

    /**
     * Returns a chart overlaying the smoothed per-step training loss of several runs, one series
     * per run name, titled with what the runs share (for example {@code "mnist, MLP 784-64-10"}).
     *
     * @throws IllegalArgumentException if two runs share a name
     */
    public static XYChart lossComparison(List<RunHistory> runs, String shared) {
        requireDistinctNames(runs);
        List<Curve> curves = runs.stream().map(run -> Curve.smoothedLoss(run.steps())).toList();
        XYChart chart = lossChart(titled("Training loss by run (smoothed)", shared), curves);
        for (int i = 0; i < runs.size(); i++) {
            ChartStyle.addThinLine(chart, runs.get(i).name(), curves.get(i), ChartStyle.color(i));
        }
        return chart;
    }

    /**
     * Returns a chart overlaying the test accuracy per epoch of several runs, one series per run
     * name.
     *
     * @throws IllegalArgumentException if two runs share a name
     */
    public static XYChart accuracyComparison(List<RunHistory> runs) {
        return accuracyComparison(runs, "");
    }

    /**
     * Returns a chart overlaying the test accuracy per epoch of several runs, one series per run
     * name, titled with what the runs share.
     *
     * @throws IllegalArgumentException if two runs share a name
     */
    public static XYChart accuracyComparison(List<RunHistory> runs, String shared) {
        requireDistinctNames(runs);
        List<Curve> curves = runs.stream().map(Charts::accuracyCurve).toList();
        XYChart chart = accuracyChart(titled("Test accuracy by run", shared), ACCURACY_AXIS, curves);
        for (int i = 0; i < runs.size(); i++) {
            ChartStyle.addMarkedLine(chart, runs.get(i).name(), curves.get(i), ChartStyle.color(i));
        }
        return chart;
    }

    private static Curve accuracyCurve(RunHistory run) {
        return Curve.perEpoch(run.epochs(), epoch -> 100 * epoch.testAccuracy(), 0);
    }

    private static String titled(String title, String shared) {
        return shared.isBlank() ? title : title + ": " + shared;
    }

    /** Returns a loss chart without series, its axes set for the given curves. */
    private static XYChart lossChart(String title, List<Curve> curves) {
        XYChart chart = ChartStyle.newChart(title, EPOCH_AXIS, LOSS_AXIS);
        Extent.of(curves).ifPresentOrElse(extent -> ChartAxes.loss(chart, extent),
                () -> ChartAxes.empty(chart, 0, EMPTY_LOSS_AXIS_MAX, "no training step yet"));
        return chart;
    }

    /** Returns an accuracy chart without series, its axes set for the given curves. */
    private static XYChart accuracyChart(String title, String axisTitle, List<Curve> curves) {
        XYChart chart = ChartStyle.newChart(title, EPOCH_AXIS, axisTitle);
        Extent.of(curves).ifPresentOrElse(extent -> ChartAxes.percent(chart, extent),
                () -> ChartAxes.empty(chart, 0, 100, "no epoch finished yet"));
        return chart;
    }

    private static void requireDistinctNames(List<RunHistory> runs) {
        Set<String> seen = new HashSet<>();
        for (RunHistory run : runs) {
            if (!seen.add(run.name())) {
                throw new IllegalArgumentException("two runs are named '" + run.name() + "'");
            }
        }
    }
}
