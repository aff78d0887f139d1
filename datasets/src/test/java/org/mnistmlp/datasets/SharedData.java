package org.mnistmlp.datasets;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The project's offline copy of real MNIST; absent on some machines. It is looked for in the folder
 * named by the system property {@code mnistmlp.shared.data} or the environment variable
 * {@code MNISTMLP_SHARED_DATA} (a relative path counts from the repository root), by default
 * {@code ../shared/data} beside the repository.
 */
final class SharedData {

    /** The shared data folder. */
    static final Path FOLDER = folder();
    /** The served layout of DJL's repository. */
    static final Path MIRROR = FOLDER.resolve("djl-mirror");
    /** The four .gz IDX files inside the mirror. */
    static final Path MNIST_FOLDER = MIRROR.resolve("dataset/cv/ai/djl/basicdataset/mnist/1.0");
    /** Training labels per digit, 0 to 9. */
    static final int[] TRAIN_DIGIT_COUNTS = {5923, 6742, 5958, 6131, 5842, 5421, 5918, 6265, 5851, 5949};

    private SharedData() {}

    private static Path folder() {
        String configured = System.getProperty("mnistmlp.shared.data", System.getenv("MNISTMLP_SHARED_DATA"));
        Path repositoryRoot = Path.of("").toAbsolutePath().getParent();
        return repositoryRoot.resolve(configured != null ? configured : "../shared/data").normalize();
    }

    /**
     * Skips the calling test when the shared data folder is not on this machine, saying why on the
     * build's console (Maven shows an assumption's message only in the test reports).
     */
    static void assumePresent() {
        if (!Files.isDirectory(MNIST_FOLDER)) {
            String test = StackWalker.getInstance().walk(frames -> frames.skip(1).findFirst()
                    .map(f -> f.getClassName().replaceFirst(".*\\.", "") + "." + f.getMethodName()).orElse("a test"));
            String why = "real MNIST is not at " + MNIST_FOLDER
                    + " (set -Dmnistmlp.shared.data=DIR or MNISTMLP_SHARED_DATA to the shared data folder)";
            System.err.println("skipped " + test + ": " + why);
            assumeTrue(false, why);
        }
    }

    /** Asserts the figures every copy of real MNIST must show. */
    static void assertRealMnist(MnistData data) {
        assertAll(
                () -> assertEquals(60_000, data.train().size()),
                () -> assertEquals(10_000, data.test().size()),
                () -> assertEquals(784, data.name().pixelsPerImage()),
                () -> assertEquals(data.name().pixelsPerImage(), data.train().pixelsPerImage()),
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
