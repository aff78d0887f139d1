package org.mnistmlp.datasets;

import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Objects;
import javax.imageio.ImageIO;

/**
 * An image file prepared as MNIST's digits were: grey-scale, light ink on a black background,
 * cropped to the ink, its longer side scaled to 20 pixels (keeping the aspect ratio), and placed
 * so that its centre of mass sits at the centre of a 28×28 image (the middle of pixel (14, 14)).
 *
 * <p>Photos and scans differ from MNIST's images in ways this undoes:
 * <ul>
 *   <li>Dark ink on light paper is inverted. Which is the background is told by the image's border:
 *       a border brighter than mid-grey means light paper.</li>
 *   <li>The paper need not be white nor the ink black: levels are stretched so that the border's
 *       (median) level becomes 0 and the darkest ink 255. Pixels within 15 % of
 *       the paper's level become background, so paper grain is not taken for ink.</li>
 *   <li>The crop is the bounding box of the pixels at least 35 % of the way from
 *       paper to ink.</li>
 *   <li>A large image is shrunk by area averaging, so that a 1000×1000 drawing keeps its strokes;
 *       a small one is enlarged by bilinear interpolation. The result is stretched again so that its
 *       strongest pixel is full ink, as in every MNIST digit: thin strokes shrunk a lot stay visible.</li>
 * </ul>
 * An image whose contrast is below 20 % of the full range has no ink.
 */
public final class DigitImage {
    /** The side of the prepared image, as MNIST's. */
    public static final int SIDE = 28;
    /** The side of the box the ink is scaled to fit, as MNIST's. */
    public static final int BOX = 20;
    /**
     * Where the centre of mass goes: the middle of pixel (14, 14), as in MNIST, whose test images have
     * their mean centre of mass there ({@code 14.5, 14.5} when pixel {@code c} spans {@code [c, c + 1)}).
     */
    static final double CENTRE = SIDE / 2 + 0.5;
    static final int NOISE_PERCENT = 15;
    static final int INK_PERCENT = 35;
    static final int MIN_CONTRAST_PERCENT = 20;

    private final int[] pixels;
    private final Rectangle inkBounds;
    private final boolean inverted;

    private DigitImage(int[] pixels, Rectangle inkBounds, boolean inverted) {
        this.pixels = pixels;
        this.inkBounds = inkBounds;
        this.inverted = inverted;
    }

