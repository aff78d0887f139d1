package org.mnistmlp.plots;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.util.Arrays;
import java.util.List;

/**
 * The confusion matrix as a heat map: true classes down the side (the first at the top), predicted
 * classes along the bottom, each cell showing its count (blank for none). Colour follows the
 * logarithm of the count, so that a handful of mistakes stands out beside a diagonal of thousands;
 * the counts are in the cells, so there is no colour scale to look up.
 *
 * <p>Drawn with Java2D: XChart 4.0.3's heat map ignores its value formatter, leaves out every other
 * category label and shifts the cells against their ticks.
 */
public final class ConfusionChart {
    private static final int MIN_CELL = 52;
    private static final int GAP = 8;
    /** White to dark red (ColorBrewer's OrRd), interpolated on log(1 + count). */
    private static final Color[] RAMP = {Color.WHITE, new Color(0xfdd49e), new Color(0xfc8d59), new Color(0xb30000)};

    private ConfusionChart() {}

    /**
     * @param counts a square matrix: row = true class, column = predicted class
     * @param classNames one name per class, in label order
     * @param title the picture's title
     * @return the picture, its cells at least 52 px and wide enough for the longest class name
     * @throws IllegalArgumentException if the matrix is not square or the names do not match its size
     */
    public static BufferedImage of(long[][] counts, List<String> classNames, String title) {
        int n = classNames.size();
        if (counts.length != n || Arrays.stream(counts).anyMatch(row -> row.length != n)) {
            throw new IllegalArgumentException("a confusion matrix of " + n + " classes needs " + n + "×" + n + " counts");
        }
        int longest = classNames.stream().mapToInt(name -> Canvas.width(name, Canvas.LABEL)).max().orElse(0);
        int cell = Math.max(MIN_CELL, longest + GAP);
        int left = 30 + longest + GAP;                      // axis title, class names, gap
        int top = Canvas.TITLE_HEIGHT;
        int width = Math.max(left + n * cell + 20, Canvas.width(title, Canvas.TITLE) + 40);
        Canvas canvas = new Canvas(width, top + n * cell + 60);
        canvas.title(title);
        Graphics2D g = canvas.graphics();
        double max = Math.log1p(Arrays.stream(counts).flatMapToLong(Arrays::stream).max().orElse(0));
        for (int t = 0; t < n; t++) {
            for (int p = 0; p < n; p++) {
                int x = left + p * cell;
                int y = top + t * cell;
                Color fill = shade(max == 0 ? 0 : Math.log1p(counts[t][p]) / max);
                g.setColor(fill);
                g.fillRect(x, y, cell, cell);
                if (counts[t][p] > 0) {
                    Color ink = luminance(fill) < 0.55 ? Color.WHITE : Color.BLACK;
                    canvas.text(Long.toString(counts[t][p]), Canvas.LABEL, ink, x + cell / 2.0, y + cell / 2.0 + 5);
                }
            }
        }
        g.setColor(new Color(0xe5e5e5));
        for (int c = 1; c < n; c++) {
            g.drawLine(left + c * cell, top, left + c * cell, top + n * cell);
            g.drawLine(left, top + c * cell, left + n * cell, top + c * cell);
        }
        g.setColor(Color.GRAY);
        g.drawRect(left, top, n * cell, n * cell);
        for (int c = 0; c < n; c++) {
            String name = classNames.get(c);
            canvas.text(name, Canvas.LABEL, Color.BLACK, left - GAP - Canvas.width(name, Canvas.LABEL) / 2.0, top + c * cell + cell / 2.0 + 5);
            canvas.text(name, Canvas.LABEL, Color.BLACK, left + c * cell + cell / 2.0, top + n * cell + 18);
        }
        canvas.text("predicted", Canvas.AXIS, Color.BLACK, left + n * cell / 2.0, top + n * cell + 44);
        AffineTransform straight = g.getTransform();
        g.rotate(-Math.PI / 2);                              // the y axis title reads bottom to top
        canvas.text("true", Canvas.AXIS, Color.BLACK, -(top + n * cell / 2.0), 20);
        g.setTransform(straight);
        return canvas.done();
    }

    /** The ramp's colour at {@code f} in 0..1, interpolated linearly between its stops. */
    static Color shade(double f) {
        double scaled = Math.min(Math.max(f, 0), 1) * (RAMP.length - 1);
        int i = Math.min((int) scaled, RAMP.length - 2);
        double w = scaled - i;
        Color a = RAMP[i];
        Color b = RAMP[i + 1];
        return new Color(mix(a.getRed(), b.getRed(), w), mix(a.getGreen(), b.getGreen(), w), mix(a.getBlue(), b.getBlue(), w));
    }

    private static int mix(int a, int b, double w) {
        return (int) Math.round(a + (b - a) * w);
    }

    private static double luminance(Color c) {
        return (0.299 * c.getRed() + 0.587 * c.getGreen() + 0.114 * c.getBlue()) / 255;
    }
}
