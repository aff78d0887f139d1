package org.mnistmlp.datasets;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;

/** The project's offline copy of real MNIST, beside the repository root; absent on some machines. */
final class SharedData {

    /** The served layout of DJL's repository. */
    static final Path MIRROR = Path.of("").toAbsolutePath().resolve("../../shared/data/djl-mirror").normalize();
    /** The four .gz IDX files inside the mirror. */
    static final Path MNIST_FOLDER = MIRROR.resolve("dataset/cv/ai/djl/basicdataset/mnist/1.0");
    /** Training labels per digit, 0 to 9. */
    static final int[] TRAIN_DIGIT_COUNTS = {5923, 6742, 5958, 6131, 5842, 5421, 5918, 6265, 5851, 5949};

    private SharedData() {}

    /** Skips the calling test when the shared data folder is not on this machine. */
    static void assumePresent() {
        assumeTrue(Files.isDirectory(MNIST_FOLDER),
                "skipped: real MNIST is not available at " + MNIST_FOLDER
                        + " (the project's shared data folder is absent on this machine)");
    }

    /** Asserts the figures every copy of real MNIST must show. */
    static void assertRealMnist(MnistData data) {
        assertAll(
                () -> assertEquals(60_000, data.train().size()),
                () -> assertEquals(10_000, data.test().size()),
                () -> assertArrayEquals(TRAIN_DIGIT_COUNTS, digitCounts(data.train())),
                () -> assertEquals(0.1307, meanPixel(data.train()), 0.00005));
    }

    static int[] digitCounts(ImageSet set) {
        int[] counts = new int[10];
        for (int i = 0; i < set.size(); i++) {
            counts[set.label(i)]++;
        }
        return counts;
    }

    static double meanPixel(ImageSet set) {
        long sum = 0;
        for (int i = 0; i < set.size(); i++) {
            for (int p = 0; p < set.pixelsPerImage(); p++) {
                sum += set.pixel(i, p);
            }
        }
        return sum / 255.0 / ((double) set.size() * set.pixelsPerImage());
    }
}
