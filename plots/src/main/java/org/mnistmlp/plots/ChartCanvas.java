package org.mnistmlp.plots;

import java.awt.Dimension;
import java.awt.Graphics;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import javax.swing.JPanel;
import org.knowm.xchart.XYChart;

/**
 * A Swing component showing an XChart chart at its size. The chart is rendered once into an
 * image when it is set (or the component resized), so that repainting the window costs a copy, and
 * a redraw's whole cost shows in {@link #setChart}, where the live view measures it.
 */
final class ChartCanvas extends JPanel {

    private XYChart chart;
    private BufferedImage image;

    ChartCanvas(XYChart chart) {
        this.chart = chart;
        setPreferredSize(new Dimension(chart.getWidth(), chart.getHeight()));
    }

    /** Shows another chart, rendering it now. Call on the Swing thread. */
    void setChart(XYChart chart) {
        this.chart = chart;
        render();
        repaint();
    }

    private void render() {
        int width = Math.max(1, getWidth());
        int height = Math.max(1, getHeight());
        if (image == null || image.getWidth() != width || image.getHeight() != height) {
            image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        }
        Graphics2D g = image.createGraphics();
        try {
            chart.paint(g, width, height);
        } finally {
            g.dispose();
        }
    }

    @Override
    protected void paintComponent(Graphics g) {
        super.paintComponent(g);
        if (image == null || image.getWidth() != getWidth() || image.getHeight() != getHeight()) {
            render();
        }
        g.drawImage(image, 0, 0, null);
    }
}
