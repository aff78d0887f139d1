package org.mnistmlp.datasets;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IdxReaderTest {

    @TempDir
    Path dir;

    @Test
    void parsesImagesHeaderAndPixels() {
        IdxReader.Images images = IdxReader.parseImages("x", IdxBytes.images(3, 2, 4));
        assertEquals(3, images.count());
        assertEquals(2, images.rows());
        assertEquals(4, images.cols());
        assertEquals(24, images.pixels().length);
        assertEquals((2 * 7 + 5) % 256, images.pixels()[2 * 8 + 5]);
    }

    @Test
    void parsesLabels() {
        assertArrayEquals(new byte[] {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 0, 1},
                IdxReader.parseLabels("x", IdxBytes.labels(12), 10));
    }

    @Test
    void readsRawAndGzipFilesAlike() {
        byte[] content = IdxBytes.images(5, 28, 28);
        Path raw = IdxBytes.write(dir.resolve("a"), content);
        Path gz = IdxBytes.write(dir.resolve("b.gz"), IdxBytes.gzip(content));
        assertArrayEquals(IdxReader.readImages(raw).pixels(), IdxReader.readImages(gz).pixels());
    }

    @Test
    void wrongMagicSaysExpectedAndFound() {
        DatasetException e = assertThrows(DatasetException.class,
                () -> IdxReader.parseImages("train-images-idx3-ubyte", IdxBytes.labels(20)));
        assertEquals("train-images-idx3-ubyte: wrong magic number 0x00000801, expected 0x00000803 (IDX images)",
                e.getMessage());
    }

    @Test
    void truncatedImagesSayExpectedAndActualBytes() {
        byte[] content = Arrays.copyOf(IdxBytes.images(3, 28, 28), 16 + 3 * 784 - 10);
        DatasetException e = assertThrows(DatasetException.class, () -> IdxReader.parseImages("img", content));
        assertTrue(e.getMessage().startsWith("img: truncated"), e.getMessage());
        assertTrue(e.getMessage().contains("needs 2368 bytes, but there are only 2358"), e.getMessage());
    }

    @Test
    void truncatedLabelsSayExpectedAndActualBytes() {
        byte[] content = Arrays.copyOf(IdxBytes.labels(100), 50);
        DatasetException e = assertThrows(DatasetException.class, () -> IdxReader.parseLabels("lab", content, 10));
        assertTrue(e.getMessage().contains("lab: truncated") && e.getMessage().contains("needs 108 bytes, but there are only 50"),
                e.getMessage());
    }

    @Test
    void trailingBytesAreAnError() {
        byte[] content = Arrays.copyOf(IdxBytes.labels(4), 15);
        DatasetException e = assertThrows(DatasetException.class, () -> IdxReader.parseLabels("lab", content, 10));
        assertTrue(e.getMessage().contains("3 unexpected bytes"), e.getMessage());
    }

    @Test
    void labelOutsideClassesNamesValueAndIndex() {
        byte[] content = IdxBytes.labels(20);
        content[8 + 13] = 10;
        DatasetException e = assertThrows(DatasetException.class, () -> IdxReader.parseLabels("lab", content, 10));
        assertEquals("lab: label 10 at index 13 is outside 0..9", e.getMessage());
    }

    @Test
    void shortHeaderIsAnError() {
        DatasetException e = assertThrows(DatasetException.class, () -> IdxReader.parseImages("img", new byte[7]));
        assertEquals("img: too short for an IDX images header: 7 bytes, expected at least 16", e.getMessage());
    }

    @Test
    void hugeDeclaredSizeIsRejectedWithoutAllocating() {
        byte[] content = ByteBuffer.allocate(32).putInt(IdxReader.IMAGES_MAGIC)
                .putInt(Integer.MAX_VALUE).putInt(Integer.MAX_VALUE).putInt(Integer.MAX_VALUE).array();
        DatasetException e = assertThrows(DatasetException.class, () -> IdxReader.parseImages("img", content));
        assertTrue(e.getMessage().contains("truncated"), e.getMessage());
    }

    @Test
    void aHeaderClaimingTwoToTheThirtyOneImagesOrLabelsIsRefusedWithoutAllocating() {
        int count = Integer.MAX_VALUE;   // 2^31 - 1, the most an IDX header can claim
        byte[] images = ByteBuffer.allocate(16 + 784).putInt(IdxReader.IMAGES_MAGIC).putInt(count).putInt(28).putInt(28).array();
        DatasetException e = assertThrows(DatasetException.class, () -> IdxReader.parseImages("img", images));
        assertEquals("img: truncated: the header declares 2147483647 images of 28×28 pixels, which needs 1683627179264 bytes,"
                + " but there are only 800", e.getMessage());
        byte[] labels = ByteBuffer.allocate(12).putInt(IdxReader.LABELS_MAGIC).putInt(count).array();
        e = assertThrows(DatasetException.class, () -> IdxReader.parseLabels("lab", labels, 10));
        assertTrue(e.getMessage().startsWith("lab: truncated: the header declares 2147483647 labels"), e.getMessage());
    }

    @Test
    void negativeCountIsAnError() {
        byte[] content = ByteBuffer.allocate(8).putInt(IdxReader.LABELS_MAGIC).putInt(-3).array();
        DatasetException e = assertThrows(DatasetException.class, () -> IdxReader.parseLabels("lab", content, 10));
        assertEquals("lab: negative label count -3 in the header", e.getMessage());
    }

    @Test
    void corruptGzipNamesTheFile() {
        byte[] gz = IdxBytes.gzip(IdxBytes.images(50, 28, 28));
        for (int i = 20; i < gz.length - 8; i += 3) {
            gz[i] ^= 0x5A;
        }
        Path file = IdxBytes.write(dir.resolve("t10k-images-idx3-ubyte.gz"), gz);
        DatasetException e = assertThrows(DatasetException.class, () -> IdxReader.readImages(file));
        assertTrue(e.getMessage().startsWith(file + ": corrupt gzip stream"), e.getMessage());
    }

    @Test
    void truncatedGzipIsAnError() {
        byte[] gz = IdxBytes.gzip(IdxBytes.images(50, 28, 28));
        Path file = IdxBytes.write(dir.resolve("cut.gz"), Arrays.copyOf(gz, gz.length / 2));
        DatasetException e = assertThrows(DatasetException.class, () -> IdxReader.readImages(file));
        assertTrue(e.getMessage().startsWith(file + ": corrupt gzip stream"), e.getMessage());
    }

    @Test
    void gzipWithForgedSizeTrailerIsReportedAsCorrupt() {
        byte[] content = IdxBytes.labels(1000);
        byte[] gz = IdxBytes.gzip(content);
        ByteBuffer.wrap(gz, gz.length - 4, 4).order(java.nio.ByteOrder.LITTLE_ENDIAN).putInt(-1);
        Path file = IdxBytes.write(dir.resolve("forged.gz"), gz);
        DatasetException e = assertThrows(DatasetException.class, () -> IdxReader.readLabels(file, 10));
        assertTrue(e.getMessage().contains("corrupt gzip stream"), e.getMessage());
    }
}
