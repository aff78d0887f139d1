package org.mnistmlp.datasets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** Image files become MNIST-like 28×28 digits: inverted, cropped, scaled to 20 px and centred by mass. */
class DigitImageTest {

    /**
     * An "L" drawn dark on white in the upper left of a {@code size}×{@code size} image: a vertical
     * bar and a foot, both {@code size/10} thick, spanning x from 0.10 to 0.45 and y from 0.15 to 0.75
     * of the size (so the box is 0.35 wide and 0.6 high, well off-centre).
     */
    static BufferedImage darkL(int size) {
        return darkL(size, Math.max(1, size / 10));
    }

    /** The same "L" with strokes {@code thick} pixels wide. */
    static BufferedImage darkL(int size, int thick) {
        BufferedImage image = new BufferedImage(size, size, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, size, size);
        g.setColor(Color.BLACK);
        Rectangle box = expectedBox(size);
        g.fillRect(box.x, box.y, thick, box.height);
        g.fillRect(box.x, box.y + box.height - thick, box.width, thick);
        g.dispose();
        return image;
    }

    static Rectangle expectedBox(int size) {
        int x = Math.round(size * 0.10f);
        int y = Math.round(size * 0.15f);
        return new Rectangle(x, y, Math.round(size * 0.45f) - x, Math.round(size * 0.75f) - y);
    }

    /** The bounding box of the prepared pixels at or above {@code level}. */
    private static Rectangle box(DigitImage d, int level) {
        Rectangle r = null;
        for (int row = 0; row < DigitImage.SIDE; row++) {
            for (int col = 0; col < DigitImage.SIDE; col++) {
                if (d.pixel(row, col) >= level) {
                    Rectangle p = new Rectangle(col, row, 1, 1);
                    r = r == null ? p : r.union(p);
                }
            }
        }
        return r;
    }

    @ParameterizedTest
    @ValueSource(ints = {28, 100, 1000})
    void aLargeOffCentreDarkDigitIsInvertedCroppedScaledAndCentred(int size) {
        DigitImage d = DigitImage.of(darkL(size));

        assertTrue(d.inverted(), "dark on white is inverted");
        assertEquals(expectedBox(size), d.inkBounds());
        Rectangle prepared = box(d, 1);
        assertEquals(DigitImage.BOX, prepared.height, "the longer side (height) becomes 20 px: " + prepared);
        int expectedWidth = Math.round(DigitImage.BOX * (float) expectedBox(size).width / expectedBox(size).height);
        assertEquals(expectedWidth, prepared.width, 1, "the aspect ratio is kept: " + prepared);
        double[] centre = d.centreOfMass();
        assertEquals(14.5, centre[0], 0.5, "centre of mass x: the middle of pixel 14, as MNIST's");
        assertEquals(14.5, centre[1], 0.5, "centre of mass y");
        assertEquals(255, Arrays.stream(d.pixels()).max().orElseThrow(), "the strokes keep full ink");
    }

    @Test
    void aThousandPixelDrawingKeepsItsStrokesAsAHundredPixelOneDoes() {
        int[] small = DigitImage.of(darkL(100)).pixels();
        int[] large = DigitImage.of(darkL(1000)).pixels();
        double difference = 0;
        for (int i = 0; i < small.length; i++) {
            difference += Math.abs(small[i] - large[i]);
        }
        double ink = Arrays.stream(small).sum();
        assertTrue(difference < 0.1 * ink, "the same drawing at 10× the size prepares alike: differs by "
                + difference + " of " + ink);
    }

    @Test
    void thinStrokesOfAThousandPixelDrawingKeepTheirInkAndReachFullInkWhenShrunk() {
        int thick = 20;                                  // 0.7 px once the 600 px high box becomes 20 px
        DigitImage d = DigitImage.of(darkL(1000, thick));
        Rectangle box = d.inkBounds();
        double strokeArea = thick * box.height + box.width * thick - thick * thick;
        Rectangle prepared = box(d, 1);
        double pixelArea = (double) box.width / prepared.width * box.height / prepared.height;
        double averagedInk = 255 * strokeArea / pixelArea;   // what area averaging alone keeps
        double ink = Arrays.stream(d.pixels()).sum();
        assertTrue(ink >= 0.97 * averagedInk, "strokes do not vanish: " + ink + " of at least " + averagedInk);
        // every MNIST digit's brightest pixel is 254 or 255: a faint grey stroke is no digit the model has seen
        assertEquals(255, Arrays.stream(d.pixels()).max().orElseThrow(), "the strongest stroke is full ink");
    }

