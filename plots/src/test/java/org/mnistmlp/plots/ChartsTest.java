package org.mnistmlp.plots;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;

class ChartsTest {

    private static final RunHistory RELU = SampleRuns.decaying("relu", 5, 938, 0.98, 1);

    @Test
    void lossChartHasSmoothedStepsAndPerEpochLossesOnALogAxis() {
        XYChart chart = Charts.loss(RELU);

        assertEquals("Training loss: relu", chart.getTitle());
        assertEquals("epoch", chart.getXAxisTitle());
        assertEquals("cross-entropy loss", chart.getYAxisTitle());
        assertEquals(List.of("train, per step (smoothed)", "train, epoch mean (at mid-epoch)", "test, after each epoch"),
                seriesNames(chart));
        assertTrue(chart.getStyler().isYAxisLogarithmic());
        XYSeries steps = chart.getSeries("train, per step (smoothed)");
        assertEquals(Curve.MAX_PLOTTED_POINTS, steps.getXData().length);
        assertEquals(1.0 / 938, steps.getXData()[0], 1e-12);
        assertEquals(5.0, steps.getXData()[Curve.MAX_PLOTTED_POINTS - 1], 1e-12);
        assertArrayEquals(new double[] {1, 2, 3, 4, 5}, chart.getSeries("test, after each epoch").getXData());
        assertArrayEquals(new double[] {0.5, 1.5, 2.5, 3.5, 4.5}, chart.getSeries("train, epoch mean (at mid-epoch)").getXData(),
                "the mean of an epoch's steps sits in the middle of them");
    }

    @Test
    void titlesNameTheDataAndTheModel() {
        RunHistory run = new RunHistory("relu", "fashion-mnist, MLP 784-64-10 relu");
        run.addStep(0.5, 1.2);
        run.addEpoch(1, 1.2, 1.0, 0.6);
        assertEquals("Training loss: fashion-mnist, MLP 784-64-10 relu", Charts.loss(run).getTitle());
        assertEquals("Test accuracy: fashion-mnist, MLP 784-64-10 relu", Charts.accuracy(run).getTitle());
        assertEquals("Training loss by run (smoothed): mnist, MLP 784-64-10",
                Charts.lossComparison(List.of(run), "mnist, MLP 784-64-10").getTitle());
        assertEquals("Test accuracy by run: mnist, MLP 784-64-10",
                Charts.accuracyComparison(List.of(run), "mnist, MLP 784-64-10").getTitle());
    }

    /**
     * The drawn loss axis has at least three numbers, whatever the losses' range: a run of two epochs,
     * one step per epoch (a batch as large as the data), losses within a hair of each other, within a
     * decade (where the axis once had no number at all) and over several decades.
     */
    @ParameterizedTest
    @CsvSource({"2.2, 0.25, 2, 32", "2.2, 1.5, 3, 1", "0.3012, 0.3011, 2, 30", "0.9, 0.3, 1, 5", "2.3, 0.02, 5, 900"})
    void theLossAxisAlwaysCarriesNumbers(double first, double last, int epochs, int stepsPerEpoch) {
        RunHistory run = new RunHistory("range");
        for (int e = 1; e <= epochs; e++) {
            for (int s = 1; s <= stepsPerEpoch; s++) {
                double position = e - 1 + (s - 0.5) / stepsPerEpoch;
                run.addStep(position, first * Math.pow(last / first, position / epochs));
            }
            run.addEpoch(e, first * Math.pow(last / first, (e - 0.5) / epochs), last, 0.9);
        }
        List<String> labels = RenderedAxes.yTickLabels(Charts.loss(run)).stream().filter(l -> !l.isEmpty()).toList();
        assertTrue(labels.size() >= 3, "y labels " + labels);
        assertEquals(labels.size(), Set.copyOf(labels).size(), "distinct labels " + labels);
        List<String> epochLabels = RenderedAxes.xTickLabels(Charts.loss(run)).stream().filter(l -> !l.isEmpty()).toList();
        assertTrue(epochLabels.size() >= 2, "x labels " + epochLabels);
    }

    @Test
    void smoothedStepLossIsLessNoisyThanTheRawLoss() {
        double[] smoothed = Charts.loss(RELU).getSeries("train, per step (smoothed)").getYData();
        double[] raw = RELU.steps().stream().mapToDouble(StepPoint::loss).toArray();

        assertTrue(meanAbsoluteChange(smoothed) < meanAbsoluteChange(raw) / 5,
                "the plotted curve must wiggle far less than the raw loss");
    }