    /**
     * Reads an image file (PNG, JPEG, BMP or GIF) and prepares it.
     *
     * @throws DatasetException with a one-line message naming the file if it cannot be read, is not an
     *     image ImageIO can decode, or holds no ink
     */
    public static DigitImage read(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new DatasetException(file + ": " + (Files.exists(file) ? "not a file" : "no such file"));
        }
        BufferedImage image;
        try {
            image = ImageIO.read(file.toFile());
        } catch (IOException | RuntimeException e) {
            throw new DatasetException(file + ": cannot read the image: " + describe(e), e);
        }
        if (image == null) {
            throw new DatasetException(file + ": not an image (PNG, JPEG, BMP or GIF)");
        }
        try {
            return of(image);
        } catch (DatasetException e) {
            throw new DatasetException(file + ": " + e.getMessage(), e);
        }
    }

    /**
     * Prepares an image already in memory. Transparent pixels count as white paper.
     *
     * @throws DatasetException {@code "no ink found"} if the image is blank or too faint
     */
    public static DigitImage of(BufferedImage image) {
        double[][] grey = grey(image);
        double paper = borderMedian(grey);
        boolean inverted = paper > 0.5;
        double background = inverted ? 1 - paper : paper;
        double peak = 0;
        for (double[] row : grey) {
            for (double v : row) {
                peak = Math.max(peak, inverted ? 1 - v : v);
            }
        }
        double contrast = peak - background;
        if (contrast < MIN_CONTRAST_PERCENT / 100.0) {
            throw new DatasetException("no ink found");
        }
        double[][] ink = new double[grey.length][grey[0].length];
        for (int y = 0; y < grey.length; y++) {
            for (int x = 0; x < grey[0].length; x++) {
                double v = ((inverted ? 1 - grey[y][x] : grey[y][x]) - background) / contrast;
                ink[y][x] = v < NOISE_PERCENT / 100.0 ? 0 : Math.min(v, 1);
            }
        }
        Rectangle bounds = inkBounds(ink);
        double[][] cropped = crop(ink, bounds);
        double scale = (double) BOX / Math.max(bounds.width, bounds.height);
        int width = Math.max(1, (int) Math.round(bounds.width * scale));
        int height = Math.max(1, (int) Math.round(bounds.height * scale));
        return new DigitImage(centred(fullInk(Resampling.resize(cropped, width, height))), bounds, inverted);
    }

    /**
     * Stretches the scaled ink so that its strongest pixel is full ink: every MNIST digit's brightest pixel
     * is 254 or 255, while the thin strokes of a large drawing, averaged down, would stay a faint grey.
     */
    private static double[][] fullInk(double[][] ink) {
        double peak = 0;
        for (double[] row : ink) {
            for (double v : row) {
                peak = Math.max(peak, v);
            }
        }
        for (double[] row : ink) {
            for (int x = 0; x < row.length; x++) {
                row[x] /= peak;     // peak > 0: the crop holds at least one pixel of ink
            }
        }
        return ink;
    }

    /** @return a copy of the prepared pixels, {@code SIDE × SIDE} row by row: 0 background to 255 ink */
    public int[] pixels() {
        return pixels.clone();
    }

    /** @return the prepared pixel at {@code row, col}, 0 background to 255 ink */
    public int pixel(int row, int col) {
        return pixels[Objects.checkIndex(row, SIDE) * SIDE + Objects.checkIndex(col, SIDE)];
    }

    /** @return the ink's bounding box in the original image's pixel coordinates */
    public Rectangle inkBounds() {
        return new Rectangle(inkBounds);
    }

    /** @return whether the image was dark on light and has been inverted */
    public boolean inverted() {
        return inverted;
    }

    /**
     * @return the prepared image's centre of mass {@code {x, y}}, pixel {@code (c, r)} counting as the
     *     point {@code (c + 0.5, r + 0.5)}: within half a pixel of {@code {14.5, 14.5}}, the middle of
     *     pixel (14, 14)
     */
    public double[] centreOfMass() {
        double sum = 0;
        double sx = 0;
        double sy = 0;
        for (int i = 0; i < pixels.length; i++) {
            sum += pixels[i];
            sx += pixels[i] * (i % SIDE + 0.5);
            sy += pixels[i] * (i / SIDE + 0.5);
        }
        return new double[] {sx / sum, sy / sum};
    }

    /**
     * @param normalization the statistics the model was trained with
     * @return the pixels normalised as the training images were, ready to be one row of a batch
     */
    public float[] normalized(Normalization normalization) {
        float[] values = new float[pixels.length];
        for (int i = 0; i < values.length; i++) {
            values[i] = normalization.apply(pixels[i]);
        }
        return values;
    }

    /** Luminance 0 (black) to 1 (white), transparent pixels blended onto white. */
    private static double[][] grey(BufferedImage image) {
        double[][] grey = new double[image.getHeight()][image.getWidth()];
        for (int y = 0; y < grey.length; y++) {
            for (int x = 0; x < grey[0].length; x++) {
                int argb = image.getRGB(x, y);
                double alpha = (argb >>> 24) / 255.0;
                double luminance = (0.299 * (argb >> 16 & 0xFF) + 0.587 * (argb >> 8 & 0xFF) + 0.114 * (argb & 0xFF)) / 255;
                grey[y][x] = luminance * alpha + (1 - alpha);
            }
        }
        return grey;
    }

    /** The median level of the outermost ring of pixels: the paper, unless the ink fills the frame. */
    private static double borderMedian(double[][] grey) {
        int height = grey.length;
        int width = grey[0].length;
        double[] border = new double[height == 1 || width == 1 ? height * width : 2 * (width + height) - 4];
        int n = 0;
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                if (y == 0 || x == 0 || y == height - 1 || x == width - 1) {
                    border[n++] = grey[y][x];
                }
            }
        }
        Arrays.sort(border);
        return border[n / 2];
    }

    private static Rectangle inkBounds(double[][] ink) {
        int left = Integer.MAX_VALUE;
        int top = Integer.MAX_VALUE;
        int right = -1;
        int bottom = -1;
        for (int y = 0; y < ink.length; y++) {
            for (int x = 0; x < ink[0].length; x++) {
                if (ink[y][x] >= INK_PERCENT / 100.0) {
                    left = Math.min(left, x);
                    right = Math.max(right, x);
                    top = Math.min(top, y);
                    bottom = Math.max(bottom, y);
                }
            }
        }
        return new Rectangle(left, top, right - left + 1, bottom - top + 1);
    }

    private static double[][] crop(double[][] ink, Rectangle r) {
        double[][] cropped = new double[r.height][];
        for (int y = 0; y < r.height; y++) {
            cropped[y] = Arrays.copyOfRange(ink[r.y + y], r.x, r.x + r.width);
        }
        return cropped;
    }

    /** Places the scaled ink, shifted by whole pixels, so that its centre of mass falls nearest {@link #CENTRE}. */
    private static int[] centred(double[][] ink) {
        double sum = 0;
        double sx = 0;
        double sy = 0;
        for (int y = 0; y < ink.length; y++) {
            for (int x = 0; x < ink[0].length; x++) {
                sum += ink[y][x];
                sx += ink[y][x] * (x + 0.5);
                sy += ink[y][x] * (y + 0.5);
            }
        }
        int dx = (int) Math.round(CENTRE - sx / sum);
        int dy = (int) Math.round(CENTRE - sy / sum);
        int[] pixels = new int[SIDE * SIDE];
        for (int y = 0; y < ink.length; y++) {
            for (int x = 0; x < ink[0].length; x++) {
                int tx = x + dx;
                int ty = y + dy;
                if (tx >= 0 && tx < SIDE && ty >= 0 && ty < SIDE) {
                    pixels[ty * SIDE + tx] = (int) Math.round(255 * Math.min(1, Math.max(0, ink[y][x])));
                }
            }
        }
        return pixels;
    }

    private static String describe(Exception e) {
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage().replaceAll("\\s+", " ");
    }
}