    @Test
    void paperGrainAndGreyInkAreNotTakenForInkOutsideTheDigit() {
        BufferedImage image = darkL(200);
        Random random = new Random(3);
        for (int y = 0; y < 200; y++) {
            for (int x = 0; x < 200; x++) {
                int v = new Color(image.getRGB(x, y)).getRed() == 0 ? 60 : 215 + random.nextInt(25); // grey ink, grainy paper
                image.setRGB(x, y, new Color(v, v, v).getRGB());
            }
        }
        DigitImage d = DigitImage.of(image);
        assertEquals(expectedBox(200), d.inkBounds());
        assertEquals(255, Arrays.stream(d.pixels()).max().orElseThrow(), "the ink is stretched to full");
        assertEquals(DigitImage.BOX, box(d, 1).height, "no grain around the digit");
    }

    @Test
    void lightInkOnDarkIsNotInverted() {
        BufferedImage image = darkL(56);
        for (int y = 0; y < 56; y++) {
            for (int x = 0; x < 56; x++) {
                image.setRGB(x, y, ~image.getRGB(x, y));
            }
        }
        DigitImage d = DigitImage.of(image);
        assertFalse(d.inverted());
        assertEquals(expectedBox(56), d.inkBounds());
    }

    @Test
    void aTransparentBackgroundCountsAsPaper() {
        BufferedImage image = new BufferedImage(100, 100, BufferedImage.TYPE_INT_ARGB);  // all transparent
        BufferedImage l = darkL(100);
        for (int y = 0; y < 100; y++) {
            for (int x = 0; x < 100; x++) {
                if (l.getRGB(x, y) == Color.BLACK.getRGB()) {
                    image.setRGB(x, y, Color.BLACK.getRGB());
                }
            }
        }
        assertEquals(expectedBox(100), DigitImage.of(image).inkBounds());
    }

    @Test
    void aBlankOrFaintImageHasNoInk() {
        BufferedImage white = new BufferedImage(50, 50, BufferedImage.TYPE_INT_RGB);
        white.getGraphics().fillRect(0, 0, 50, 50);
        DatasetException e = assertThrows(DatasetException.class, () -> DigitImage.of(white));
        assertEquals("no ink found", e.getMessage());
        BufferedImage faint = new BufferedImage(50, 50, BufferedImage.TYPE_BYTE_GRAY);
        Random random = new Random(1);
        for (int y = 0; y < 50; y++) {
            for (int x = 0; x < 50; x++) {
                int v = 225 + random.nextInt(30);
                faint.setRGB(x, y, new Color(v, v, v).getRGB());
            }
        }
        assertThrows(DatasetException.class, () -> DigitImage.of(faint), "paper grain alone is no digit");
    }

    @Test
    void readingNamesTheFileInEveryError(@TempDir Path folder) throws IOException {
        Path text = Files.writeString(folder.resolve("notes.png"), "not an image");
        assertEquals(text + ": not an image (PNG, JPEG, BMP or GIF)",
                assertThrows(DatasetException.class, () -> DigitImage.read(text)).getMessage());
        Path missing = folder.resolve("missing.png");
        assertEquals(missing + ": no such file", assertThrows(DatasetException.class, () -> DigitImage.read(missing)).getMessage());
        Path blank = folder.resolve("blank.png");
        ImageIO.write(new BufferedImage(30, 30, BufferedImage.TYPE_INT_RGB), "png", blank.toFile());
        assertEquals(blank + ": no ink found", assertThrows(DatasetException.class, () -> DigitImage.read(blank)).getMessage());
        Path truncated = folder.resolve("truncated.png");
        ImageIO.write(darkL(100), "png", truncated.toFile());
        byte[] bytes = Files.readAllBytes(truncated);
        Files.write(truncated, Arrays.copyOf(bytes, bytes.length / 2));
        String message = assertThrows(DatasetException.class, () -> DigitImage.read(truncated)).getMessage();
        assertTrue(message.startsWith(truncated + ": "), message);
        assertFalse(message.contains("\n"), message);
    }
}
