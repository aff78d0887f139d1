package org.mnistmlp.datasets;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import org.junit.jupiter.api.Test;

class ImageSetTest {

    private static final int COUNT = 103;
    private static final Normalization SCALE = new Normalization(0f, 1f);

    /** Image {@code i} has every pixel equal to {@code i}, and label {@code i % 10}. */
    private static ImageSet numbered(int count, int rows, int cols) {
        byte[] pixels = new byte[count * rows * cols];
        byte[] labels = new byte[count];
        for (int i = 0; i < count; i++) {
            Arrays.fill(pixels, i * rows * cols, (i + 1) * rows * cols, (byte) i);
            labels[i] = (byte) (i % 10);
        }
        return new ImageSet(pixels, labels, rows, cols);
    }

    /** The image indices of one epoch, read back from the normalized pixels. */
    private static List<Integer> order(Iterable<Batch> batches) {
        List<Integer> order = new ArrayList<>();
        for (Batch batch : batches) {
            float[] data = batch.images().data();
            int area = batch.images().shape()[1];
            for (int row = 0; row < batch.size(); row++) {
                int image = Math.round(data[row * area] * 255f);
                assertEquals(image % 10, batch.labels()[row], "label travels with its image");
                order.add(image);
            }
        }
        return order;
    }

    @Test
    void sameSeedAndEpochGiveSameOrder() {
        ImageSet set = numbered(COUNT, 2, 3);
        assertEquals(order(set.batches(10, 42, 3, SCALE)), order(set.batches(10, 42, 3, SCALE)));
    }

    @Test
    void otherEpochOrSeedGivesOtherOrder() {
        ImageSet set = numbered(COUNT, 2, 3);
        List<Integer> base = order(set.batches(10, 42, 0, SCALE));
        assertFalse(base.equals(order(set.batches(10, 42, 1, SCALE))));
        assertFalse(base.equals(order(set.batches(10, 43, 0, SCALE))));
    }

    @Test
    void everyEpochServesEachImageOnceAndIsShuffled() {
        ImageSet set = numbered(COUNT, 2, 3);
        List<Integer> order = order(set.batches(16, 7, 0, SCALE));
        List<Integer> sorted = new ArrayList<>(order);
        sorted.sort(null);
        List<Integer> identity = new ArrayList<>();
        for (int i = 0; i < COUNT; i++) {
            identity.add(i);
        }
        assertEquals(identity, sorted);
        assertFalse(identity.equals(order));
    }

    @Test
    void inOrderServesTheStoredOrderWithASmallerLastBatch() {
        ImageSet set = numbered(COUNT, 2, 3);
        List<Integer> sizes = new ArrayList<>();
        set.inOrder(25, SCALE).forEach(batch -> sizes.add(batch.size()));
        assertEquals(List.of(25, 25, 25, 25, 3), sizes);
        List<Integer> order = order(set.inOrder(25, SCALE));
        for (int i = 0; i < COUNT; i++) {
            assertEquals(i, order.get(i));
        }
    }

    @Test
    void batchTensorHasShapeBatchByPixelsAndNormalizedValues() {
        ImageSet set = numbered(4, 2, 3);
        Normalization normalization = new Normalization(0.5f, 0.25f);
        Batch batch = set.inOrder(4, normalization).iterator().next();
        assertArrayEquals(new int[] {4, 6}, batch.images().shape());
        assertEquals((3 / 255f - 0.5f) / 0.25f, batch.images().data()[3 * 6 + 5], 1e-6f);
        assertArrayEquals(new int[] {0, 1, 2, 3}, batch.labels());
    }

    @Test
    void fullBatchesAlternateBetweenTwoBuffersAndTheLastSmallerOneHasItsOwn() {
        ImageSet set = numbered(COUNT, 2, 3);
        Iterator<Batch> batches = set.inOrder(10, SCALE).iterator();
        Batch first = batches.next();
        float[] data = first.images().data();
        int[] labels = first.labels();
        Batch second = batches.next();
        assertNotSame(data, second.images().data(), "the next batch is filled while the served one is in use");
        assertEquals(10 / 255f, second.images().data()[0], 1e-6f);
        Batch third = batches.next();
        assertSame(data, third.images().data());
        assertSame(labels, third.labels());
        assertEquals(20 / 255f, data[0], 1e-6f, "image 20 overwrote image 0");
        Batch last = third;
        while (batches.hasNext()) {
            last = batches.next();
        }
        assertEquals(3, last.size());
        assertNotSame(data, last.images().data());
        assertNotSame(second.images().data(), last.images().data());
        assertEquals(80 / 255f, data[0], 1e-6f, "the smaller last batch left the full buffers alone");
    }

    @Test
    void rejectsNonPositiveBatchSize() {
        ImageSet set = numbered(3, 1, 1);
        assertThrows(IllegalArgumentException.class, () -> set.batches(0, 1, 0, SCALE));
        assertThrows(IllegalArgumentException.class, () -> set.inOrder(-1, SCALE));
    }

    @Test
    void exposesPixelsAndLabels() {
        ImageSet set = numbered(5, 2, 3);
        assertEquals(5, set.size());
        assertEquals(6, set.pixelsPerImage());
        assertEquals(4, set.pixel(4, 5));
        assertEquals(3, set.label(3));
        assertThrows(IndexOutOfBoundsException.class, () -> set.pixel(1, 6));
        assertThrows(IndexOutOfBoundsException.class, () -> set.label(5));
    }
}
