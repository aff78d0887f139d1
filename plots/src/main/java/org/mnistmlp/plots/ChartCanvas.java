package org.mnistmlp.plots;

import java.awt.Dimension;
import java.awt.Graphics;
import java.awt.Graphics2D;
import javax.swing.JPanel;
import org.knowm.xchart.XYChart;

/** A Swing component painting an XChart chart scaled to its size; the chart can be replaced. */
final class ChartCanvas extends JPanel {

    private XYChart chart;

    ChartCanvas(XYChart chart) {
        this.chart = chart;
        setPreferredSize(new Dimension(chart.getWidth(), chart.getHeight()));
    }

    /** Shows another chart. Call on the Swing thread. */
    void setChart(XYChart chart) {
        this.chart = chart;
        repaint();
    }

    @Override
    protected void paintComponent(Graphics g) {
        super.paintComponent(g);
        Graphics2D g2 = (Graphics2D) g.create();
        try {
            chart.paint(g2, getWidth(), getHeight());
        } finally {
            g2.dispose();
        }
    }
}
