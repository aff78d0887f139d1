package org.mnistmlp.plots;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;

/** Pictures of images in grids: a model's mistakes, and the weights of its first layer's units. */
public final class Galleries {
    private Galleries() {}

    /**
     * The mistakes in the order given (most confident first, as {@code Metrics.mostConfidentMistakes}
     * gives them), drawn dark on white, each captioned with its true class and, in red, the predicted
     * class and its probability.
     *
     * @param side the images' width and height in pixels
     * @param title the picture's title
     * @throws IllegalArgumentException if an image is not {@code side × side} pixels
     */
    public static BufferedImage mistakes(List<Mistake> mistakes, int side, String title) {
        List<TileGallery.Tile> tiles = new ArrayList<>();
        for (Mistake m : mistakes) {
            BufferedImage image = tile(side, m.pixels().length, (x, y) -> {
                int ink = m.pixels()[y * side + x];
                return new Color(255 - ink, 255 - ink, 255 - ink);
            });
            tiles.add(new TileGallery.Tile(image, "true " + m.trueClass(),
                    String.format("predicted %s %.1f%%", m.predictedClass(), 100 * m.probability())));
        }
        return TileGallery.draw(title, tiles, columns(tiles.size()), side, "none to show");
    }

    /**
     * One tile per unit: the weights from each input pixel to the unit, red where positive and blue
     * where negative, each tile scaled to its own largest magnitude (white is zero).
     *
     * @param units one array of {@code side × side} weights per unit
     * @param side the input images' width and height in pixels
     * @param title the picture's title
     * @throws IllegalArgumentException if a unit does not hold {@code side × side} weights
     */
    public static BufferedImage weights(List<float[]> units, int side, String title) {
        List<TileGallery.Tile> tiles = new ArrayList<>();
        for (int u = 0; u < units.size(); u++) {
            float[] w = units.get(u);
            float largest = 0;
            for (float v : w) {
                largest = Math.max(largest, Math.abs(v));
            }
            float scale = largest == 0 ? 1 : largest;
            tiles.add(new TileGallery.Tile(tile(side, w.length, (x, y) -> diverging(w[y * side + x] / scale)),
                    "unit " + u, ""));
        }
        return TileGallery.draw(title, tiles, columns(tiles.size()), side, "no units");
    }

    /** Blue (−1) through white (0) to red (+1). */
    static Color diverging(float v) {
        int fade = Math.round(255 * (1 - Math.min(Math.abs(v), 1)));
        return v >= 0 ? new Color(255, fade, fade) : new Color(fade, fade, 255);
    }

    private interface PixelColor {
        Color at(int x, int y);
    }

    private static BufferedImage tile(int side, int values, PixelColor color) {
        if (values != side * side) {
            throw new IllegalArgumentException("a " + side + "×" + side + " tile needs " + side * side + " values, got " + values);
        }
        BufferedImage image = new BufferedImage(side, side, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < side; y++) {
            for (int x = 0; x < side; x++) {
                image.setRGB(x, y, color.at(x, y).getRGB());
            }
        }
        return image;
    }

    /** A roughly square grid: the smallest column count whose square holds them all. */
    private static int columns(int count) {
        return Math.max(1, (int) Math.ceil(Math.sqrt(count)));
    }
}
