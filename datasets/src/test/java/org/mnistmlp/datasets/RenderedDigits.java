package org.mnistmlp.datasets;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;

/** Real MNIST digits rendered as a user's photo might show them: enlarged, off-centre, dark on white. */
public final class RenderedDigits {
    private RenderedDigits() {}

    /**
     * Image {@code index} of {@code set}, inverted (dark ink on white paper), enlarged {@code scale}
     * times with bilinear smoothing, on a canvas one and a half times as wide and high, moved towards
     * the top left by a third of the margin.
     */
    public static BufferedImage photo(ImageSet set, int index, int scale) {
        BufferedImage digit = new BufferedImage(set.cols(), set.rows(), BufferedImage.TYPE_INT_RGB);
        for (int p = 0; p < set.pixelsPerImage(); p++) {
            int v = 255 - set.pixel(index, p);
            digit.setRGB(p % set.cols(), p / set.cols(), new Color(v, v, v).getRGB());
        }
        int side = set.cols() * scale;
        int canvas = side * 3 / 2;
        BufferedImage photo = new BufferedImage(canvas, canvas, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = photo.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, canvas, canvas);
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.drawImage(digit, (canvas - side) / 6, (canvas - side) / 6, side, side, null);
        g.dispose();
        return photo;
    }
}
