package org.mnistmlp.plots;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.font.FontRenderContext;
import java.awt.image.BufferedImage;

/** A white picture with anti-aliased text in the charts' fonts, for the pictures drawn with Java2D. */
final class Canvas {
    static final Font TITLE = new Font(Font.SANS_SERIF, Font.BOLD, 18);
    static final Font AXIS = new Font(Font.SANS_SERIF, Font.BOLD, 15);
    static final Font LABEL = new Font(Font.SANS_SERIF, Font.PLAIN, 13);
    static final int TITLE_HEIGHT = 40;
    private static final FontRenderContext MEASURE = new FontRenderContext(null, true, true);

    private final BufferedImage image;
    private final Graphics2D g;

    Canvas(int width, int height) {
        image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, width, height);
    }

    /** The width of {@code text} in {@code font}, in pixels, rounded up. */
    static int width(String text, Font font) {
        return (int) Math.ceil(font.getStringBounds(text, MEASURE).getWidth());
    }

    Graphics2D graphics() {
        return g;
    }

    /** Draws the picture's title centred at the top. */
    void title(String text) {
        text(text, TITLE, Color.BLACK, image.getWidth() / 2.0, 27);
    }

    /** Draws {@code text} centred horizontally on {@code centreX}, its baseline at {@code baseline}. */
    void text(String text, Font font, Color color, double centreX, double baseline) {
        g.setFont(font);
        g.setColor(color);
        g.drawString(text, (float) (centreX - width(text, font) / 2.0), (float) baseline);
    }

    /** Finishes drawing and returns the picture. */
    BufferedImage done() {
        g.dispose();
        return image;
    }
}
