package org.mnistmlp.datasets;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The committed subset other modules learn from loads and holds the first real MNIST images. */
class SubsetTest {

    static final Path SUBSET = Path.of("src/test/resources/mnist-subset");

    @Test
    void subsetLoadsWithExpectedCountsAndFirstLabels() {
        MnistData data = MnistLoader.fromFolder(DatasetName.MNIST, SUBSET);
        assertEquals(2000, data.train().size());
        assertEquals(500, data.test().size());
        // the first training labels of MNIST are 5 0 4 1 9, the first test labels 7 2 1 0 4
        assertEquals("50419", labels(data.train(), 5));
        assertEquals("72104", labels(data.test(), 5));
        assertEquals(10, SharedData.digitCounts(data.train()).length);
    }

    @Test
    void subsetMatchesTheStartOfTheFullData() {
        SharedData.assumePresent();
        MnistData full = MnistLoader.fromFolder(DatasetName.MNIST, SharedData.MNIST_FOLDER);
        MnistData subset = MnistLoader.fromFolder(DatasetName.MNIST, SUBSET);
        for (int i = 0; i < subset.test().size(); i += 37) {
            assertEquals(full.test().label(i), subset.test().label(i));
            for (int p = 0; p < 784; p += 13) {
                assertEquals(full.test().pixel(i, p), subset.test().pixel(i, p));
            }
        }
    }

    private static String labels(ImageSet set, int n) {
        StringBuilder labels = new StringBuilder();
        for (int i = 0; i < n; i++) {
            labels.append(set.label(i));
        }
        return labels.toString();
    }
}
