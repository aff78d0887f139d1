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
 * histories hold no data yet. Loss charts use a logarithmic y-axis when the plotted losses are
 * positive and span at least a decade.
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

  /**
   * A logarithmic loss axis when the losses span at least a decade (XChart labels only powers of
   * ten there); a linear one otherwise, or when any loss is zero or negative.
   */
  private static XYChart finishLossChart(XYChart chart) {
    double min = chart.getSeriesCollection().stream().mapToDouble(AxesChartSeries::getYMin).min().orElse(0);
    double max = chart.getSeriesCollection().stream().mapToDouble(AxesChartSeries::getYMax).max().orElse(0);
    chart.getStyler().setYAxisLogarithmic(min > 0 && max / min >= 10);
    return spanWholeEpochs(chart, 0, 2.5);
  }

  private static XYChart finishAccuracyChart(XYChart chart) {
    return spanWholeEpochs(chart, 0, 100);
  }

  /**
   * Makes the epoch axis run from 0 to the next whole epoch, with ticks at round values. XChart
   * places ticks on the data points themselves when all x values are equally spaced, which gives
   * labels like 0.09 or 1.97; an invisible series at 0 and at the last whole epoch both fixes the
   * span and, since per-step points sit mid-step, breaks that equal spacing.
   */
  private static XYChart spanWholeEpochs(XYChart chart, double emptyYMin, double emptyYMax) {
    if (chart.getSeriesCollection().isEmpty()) {
      chart.getStyler().setXAxisMin(0.0);
      chart.getStyler().setXAxisMax(1.0);
      chart.getStyler().setYAxisMin(emptyYMin);
      chart.getStyler().setYAxisMax(emptyYMax);
      return chart;
    }
    AxesChartSeries first = chart.getSeriesCollection().iterator().next();
    double last = chart.getSeriesCollection().stream()
        .mapToDouble(AxesChartSeries::getXMax).max().orElse(1);
    double end = Math.max(1, Math.ceil(last - 1e-9));
    ChartStyle.addInvisibleSpan(chart, 0, end, first.getYMax());
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