    @Test
    void accuracyChartShowsPercent() {
        XYChart chart = Charts.accuracy(RELU);

        assertEquals("test accuracy (%)", chart.getYAxisTitle());
        double[] percent = chart.getSeries("test accuracy").getYData();
        assertEquals(100 * RELU.epochs().get(4).testAccuracy(), percent[4], 1e-9);
        assertEquals(5, percent.length);
    }

    @Test
    void validationFiguresJoinBothChartsWhenTheRunHasThem() {
        RunHistory run = SampleRuns.decaying("held-out", 3, 50, 0.97, 4);
        run.addValidation(1, 0.30, 0.91);
        run.addValidation(2, 0.20, 0.94);
        run.addValidation(3, 0.25, 0.95);

        XYChart loss = Charts.loss(run);
        assertEquals(List.of(Charts.STEP_LOSS, Charts.EPOCH_TRAIN_LOSS, Charts.EPOCH_VALIDATION_LOSS, Charts.EPOCH_TEST_LOSS),
                seriesNames(loss));
        assertArrayEquals(new double[] {0.30, 0.20, 0.25}, loss.getSeries(Charts.EPOCH_VALIDATION_LOSS).getYData());
        XYChart accuracy = Charts.accuracy(run);
        assertEquals("Validation and test accuracy: " + run.description(), accuracy.getTitle());
        assertEquals("accuracy (%)", accuracy.getYAxisTitle());
        assertArrayEquals(new double[] {91, 94, 95}, accuracy.getSeries("validation accuracy").getYData(), 1e-9);
        assertEquals(List.of("test accuracy"), seriesNames(Charts.accuracy(RELU)), "no validation series without validation");
    }

    @Test
    void comparisonsHaveOneSeriesPerRun() {
        RunHistory sigmoid = SampleRuns.decaying("sigmoid", 3, 100, 0.95, 2);
        List<RunHistory> runs = List.of(RELU, sigmoid);

        assertEquals(List.of("relu", "sigmoid"), seriesNames(Charts.lossComparison(runs)));
        assertEquals(List.of("relu", "sigmoid"), seriesNames(Charts.accuracyComparison(runs)));
        assertEquals(3, Charts.accuracyComparison(runs).getSeries("sigmoid").getXData().length);
    }

