package org.mnistmlp.plots;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler.LegendLayout;
import org.knowm.xchart.style.Styler.LegendPosition;
import org.knowm.xchart.style.XYStyler;
import org.knowm.xchart.style.markers.Marker;
import org.knowm.xchart.style.markers.SeriesMarkers;

/** The look shared by all charts: size, fonts, colours, legend and series styles. */
final class ChartStyle {

    static final int WIDTH = 800;
    static final int HEIGHT = 500;

    /** Colours for successive series or runs (a colour-blind-friendly qualitative palette). */
    static final Color[] PALETTE = {
            new Color(0x1f77b4), new Color(0xff7f0e), new Color(0x2ca02c), new Color(0xd62728),
            new Color(0x9467bd), new Color(0x8c564b), new Color(0xe377c2), new Color(0x7f7f7f),
            new Color(0xbcbd22), new Color(0x17becf)};

    private static final String FONT = Font.SANS_SERIF;

    private ChartStyle() {}

    /** Returns an empty chart of the standard size with the shared look. */
    static XYChart newChart(String title, String xAxisTitle, String yAxisTitle) {
        XYChart chart = new XYChart(WIDTH, HEIGHT);
        chart.setTitle(title);
        chart.setXAxisTitle(xAxisTitle);
        chart.setYAxisTitle(yAxisTitle);
        XYStyler styler = chart.getStyler();
        styler.setChartBackgroundColor(Color.WHITE);
        styler.setPlotBackgroundColor(Color.WHITE);
        styler.setPlotBorderColor(Color.GRAY);
        styler.setPlotGridLinesColor(new Color(0xe5e5e5));
        styler.setChartTitleFont(new Font(FONT, Font.BOLD, 18));
        styler.setChartTitleBoxVisible(false);
        styler.setAxisTitleFont(new Font(FONT, Font.PLAIN, 15));
        styler.setAxisTickLabelsFont(new Font(FONT, Font.PLAIN, 13));
        styler.setLegendFont(new Font(FONT, Font.PLAIN, 13));
        styler.setLegendPosition(LegendPosition.OutsideS);
        styler.setLegendLayout(LegendLayout.Horizontal);
        styler.setLegendBorderColor(Color.WHITE);
        styler.setMarkerSize(7);
        styler.setChartPadding(12);
        return chart;
    }

    /** Adds a thin line without markers, for dense per-step curves. */
    static void addThinLine(XYChart chart, String name, Curve curve, Color color) {
        addLine(chart, name, curve, color, SeriesMarkers.NONE, 1.2f);
    }

    /** Adds a thicker line with a marker on every point, for per-epoch values. */
    static void addMarkedLine(XYChart chart, String name, Curve curve, Color color) {
        addLine(chart, name, curve, color, SeriesMarkers.CIRCLE, 2f);
    }

    private static void addLine(XYChart chart, String name, Curve curve, Color color, Marker marker, float width) {
        if (curve.isEmpty()) {
            return;
        }
        XYSeries series = chart.addSeries(name, curve.x(), curve.y());
        series.setMarker(marker);
        series.setMarkerColor(color);
        series.setLineColor(color);
        series.setLineStyle(new BasicStroke(width));
    }

    /** Returns the colour of the {@code index}-th run or series. */
    static Color color(int index) {
        return PALETTE[index % PALETTE.length];
    }
}
