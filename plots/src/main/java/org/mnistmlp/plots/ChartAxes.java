package org.mnistmlp.plots;

import java.awt.Color;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Locale;
import java.util.function.Function;
import org.knowm.xchart.AnnotationText;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.XYStyler;
import org.knowm.xchart.style.lines.SeriesLines;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * Bounds, tick spacing and tick labels of the chart axes: epochs along x, loss or accuracy along y.
 *
 * <p>XChart picks ticks itself; these settings steer it towards round values. Call {@link #loss}
 * or {@link #percent} before adding the chart's series: they add an invisible first series.
 */
final class ChartAxes {

    /** Name of the invisible series added by {@link #addAxisRange}; it has no legend entry. */
    static final String AXIS_RANGE_SERIES = "axis range";

    /** A log axis pays off only when the losses span at least this ratio (one decade). */
    static final double MIN_LOG_AXIS_RATIO = 10;

    /** The percent axis is bounded to multiples of this many points. */
    static final double PERCENT_BOUNDS_STEP = 0.5;

    /** The most decimals a linear axis label shows, also when the axis spans a single value. */
    static final int MAX_DECIMALS = 4;

    /** Rough width of the plot area in pixels, to turn a wanted epoch step into a spacing hint. */
    private static final int PLOT_WIDTH_ESTIMATE = 700;

    /**
     * Spacing hints stay within these pixels: XChart needs the x hint below the height of a log
     * y axis, or that axis gets no ticks at all.
     */
    private static final int MIN_X_SPACING_HINT = 60;
    private static final int MAX_X_SPACING_HINT = 200;

    /** Wanted tick step while the run is in its first epoch: fifths of an epoch. */
    private static final double FIRST_EPOCH_STEP = 0.2;

    private ChartAxes() {}

    /**
     * Spans the x axis from 0 to the next whole epoch after {@code lastPosition}, so that live and
     * final charts line up. Labels mark whole epochs; within the first epoch, tidy fractions.
     *
     * @return the end of the axis, a whole number of epochs, at least 1
     */
    private static double epochs(XYChart chart, double lastPosition) {
        double end = Math.max(1, Math.ceil(lastPosition - 1e-9));
        XYStyler styler = chart.getStyler();
        styler.setXAxisMin(0.0);
        styler.setXAxisMax(end);
        double wantedStep = end == 1 ? FIRST_EPOCH_STEP : 1;
        styler.setXAxisTickMarkSpacingHint((int) Math.max(MIN_X_SPACING_HINT,
                Math.min(MAX_X_SPACING_HINT, PLOT_WIDTH_ESTIMATE * wantedStep / end)));
        styler.setXAxisTickLabelsFormattingFunction(
                end == 1 ? ChartAxes::plain : ChartAxes::wholeNumberOrBlank);
        return end;
    }

    /**
     * Sets the axes of a loss chart whose curves have the given extent: epochs along x, and a loss
     * axis that is logarithmic when the losses are all positive and span at least a decade,
     * labelled at 1, 2 and 5 times powers of ten. XChart's own log axis labels only the powers of
     * ten, so a loss falling from 0.9 to 0.2 would show a single label; under a decade a linear axis
     * with round ticks reads better than a log one.
     */
    static void loss(XYChart chart, Extent extent) {
        double end = epochs(chart, extent.xMax());
        addAxisRange(chart, end, extent.yMin(), extent.yMax());
        XYStyler styler = chart.getStyler();
        boolean logarithmic =
                extent.yMin() > 0 && extent.yMax() / extent.yMin() >= MIN_LOG_AXIS_RATIO;
        styler.setYAxisLogarithmic(logarithmic);
        styler.setYAxisLogarithmicDecadeOnly(false);
        if (logarithmic) {
            styler.setYAxisTickLabelsFormattingFunction(ChartAxes::oneTwoFiveOrBlank);
        } else {
            linear(styler, extent.yMin(), extent.yMax());
        }
    }

    /**
     * Bounds a linear y axis to the multiples of its label unit just around {@code min} and
     * {@code max}. XChart takes an axis whose two ends get the same label for an axis of a single
     * value, and draws no tick at all: a blank label at both unround ends did just that.
     */
    private static void linear(XYStyler styler, double min, double max) {
        double unit = labelUnit(max - min);
        double lower = Math.floor(min / unit - 1e-9) * unit;
        double upper = Math.max(lower + unit, Math.ceil(max / unit + 1e-9) * unit);
        styler.setYAxisMin(lower);
        styler.setYAxisMax(upper);
        styler.setYAxisTickLabelsFormattingFunction(fixedDecimals(upper - lower));
    }

    /**
     * Sets the axes of an accuracy chart whose curves, in percent, have the given extent: epochs
     * along x, and a percent axis bounded to the multiples of {@link #PERCENT_BOUNDS_STEP} just
     * around the accuracies, not above 100.
     */
    static void percent(XYChart chart, Extent extent) {
        double end = epochs(chart, extent.xMax());
        double lower =
                Math.max(0, Math.ceil(extent.yMin() / PERCENT_BOUNDS_STEP - 1) * PERCENT_BOUNDS_STEP);
        double upper =
                Math.min(100, Math.floor(extent.yMax() / PERCENT_BOUNDS_STEP + 1) * PERCENT_BOUNDS_STEP);
        addAxisRange(chart, end, lower, upper);
        XYStyler styler = chart.getStyler();
        styler.setYAxisMin(lower);
        styler.setYAxisMax(upper);
        styler.setYAxisTickLabelsFormattingFunction(fixedDecimals(upper - lower));
    }

    /**
     * Prepares a chart with nothing to draw yet: the first epoch along x, {@code min} to {@code max}
     * along y, and {@code message} in the middle of the plot.
     */
    static void empty(XYChart chart, double min, double max, String message) {
        epochs(chart, 1);
        XYStyler styler = chart.getStyler();
        styler.setYAxisMin(min);
        styler.setYAxisMax(max);
        styler.setYAxisTickLabelsFormattingFunction(fixedDecimals(max - min));
        styler.setAnnotationTextFont(styler.getAxisTitleFont());
        styler.setAnnotationTextFontColor(Color.GRAY);
        chart.addAnnotation(new AnnotationText(message, 0.5, (min + max) / 2, false));
    }

    /**
     * Adds an invisible series through (end, yMax), (0, yMin) and the middle between them, as the
     * chart's first series.
     *
     * <p>XChart puts ticks at the data's own values when these are equally spaced, as the steps of a
     * short run are, which gives labels like 0.09 and 1.97. It checks the values in the order the
     * series hold them; these points, listed first, falling then rising, break the even spacing so
     * that XChart chooses round ticks. They lie within the axes, so they move no bound.
     */
    private static void addAxisRange(XYChart chart, double end, double yMin, double yMax) {
        XYSeries series = chart.addSeries(AXIS_RANGE_SERIES, new double[] {end, 0, end / 2},
                new double[] {yMax, yMin, (yMin + yMax) / 2});
        series.setLineStyle(SeriesLines.NONE);
        series.setMarker(SeriesMarkers.NONE);
        series.setShowInLegend(false);
    }

    /** Formats a value with the digits it needs: 0.5, 1, 0.02, 97.5. */
    private static String plain(double value) {
        return new BigDecimal(value).round(MathContext.DECIMAL32).stripTrailingZeros().toPlainString();
    }

    /**
     * Returns a label format for a linear axis spanning {@code span}, with the same number of
     * decimals on every label, enough for about ten ticks ("97.5", "98.0"), at most {@link
     * #MAX_DECIMALS}. Should XChart place finer ticks, say on a tall window, those between stay
     * blank rather than repeat a rounded label.
     */
    static Function<Double, String> fixedDecimals(double span) {
        double unit = labelUnit(span);
        int decimals = (int) Math.round(-Math.log10(unit));
        String pattern = "%." + decimals + "f";
        return value -> isWhole(value / unit) ? String.format(Locale.ROOT, pattern, value) : "";
    }

    /** The step of the last digit that labels of an axis spanning {@code span} show: 0.1, 0.01, ... */
    private static double labelUnit(double span) {
        int decimals = (int) Math.max(0, Math.min(MAX_DECIMALS, -Math.floor(Math.log10(span / 10))));
        return Math.pow(10, -decimals);
    }

    private static String wholeNumberOrBlank(double value) {
        return isWhole(value) ? plain(value) : "";
    }

    /** Labels the log ticks 1, 2 and 5 times a power of ten; the ticks between stay blank. */
    private static String oneTwoFiveOrBlank(double value) {
        double mantissa = value / Math.pow(10, Math.floor(Math.log10(value) + 1e-9));
        boolean labelled = isWhole(mantissa) && (Math.round(mantissa) == 1
                || Math.round(mantissa) == 2 || Math.round(mantissa) == 5);
        return labelled ? plain(value) : "";
    }

    private static boolean isWhole(double value) {
        return Math.abs(value - Math.rint(value)) < 1e-6;
    }
}
