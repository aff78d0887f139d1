package org.mnistmlp.plots;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.util.List;

/** Square images in a grid under a title, each enlarged, with a black and a red caption line below it. */
final class TileGallery {
    static final int SCALE = 3;
    static final int PAD = 10;
    private static final int CAPTION_LINE = 16;
    private static final Color ACCENT = new Color(0xc0392b);

    /**
     * One tile.
     *
     * @param image the image at its own size (drawn {@link #SCALE} times larger, without smoothing)
     * @param caption the first caption line, black
     * @param accent the second caption line, red; empty for none
     */
    record Tile(BufferedImage image, String caption, String accent) {}

    private TileGallery() {}

    /**
     * Lays the tiles out in rows of {@code columns}, {@code side} pixels square each before
     * enlarging; with no tiles, shows {@code emptyNote} instead.
     */
    static BufferedImage draw(String title, List<Tile> tiles, int columns, int side, String emptyNote) {
        int longestCaption = tiles.stream()
                .mapToInt(t -> Math.max(Canvas.width(t.caption(), Canvas.LABEL), Canvas.width(t.accent(), Canvas.LABEL)))
                .max().orElse(0);
        int cellWidth = Math.max(side * SCALE, longestCaption) + PAD;
        boolean twoLines = tiles.stream().anyMatch(t -> !t.accent().isEmpty());
        int cellHeight = side * SCALE + CAPTION_LINE * (twoLines ? 2 : 1) + 2 + PAD;
        int rows = (tiles.size() + columns - 1) / columns;
        int width = Math.max(PAD + columns * cellWidth, Canvas.width(title, Canvas.TITLE) + 2 * PAD);
        int height = Canvas.TITLE_HEIGHT + Math.max(rows, 1) * cellHeight;
        Canvas canvas = new Canvas(width, height);
        canvas.title(title);
        if (tiles.isEmpty()) {
            canvas.text(emptyNote, Canvas.LABEL, Color.GRAY, width / 2.0, Canvas.TITLE_HEIGHT + cellHeight / 2.0);
        }
        Graphics2D g = canvas.graphics();
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_NEAREST_NEIGHBOR);
        int left = (width - columns * cellWidth) / 2 + PAD / 2;
        for (int i = 0; i < tiles.size(); i++) {
            Tile tile = tiles.get(i);
            double centreX = left + (i % columns) * cellWidth + cellWidth / 2.0;
            int top = Canvas.TITLE_HEIGHT + (i / columns) * cellHeight;
            int x = (int) Math.round(centreX - side * SCALE / 2.0);
            g.drawImage(tile.image(), x, top, side * SCALE, side * SCALE, null);
            g.setColor(Color.LIGHT_GRAY);
            g.drawRect(x - 1, top - 1, side * SCALE + 1, side * SCALE + 1);
            int below = top + side * SCALE;
            canvas.text(tile.caption(), Canvas.LABEL, Color.BLACK, centreX, below + 15);
            canvas.text(tile.accent(), Canvas.LABEL, ACCENT, centreX, below + 15 + CAPTION_LINE);
        }
        return canvas.done();
    }
}
