package org.mnistmlp.plots;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The confusion heat map and the tile galleries: sizes, colours, order, and their PNG files. */
class PicturesTest {
    private static final List<String> DIGITS = List.of("0", "1", "2", "3", "4", "5", "6", "7", "8", "9");

    private static long[][] diagonal(int n, long onDiagonal) {
        long[][] counts = new long[n][n];
        for (int i = 0; i < n; i++) {
            counts[i][i] = onDiagonal;
        }
        return counts;
    }

    private static Color at(BufferedImage image, int x, int y) {
        return new Color(image.getRGB(x, y));
    }

    @Test
    void heatMapColoursCellsByCountWithTheFirstTrueClassAtTheTop() {
        long[][] counts = diagonal(10, 1000);
        counts[0][9] = 3;
        BufferedImage image = ConfusionChart.of(counts, DIGITS, "Confusion matrix");
        int cell = 52;                                                  // the narrowest cell: the names are short
        int left = 30 + Canvas.width("0", Canvas.LABEL) + 8;
        int top = Canvas.TITLE_HEIGHT;
        assertEquals(Color.WHITE, at(image, left + 3, top + cell + 3), "true 1, predicted 0: no count");
        Color diagonal = at(image, left + 3, top + 3);
        Color few = at(image, left + 9 * cell + 3, top + 3);
        assertTrue(diagonal.getGreen() < few.getGreen() && few.getGreen() < 255,
                "1000 is darker than 3, which is darker than none: " + diagonal + " " + few);
        assertTrue(image.getWidth() >= left + 10 * cell && image.getHeight() >= top + 10 * cell);
    }

    @Test
    void heatMapWidensItsCellsForLongClassNames() {
        List<String> names = List.of("T-shirt/top", "Ankle boot");
        BufferedImage image = ConfusionChart.of(diagonal(2, 5), names, "t");
        int cell = Canvas.width("T-shirt/top", Canvas.LABEL) + 8;
        assertTrue(cell > 52);
        assertTrue(image.getWidth() >= 2 * cell + Canvas.width("T-shirt/top", Canvas.LABEL));
    }

    @Test
    void heatMapRefusesCountsThatDoNotMatchTheNames() {
        assertThrows(IllegalArgumentException.class, () -> ConfusionChart.of(diagonal(3, 1), DIGITS, "t"));
    }

    @Test
    void shadeRunsFromWhiteToDarkRed() {
        assertEquals(Color.WHITE, ConfusionChart.shade(0));
        assertEquals(new Color(0xb30000), ConfusionChart.shade(1));
        for (double f = 0; f < 1; f += 0.1) {
            Color a = ConfusionChart.shade(f);
            Color b = ConfusionChart.shade(f + 0.1);
            assertTrue(a.getGreen() + a.getBlue() >= b.getGreen() + b.getBlue(), "darker as the count grows, at " + f);
        }
    }

    /** The number of pure black pixels in row {@code y} between {@code from} and {@code to}. */
    private static int blackPixels(BufferedImage image, int y, int from, int to) {
        int count = 0;
        for (int x = from; x < to; x++) {
            count += (image.getRGB(x, y) & 0xFFFFFF) == 0 ? 1 : 0;
        }
        return count;
    }

    @Test
    void mistakesGalleryKeepsTheGivenOrderInkDarkOnWhite() {
        int[] ink = new int[28 * 28];
        Arrays.fill(ink, 255);
        List<Mistake> mistakes = List.of(new Mistake(ink, "4", "9", 0.99), new Mistake(new int[28 * 28], "7", "1", 0.6));
        BufferedImage image = Galleries.mistakes(mistakes, 28, "mistakes");
        int middleOfTiles = Canvas.TITLE_HEIGHT + 28 * TileGallery.SCALE / 2;
        int half = image.getWidth() / 2;
        assertEquals(28 * TileGallery.SCALE, blackPixels(image, middleOfTiles, 0, half), "the first, all ink, on the left");
        assertEquals(0, blackPixels(image, middleOfTiles, half, image.getWidth()), "the second, no ink, is white");
    }

    @Test
    void galleriesAreRoughlySquareGrids() {
        List<Mistake> mistakes = new ArrayList<>();
        for (int i = 0; i < 36; i++) {
            mistakes.add(new Mistake(new int[28 * 28], "4", "9", 0.9));
        }
        BufferedImage six = Galleries.mistakes(mistakes, 28, "36");
        BufferedImage seven = Galleries.mistakes(mistakes.subList(0, 7), 28, "7");
        assertEquals((six.getWidth() - TileGallery.PAD) / 6, (seven.getWidth() - TileGallery.PAD) / 3,
                "7 tiles take 3 columns, 36 take 6");
        assertTrue(six.getHeight() > 6 * 28 * TileGallery.SCALE && six.getHeight() < 6 * 2 * 28 * TileGallery.SCALE);
        assertThrows(IllegalArgumentException.class, () -> Galleries.mistakes(List.of(new Mistake(new int[10], "a", "b", 1)), 28, "t"));
    }

    @Test
    void weightTilesAreRedWherePositiveBlueWhereNegative() {
        assertEquals(Color.RED, Galleries.diverging(1));
        assertEquals(Color.BLUE, Galleries.diverging(-1));
        assertEquals(Color.WHITE, Galleries.diverging(0));
        float[] positive = new float[28 * 28];
        Arrays.fill(positive, 0.2f);
        BufferedImage image = Galleries.weights(List.of(positive), 28, "weights");
        Color centre = at(image, image.getWidth() / 2, Canvas.TITLE_HEIGHT + 28 * TileGallery.SCALE / 2);
        assertEquals(Color.RED, centre, "each tile is scaled to its own largest weight");
    }

    @Test
    void emptyGalleriesSaySo(@TempDir Path folder) throws IOException {
        Path file = folder.resolve("mistakes.png");
        ChartFiles.writePng(Galleries.mistakes(List.of(), 28, "no mistakes at all"), file);
        BufferedImage read = ImageIO.read(file.toFile());
        assertTrue(read.getWidth() > 100 && read.getHeight() > Canvas.TITLE_HEIGHT);
    }
}
