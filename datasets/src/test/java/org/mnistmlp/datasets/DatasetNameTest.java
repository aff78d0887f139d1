package org.mnistmlp.datasets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class DatasetNameTest {

    @Test
    void findsDatasetsByNameIgnoringCase() {
        assertEquals(DatasetName.MNIST, DatasetName.fromName("mnist"));
        assertEquals(DatasetName.FASHION_MNIST, DatasetName.fromName("Fashion-MNIST"));
        assertEquals(DatasetName.FASHION_MNIST, DatasetName.fromName("fashion_mnist"));
    }

    @Test
    void unknownNameListsTheChoices() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> DatasetName.fromName("cifar"));
        assertEquals("unknown data set 'cifar'; expected one of: mnist, fashion-mnist", e.getMessage());
    }

    @Test
    void classNamesAreTheDigitsOrTheGarments() {
        assertEquals(List.of("0", "1", "2", "3", "4", "5", "6", "7", "8", "9"), DatasetName.MNIST.classNames());
        List<String> fashion = DatasetName.FASHION_MNIST.classNames();
        assertEquals(10, fashion.size());
        assertEquals("T-shirt/top", fashion.get(0));   // label order as in Zalando's README
        assertEquals("Sneaker", fashion.get(7));
        assertEquals("Ankle boot", fashion.get(9));
        assertEquals(DatasetName.FASHION_MNIST.classes(), fashion.size());
    }

    @Test
    void defaultNormalizationPerDataset() {
        assertEquals(new Normalization(0.1307f, 0.3081f), Normalization.forDataset(DatasetName.MNIST));
        assertEquals(new Normalization(0.2860f, 0.3530f), Normalization.forDataset(DatasetName.FASHION_MNIST));
    }

    @Test
    void normalizationAppliesAndValidates() {
        Normalization n = new Normalization(0.5f, 0.5f);
        assertEquals(-1f, n.apply(0), 1e-6f);
        assertEquals(1f, n.apply(255), 1e-6f);
        assertThrows(IllegalArgumentException.class, () -> new Normalization(0f, 0f));
        assertThrows(IllegalArgumentException.class, () -> new Normalization(Float.NaN, 1f));
    }
}