    @Test
    void comparisonRejectsRunsWithTheSameName() {
        List<RunHistory> runs = List.of(new RunHistory("relu"), new RunHistory("relu"));

        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> Charts.lossComparison(runs));
        assertEquals("two runs are named 'relu'", e.getMessage());
    }

    @Test
    void emptyHistoriesGiveChartsWithoutSeriesThatStillRender() {
        RunHistory empty = new RunHistory("empty");
        List<XYChart> charts = List.of(Charts.loss(empty), Charts.accuracy(empty),
                Charts.lossComparison(List.of(empty)), Charts.accuracyComparison(List.of()));

        for (XYChart chart : charts) {
            assertTrue(seriesNames(chart).isEmpty());
            assertFalse(chart.getStyler().isYAxisLogarithmic());
            assertEquals(800, BitmapEncoder.getBufferedImage(chart).getWidth());
        }
    }

    @Test
    void singleEpochRunsRender() {
        RunHistory single = SampleRuns.decaying("single", 1, 3, 0.9, 3);
        List<XYChart> charts = List.of(Charts.loss(single), Charts.accuracy(single),
                Charts.lossComparison(List.of(single)), Charts.accuracyComparison(List.of(single)));

        for (XYChart chart : charts) {
            assertFalse(seriesNames(chart).isEmpty());
            assertEquals(500, BitmapEncoder.getBufferedImage(chart).getHeight());
        }
    }

    @Test
    void nonPositiveLossesUseALinearAxis() {
        RunHistory run = new RunHistory("zero");
        run.addStep(0.5, 0.0);
        run.addEpoch(1, 0.0, 0.1, 1.0);

        assertFalse(Charts.loss(run).getStyler().isYAxisLogarithmic());
    }

    @Test
    void epochAxisSpansWholeEpochsAndLabelsOnlyWholeEpochs() {
        XYChart chart = Charts.loss(SampleRuns.decaying("short", 2, 32, 0.9, 4));

        assertEquals(0.0, chart.getStyler().getXAxisMin());
        assertEquals(2.0, chart.getStyler().getXAxisMax());
        Function<Double, String> label = chart.getStyler().getXAxisTickLabelsFormattingFunction();
        assertEquals("1", label.apply(1.0));
        assertEquals("", label.apply(0.5));
    }

    @Test
    void firstEpochAxisEndsAtOneAndLabelsFractions() {
        RunHistory run = new RunHistory("first");
        run.addStep(0.1, 2.3);
        run.addStep(0.3, 1.9);
        XYChart chart = Charts.loss(run);

        assertEquals(1.0, chart.getStyler().getXAxisMax());
        assertEquals("0.2", chart.getStyler().getXAxisTickLabelsFormattingFunction().apply(0.2));
    }

    @Test
    void logLossAxisLabelsOneTwoAndFiveTimesPowersOfTen() {
        Function<Double, String> label =
                Charts.loss(RELU).getStyler().getYAxisTickLabelsFormattingFunction();

        assertEquals(List.of("0.01", "0.02", "", "0.05", "", "0.1", "0.2", "1", "2", ""),
                Stream.of(0.01, 0.02, 0.03, 0.05, 0.07, 0.1, 0.2, 1.0, 2.0, 3.0).map(label).toList());
    }

    @Test
    void lossesWithinOneDecadeUseALinearAxisWithEvenDecimals() {
        RunHistory run = new RunHistory("narrow");
        run.addStep(0.5, 0.9);
        run.addStep(1.0, 0.3);
        XYChart chart = Charts.loss(run);

        assertFalse(chart.getStyler().isYAxisLogarithmic());
        Function<Double, String> label = chart.getStyler().getYAxisTickLabelsFormattingFunction();
        assertEquals(List.of("0.30", "0.35", "0.40"), Stream.of(0.3, 0.35, 0.4).map(label).toList());
    }

    @Test
    void accuracyAxisHugsTheAccuraciesWithOneDecimal() {
        XYChart chart = Charts.accuracy(RELU);
        double[] percent = chart.getSeries("test accuracy").getYData();
        double lowest = Arrays.stream(percent).min().orElseThrow();
        double highest = Arrays.stream(percent).max().orElseThrow();

        assertTrue(chart.getStyler().getYAxisMin() < lowest);
        assertTrue(lowest - chart.getStyler().getYAxisMin() <= ChartAxes.PERCENT_BOUNDS_STEP);
        assertTrue(chart.getStyler().getYAxisMax() > highest);
        assertTrue(chart.getStyler().getYAxisMax() - highest <= ChartAxes.PERCENT_BOUNDS_STEP);
        Function<Double, String> label = chart.getStyler().getYAxisTickLabelsFormattingFunction();
        assertEquals(List.of("97.5", "98.0"), Stream.of(97.5, 98.0).map(label).toList());
    }

    @Test
    void perfectAccuracyKeepsTheAxisAtOrBelowOneHundred() {
        RunHistory run = new RunHistory("perfect");
        run.addEpoch(1, 0.01, 0.01, 1.0);

        assertEquals(100.0, Charts.accuracy(run).getStyler().getYAxisMax());
    }

    @Test
    void emptyAccuracyChartShowsZeroToHundredPercent() {
        XYChart chart = Charts.accuracy(new RunHistory("empty"));

        assertEquals(0.0, chart.getStyler().getYAxisMin());
        assertEquals(100.0, chart.getStyler().getYAxisMax());
        assertEquals(1.0, chart.getStyler().getXAxisMax());
    }

    @Test
    void axisRangeHelperIsInvisibleAndLeavesTheBoundsAlone() {
        XYChart chart = Charts.accuracy(RELU);
        XYSeries helper = chart.getSeries(ChartAxes.AXIS_RANGE_SERIES);

        assertFalse(helper.isShowInLegend());
        assertTrue(Arrays.stream(helper.getYData()).allMatch(y ->
                y >= chart.getStyler().getYAxisMin() && y <= chart.getStyler().getYAxisMax()));
        assertTrue(Arrays.stream(helper.getXData()).allMatch(x ->
                x >= chart.getStyler().getXAxisMin() && x <= chart.getStyler().getXAxisMax()));
    }

    /** The names of the series a reader sees in the legend. */
    private static List<String> seriesNames(XYChart chart) {
        return chart.getSeriesCollection().stream().filter(XYSeries::isShowInLegend)
                .map(XYSeries::getName).toList();
    }

    private static double meanAbsoluteChange(double[] values) {
        double sum = 0;
        for (int i = 1; i < values.length; i++) {
            sum += Math.abs(values[i] - values[i - 1]);
        }
        return sum / (values.length - 1);
    }
}
