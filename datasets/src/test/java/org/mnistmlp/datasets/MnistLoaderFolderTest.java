package org.mnistmlp.datasets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MnistLoaderFolderTest {

    @TempDir
    Path folder;

    @Test
    void loadsMixOfRawAndGzipFiles() {
        IdxBytes.writeDataset(folder, 30, 12);
        MnistData data = MnistLoader.fromFolder(DatasetName.MNIST, folder);
        assertEquals(30, data.train().size());
        assertEquals(12, data.test().size());
        assertEquals(28, data.train().rows());
        assertEquals(28, data.train().cols());
        assertEquals(7, data.train().label(17));
        assertEquals((5 * 7 + 100) % 256, data.train().pixel(5, 100));
        assertEquals(DatasetName.MNIST, data.name());
        assertEquals("local folder " + folder.toAbsolutePath(), data.source());
    }

    @Test
    void missingFileNamesWhichAndTheFolder() throws IOException {
        IdxBytes.writeDataset(folder, 3, 3);
        Files.delete(folder.resolve("t10k-labels-idx1-ubyte"));
        DatasetException e = assertThrows(DatasetException.class,
                () -> MnistLoader.fromFolder(DatasetName.MNIST, folder));
        assertEquals(folder.toAbsolutePath() + ": missing t10k-labels-idx1-ubyte"
                + " (or t10k-labels-idx1-ubyte.gz) in this data folder", e.getMessage());
    }

    @Test
    void missingFolderIsNamed() {
        Path absent = folder.resolve("nope");
        DatasetException e = assertThrows(DatasetException.class,
                () -> MnistLoader.fromFolder(DatasetName.FASHION_MNIST, absent));
        assertEquals(absent + ": data folder does not exist or is not a directory", e.getMessage());
    }

    @Test
    void differingCountsNameBothFiles() {
        IdxBytes.writeDataset(folder, 30, 12);
        Path labels = IdxBytes.write(folder.resolve("train-labels-idx1-ubyte"), IdxBytes.labels(29));
        DatasetException e = assertThrows(DatasetException.class,
                () -> MnistLoader.fromFolder(DatasetName.MNIST, folder));
        assertEquals(labels + ": holds 29 labels but " + folder.resolve("train-images-idx3-ubyte.gz")
                + " holds 30 images", e.getMessage());
    }

    @Test
    void otherImageSizeIsRejected() {
        IdxBytes.writeDataset(folder, 3, 3);
        Path images = IdxBytes.write(folder.resolve("t10k-images-idx3-ubyte.gz"), IdxBytes.gzip(IdxBytes.images(3, 32, 28)));
        DatasetException e = assertThrows(DatasetException.class,
                () -> MnistLoader.fromFolder(DatasetName.MNIST, folder));
        assertEquals(images + ": images are 32×28 pixels, expected 28×28 for mnist", e.getMessage());
    }

    @Test
    void labelOutOfRangeIsRejectedThroughTheLoader() {
        IdxBytes.writeDataset(folder, 3, 3);
        byte[] labels = IdxBytes.labels(3);
        labels[8 + 2] = (byte) 200;
        Path file = IdxBytes.write(folder.resolve("t10k-labels-idx1-ubyte"), labels);
        DatasetException e = assertThrows(DatasetException.class,
                () -> MnistLoader.fromFolder(DatasetName.MNIST, folder));
        assertEquals(file + ": label 200 at index 2 is outside 0..9", e.getMessage());
    }

    @Test
    void corruptGzipIsReportedThroughTheLoader() {
        IdxBytes.writeDataset(folder, 3, 3);
        Path file = IdxBytes.write(folder.resolve("train-images-idx3-ubyte.gz"), new byte[] {0x1F, (byte) 0x8B, 8, 0, 1, 2});
        DatasetException e = assertThrows(DatasetException.class,
                () -> MnistLoader.fromFolder(DatasetName.MNIST, folder));
        assertTrue(e.getMessage().startsWith(file + ": corrupt gzip stream"), e.getMessage());
    }
}
