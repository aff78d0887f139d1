package org.mnistmlp.datasets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The held-out images: disjoint from the trained ones, together all of them, the same every time. */
class ValidationSplitTest {
    private static final int COUNT = 250;

    /** Image {@code i}'s first pixel is {@code i % 256} and its second {@code i / 256}; its label {@code i % 10}. */
    private static ImageSet numbered(int count) {
        byte[] pixels = new byte[count * 2];
        byte[] labels = new byte[count];
        for (int i = 0; i < count; i++) {
            pixels[2 * i] = (byte) (i % 256);
            pixels[2 * i + 1] = (byte) (i / 256);
            labels[i] = (byte) (i % 10);
        }
        return new ImageSet(pixels, labels, 1, 2);
    }

    private static List<Integer> ids(ImageSet set) {
        List<Integer> ids = new ArrayList<>();
        for (int i = 0; i < set.size(); i++) {
            int id = set.pixel(i, 0) + 256 * set.pixel(i, 1);
            assertEquals(id % 10, set.label(i), "label travels with its image");
            ids.add(id);
        }
        return ids;
    }

    @Test
    void heldOutImagesAreDisjointFromTrainedOnesAndTogetherAllOfThem() {
        ValidationSplit split = ValidationSplit.of(numbered(COUNT), 40);
        assertEquals(210, split.train().size());
        assertEquals(40, split.validation().size());
        Set<Integer> train = new HashSet<>(ids(split.train()));
        Set<Integer> validation = new HashSet<>(ids(split.validation()));
        assertEquals(210, train.size());
        assertEquals(40, validation.size());
        train.retainAll(validation);
        assertTrue(train.isEmpty(), "never trained on: " + train);
        Set<Integer> all = new HashSet<>(ids(split.train()));
        all.addAll(validation);
        assertEquals(COUNT, all.size());
    }

    @Test
    void theSplitIsTheSameEveryTimeAndShuffled() {
        List<Integer> first = ids(ValidationSplit.of(numbered(COUNT), 40).validation());
        assertEquals(first, ids(ValidationSplit.of(numbered(COUNT), 40).validation()));
        List<Integer> sorted = new ArrayList<>(first);
        sorted.sort(null);
        assertNotEquals(sorted, first, "held out in shuffled order");
        assertNotEquals(ids(numbered(COUNT)).subList(COUNT - 40, COUNT), sorted, "not simply the last images");
        List<Integer> train = ids(ValidationSplit.of(numbered(COUNT), 40).train());
        List<Integer> trainSorted = new ArrayList<>(train);
        trainSorted.sort(null);
        assertEquals(trainSorted, train, "trained-on images keep their stored order");
    }

    @Test
    void aLargerSplitHoldsOutTheSmallerOnesImagesAndMore() {
        Set<Integer> small = new HashSet<>(ids(ValidationSplit.of(numbered(COUNT), 20).validation()));
        Set<Integer> large = new HashSet<>(ids(ValidationSplit.of(numbered(COUNT), 60).validation()));
        assertTrue(large.containsAll(small), "the last 20 of one fixed order are among its last 60");
    }

    @Test
    void aSplitOfNoneOrAllIsRefusedNamingTheSizes() {
        for (int n : new int[] {0, -1, COUNT, COUNT + 1}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ValidationSplit.of(numbered(COUNT), n));
            assertTrue(e.getMessage().contains(n + " images") && e.getMessage().contains("250"), e.getMessage());
        }
        assertEquals(Arrays.asList(1, 249), List.of(ValidationSplit.of(numbered(COUNT), 1).validation().size(),
                ValidationSplit.of(numbered(COUNT), 249).validation().size()));
    }
}
