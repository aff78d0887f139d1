package org.mnistmlp.plots;

import java.awt.Color;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.internal.series.AxesChartSeries;

/**
 * Builds the loss and accuracy charts of one run, and charts comparing several runs.
 *
 * <p>Every chart is 800×500, has a title, axis titles and a legend, and renders even when the
 * histories hold no data yet. Loss charts use a logarithmic y-axis whenever all plotted losses are
 * positive.
 */
public final class Charts {

  private static final String EPOCH_AXIS = "epoch";
  private static final String LOSS_AXIS = "cross-entropy loss";
  private static final String ACCURACY_AXIS = "test accuracy (%)";
  private static final Color STEP_LOSS_COLOR = new Color(0x9ecae1);
  private static final Color TRAIN_COLOR = ChartStyle.color(0);
  private static final Color TEST_COLOR = ChartStyle.color(1);

  private Charts() {}

  /**
   * Returns the loss chart of one run: the smoothed per-step training loss as a thin line, and the
   * per-epoch train and test losses as lines with markers.
   */
  public static XYChart loss(RunHistory run) {
    XYChart chart = ChartStyle.newChart("Training loss (" + run.name() + ")", EPOCH_AXIS, LOSS_AXIS);
    List<EpochPoint> epochs = run.epochs();
    ChartStyle.addThinLine(chart, "train, per step (smoothed)", Curve.smoothedLoss(run.steps()),
        STEP_LOSS_COLOR);
    ChartStyle.addMarkedLine(chart, "train, per epoch",
        Curve.perEpoch(epochs, EpochPoint::trainLoss), TRAIN_COLOR);
    ChartStyle.addMarkedLine(chart, "test, per epoch",
        Curve.perEpoch(epochs, EpochPoint::testLoss), TEST_COLOR);
    return finishLossChart(chart);
  }

  /** Returns the accuracy chart of one run: the test accuracy after each epoch, in percent. */
  public static XYChart accuracy(RunHistory run) {
    XYChart chart =
        ChartStyle.newChart("Test accuracy (" + run.name() + ")", EPOCH_AXIS, ACCURACY_AXIS);
    ChartStyle.addMarkedLine(chart, "test accuracy", accuracyCurve(run), TEST_COLOR);
    return finishAccuracyChart(chart);
  }

  /**
   * Returns a chart overlaying the smoothed per-step training loss of several runs, one series
   * per run name.
   *
   * @throws IllegalArgumentException if two runs share a name
   */
  public static XYChart lossComparison(List<RunHistory> runs) {
    requireDistinctNames(runs);
    XYChart chart = ChartStyle.newChart("Training loss by run (smoothed)", EPOCH_AXIS, LOSS_AXIS);
    for (int i = 0; i < runs.size(); i++) {
      RunHistory run = runs.get(i);
      ChartStyle.addThinLine(chart, run.name(), Curve.smoothedLoss(run.steps()),
          ChartStyle.color(i));
    }
    return finishLossChart(chart);
  }

  /**
   * Returns a chart overlaying the test accuracy per epoch of several runs, one series per run
   * name.
   *
   * @throws IllegalArgumentException if two runs share a name
   */
  public static XYChart accuracyComparison(List<RunHistory> runs) {
    requireDistinctNames(runs);
    XYChart chart = ChartStyle.newChart("Test accuracy by run", EPOCH_AXIS, ACCURACY_AXIS);
    for (int i = 0; i < runs.size(); i++) {
      RunHistory run = runs.get(i);
      ChartStyle.addMarkedLine(chart, run.name(), accuracyCurve(run), ChartStyle.color(i));
    }
    return finishAccuracyChart(chart);
  }

  private static Curve accuracyCurve(RunHistory run) {
    return Curve.perEpoch(run.epochs(), epoch -> 100 * epoch.testAccuracy());
  }

  private static XYChart finishLossChart(XYChart chart) {
    boolean allPositive = !chart.getSeriesCollection().isEmpty()
        && chart.getSeriesCollection().stream().allMatch(series -> series.getYMin() > 0);
    chart.getStyler().setYAxisLogarithmic(allPositive);
    return spanWholeEpochs(chart);
  }

  private static XYChart finishAccuracyChart(XYChart chart) {
    return spanWholeEpochs(chart);
  }

  /** The x axis from 0 to the next whole epoch, so that live and final charts line up. */
  private static XYChart spanWholeEpochs(XYChart chart) {
    double last = chart.getSeriesCollection().stream()
        .mapToDouble(AxesChartSeries::getXMax).max().orElse(1);
    chart.getStyler().setXAxisMin(0.0);
    chart.getStyler().setXAxisMax(Math.max(1, Math.ceil(last - 1e-9)));
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
