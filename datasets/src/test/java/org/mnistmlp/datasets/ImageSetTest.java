package org.mnistmlp.datasets;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.invoke.VarHandle;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.mnistmlp.autograd.IdleWork;
import org.mnistmlp.autograd.Kernels;
import org.mnistmlp.autograd.Tensor;

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

    @Test
    void everyPixelIsNormalizedWhateverRunsOfBlankPixelsItSitsIn() {
        int rows = 5;
        int cols = 7;   // 35 pixels: 4 runs of 8 and 3 left over
        int count = 40;
        java.util.Random random = new java.util.Random(4);
        byte[] pixels = new byte[count * rows * cols];
        for (int i = 0; i < pixels.length; i++) {   // mostly blank, as digits are, with lone lit pixels
            pixels[i] = random.nextInt(4) == 0 ? (byte) random.nextInt(256) : 0;
        }
        byte[] labels = new byte[count];
        Normalization norm = new Normalization(0.25f, 0.5f);
        float[] table = norm.table();
        int served = 0;
        for (Batch batch : new ImageSet(pixels, labels, rows, cols).inOrder(16, norm)) {
            float[] values = batch.images().toArray();
            for (int p = 0; p < values.length; p++) {
                assertEquals(table[pixels[served * rows * cols + p] & 0xFF], values[p], "pixel " + p + " of batch at " + served);
            }
            served += batch.size();
        }
        assertEquals(count, served);
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

    /** Where the one lit pixel of each image of {@link #dots} landed, per served image, as dy * 100 + dx. */
    private static List<Integer> dotShifts(Iterable<Batch> batches, int side) {
        List<Integer> shifts = new ArrayList<>();
        for (Batch batch : batches) {
            float[] data = batch.images().toArray();
            int area = side * side;
            for (int row = 0; row < batch.size(); row++) {
                int lit = -1;
                for (int p = 0; p < area; p++) {
                    if (data[row * area + p] > 0.5f) {
                        assertEquals(-1, lit, "the dot is moved, not copied");
                        lit = p;
                    }
                }
                int dy = lit / side - side / 2;
                int dx = lit % side - side / 2;
                assertTrue(Math.abs(dy) <= 2 && Math.abs(dx) <= 2, "shift (" + dy + ", " + dx + ") within 2 pixels");
                shifts.add(dy * 100 + dx);
            }
        }
        return shifts;
    }

    /** {@code count} images of side × side, each black but for one white pixel in the middle. */
    private static ImageSet dots(int count, int side) {
        byte[] pixels = new byte[count * side * side];
        for (int i = 0; i < count; i++) {
            pixels[i * side * side + (side / 2) * side + side / 2] = (byte) 255;
        }
        return new ImageSet(pixels, new byte[count], side, side);
    }

    @Test
    void shiftedBatchesMoveEachImageByAtMostTheShiftAndReplayWithTheirEpoch() {
        ImageSet set = dots(400, 9);
        List<Integer> shifts = dotShifts(set.batches(32, 7, 1, SCALE, 2), 9);
        assertEquals(25, new java.util.HashSet<>(shifts).size(), "every shift from -2 to 2 along each axis occurs");
        assertEquals(shifts, dotShifts(set.batches(32, 7, 1, SCALE, 2), 9), "the same seed and epoch, the same shifts");
        assertFalse(shifts.equals(dotShifts(set.batches(32, 7, 2, SCALE, 2), 9)), "another epoch, other shifts");
        assertEquals(shifts, dotShifts(set.batches(400, 7, 1, SCALE, 2), 9), "a shift follows the position, not the batch");
        assertEquals(List.of(0), dotShifts(set.batches(32, 7, 1, SCALE, 0), 9).stream().distinct().toList(), "no shift");
        assertEquals(List.of(0), dotShifts(set.inOrder(32, SCALE), 9).stream().distinct().toList(), "evaluation is never shifted");
    }

    @Test
    void aPixelShiftedInFromOutsideTheFrameIsBlank() {
        byte[] pixels = new byte[5 * 5];
        Arrays.fill(pixels, (byte) 255);
        ImageSet white = new ImageSet(pixels, new byte[1], 5, 5);
        Normalization norm = new Normalization(0.5f, 0.25f);
        for (int epoch = 0; epoch < 20; epoch++) {
            float[] image = white.batches(1, 3, epoch, norm, 2).iterator().next().images().toArray();
            for (float v : image) {
                assertTrue(v == (1f - 0.5f) / 0.25f || v == (0f - 0.5f) / 0.25f, "white or blank (normalised 0): " + v);
            }
        }
    }

    @Test
    void aShiftOfHalfTheImageIsRefused() {
        ImageSet set = numbered(COUNT, 6, 6);
        assertThrows(IllegalArgumentException.class, () -> set.batches(10, 1, 0, SCALE, 3));
        assertThrows(IllegalArgumentException.class, () -> set.batches(10, 1, 0, SCALE, -1));
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
        assertEquals(0, first.images().get(0, 0), 1e-6f);
        Batch second = batches.next();
        assertNotSame(first.images(), second.images());
        assertEquals(10 / 255f, second.images().get(0, 0), 1e-6f);
        assertEquals(13 % 10, second.labels()[3]);
        Batch third = batches.next();
        assertSame(first.images(), third.images());
        assertSame(first.labels(), third.labels());
        assertEquals(20 / 255f, third.images().get(0, 0), 1e-6f, "image 20 overwrote image 0");
        Batch last = third;
        while (batches.hasNext()) {
            last = batches.next();
        }
        assertEquals(3, last.size());
        assertNotSame(first.images(), last.images());
        assertNotSame(second.images(), last.images());
        assertEquals(80 / 255f, first.images().get(0, 0), 1e-6f, "the smaller last batch left the full buffers alone");
        assertEquals(90 / 255f, second.images().get(0, 0), 1e-6f, "the smaller last batch left the full buffers alone");
    }

    @Test
    void theKernelWorkersFillTheNextBatchWhileTheCallerDoesOtherThings() {
        Assumptions.assumeTrue(Kernels.vectorAvailable(), "only the Vector API kernels have worker threads");
        ImageSet set = numbered(COUNT, 2, 3);
        Kernels before = Kernels.current();
        try (Kernels two = Kernels.best(2)) {
            Kernels.use(two);
            Iterator<Batch> batches = set.inOrder(10, SCALE).iterator();
            Batch first = batches.next();
            batches.next();   // hands images 20 to 29 to the workers, into the first batch's buffer
            long deadline = System.nanoTime() + 10_000_000_000L;
            while (first.images().data()[0] != 20 / 255f && System.nanoTime() < deadline) {
                VarHandle.fullFence();   // read the workers' writes afresh
                Thread.onSpinWait();
            }
            assertEquals(20 / 255f, first.images().data()[0], 1e-6f, "filled without the caller asking for it");
            Batch third = batches.next();
            assertSame(first.images(), third.images());
            assertEquals(29 / 255f, third.images().get(9, 0), 1e-6f);
        } finally {
            Kernels.use(before);
        }
    }

    @Test
    void theNextBatchIsLeftToIdleWorkWhichTheNextCallJoins() {
        ImageSet set = numbered(COUNT, 2, 3);
        List<IdleWork> handedOut = new ArrayList<>();
        Kernels before = Kernels.current();
        try (Kernels one = Kernels.best(1)) {
            Kernels.use(new DeferringKernels(one, handedOut));
            Iterator<Batch> batches = set.inOrder(10, SCALE).iterator();
            Batch first = batches.next();
            assertEquals(1, handedOut.size(), "the second batch was handed out as idle work");
            Batch second = batches.next();
            assertEquals(10 / 255f, second.images().get(0, 0), 1e-6f, "joined before it was returned");
            assertEquals(2, handedOut.size(), "the third batch was handed out, into the first one's buffer");
            assertEquals(0, first.images().data()[0], 1e-6f, "not filled until the idle work runs");
            handedOut.get(1).join();
            assertEquals(20 / 255f, first.images().data()[0], 1e-6f);
        } finally {
            Kernels.use(before);
        }
    }

    @Test
    void aGraphOnImagesThatWereRefilledRefusesToRunBackward() {
        // one more batch starts refilling the first batch's buffer; after two, each buffer has been refilled
        for (int further = 1; further <= 2; further++) {
            Iterator<Batch> batches = numbered(COUNT, 2, 3).inOrder(10, SCALE).iterator();
            Tensor weight = Tensor.zeros(6, 1).requiresGrad(true);
            Tensor loss = batches.next().images().matmul(weight).sum();
            for (int i = 0; i < further; i++) {
                batches.next();
            }
            IllegalStateException e = assertThrows(IllegalStateException.class, loss::backward, further + " further");
            assertTrue(e.getMessage().contains("version"), e.getMessage());
        }
    }

    @Test
    void batchesSplitBetweenKernelThreadsHoldTheSameImagesAsOnOneThread() {
        ImageSet set = numbered(1000, 28, 28);
        Normalization normalization = new Normalization(0.1f, 0.3f);
        List<float[]> parallel = new ArrayList<>();
        Kernels before = Kernels.current();
        try (Kernels two = Kernels.best(2)) {
            Kernels.use(two);
            for (Batch batch : set.batches(100, 7, 1, normalization, 2)) {
                parallel.add(batch.images().toArray());
            }
        } finally {
            Kernels.use(before);
        }
        int i = 0;
        try (Kernels one = Kernels.best(1)) {
            Kernels.use(one);
            for (Batch batch : set.batches(100, 7, 1, normalization, 2)) {
                assertArrayEquals(parallel.get(i++), batch.images().toArray());
            }
        } finally {
            Kernels.use(before);
        }
        assertEquals(10, i);
    }

    @Test
    void rejectsImagesWithoutPixels() {
        assertThrows(IllegalArgumentException.class, () -> new ImageSet(new byte[0], new byte[3], 0, 5));
        assertThrows(IllegalArgumentException.class, () -> new ImageSet(new byte[0], new byte[3], 5, 0));
    }

    @Test
    void holdsTheGivenImagesAndRefusesSizesThatDisagree() {
        ImageSet set = new ImageSet(new byte[] {1, 2, 3, 4, 5, (byte) 255}, new byte[] {7, 9}, 1, 3);
        assertEquals(2, set.size());
        assertEquals(255, set.pixel(1, 2));
        assertEquals(9, set.label(1));
        assertThrows(IllegalArgumentException.class, () -> new ImageSet(new byte[5], new byte[2], 1, 3));
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
