package org.mnistmlp.datasets;

import java.util.Arrays;
import java.util.Objects;
import java.util.SplittableRandom;
import org.mnistmlp.autograd.IdleWork;
import org.mnistmlp.autograd.Kernels;

/**
 * One split of a data set (training or test): grey-scale images kept compact as one byte per
 * pixel, and one label byte per image. Immutable and safe to share between threads.
 */
public final class ImageSet {
    /** Images a worker converts between two checks for kernel work, about two microseconds' worth. */
    private static final int IMAGES_PER_PIECE = 4;

    private final byte[] pixels;
    private final byte[] labels;
    private final int rows;
    private final int cols;
    /** Written only if what {@link #touch} read sums to an impossible value; see {@link #fillImages}. */
    private int touchedSum;

    /**
     * A set of the given images: the loaders make one per split, and a caller may make one from its own
     * arrays (random images for a warm-up, say).
     *
     * @param pixels {@code labels.length * rows * cols} grey levels, image after image, row by row; held, not copied
     * @param labels one class per image; held, not copied
     * @param rows the height of each image, at least 1
     * @param cols the width of each image, at least 1
     * @throws IllegalArgumentException if the sizes do not agree
     */
    public ImageSet(byte[] pixels, byte[] labels, int rows, int cols) {
        if (rows < 1 || cols < 1) {
            throw new IllegalArgumentException("images must have at least one pixel, got " + rows + "×" + cols);
        }
        if ((long) labels.length * rows * cols != pixels.length) {
            throw new IllegalArgumentException(pixels.length + " pixels do not make "
                    + labels.length + " images of " + rows + "×" + cols);
        }
        this.pixels = pixels;
        this.labels = labels;
        this.rows = rows;
        this.cols = cols;
    }

    /** @return the number of images */
    public int size() {
        return labels.length;
    }

    /** @return the height of each image in pixels */
    public int rows() {
        return rows;
    }

    /** @return the width of each image in pixels */
    public int cols() {
        return cols;
    }

    /** @return {@code rows() * cols()} */
    public int pixelsPerImage() {
        return rows * cols;
    }

    /**
     * @param image index of an image, {@code 0..size()-1}
     * @return its class
     */
    public int label(int image) {
        return labels[Objects.checkIndex(image, labels.length)];
    }

    /**
     * @param image index of an image, {@code 0..size()-1}
     * @param index index of a pixel in the image, {@code row * cols() + col}
     * @return the pixel's grey level, 0 (background) to 255
     */
    public int pixel(int image, int index) {
        Objects.checkIndex(image, labels.length);
        return pixels[image * pixelsPerImage() + Objects.checkIndex(index, pixelsPerImage())] & 0xFF;
    }

    /**
     * The images as shuffled mini-batches for one epoch of training. The order depends only on
     * {@code seed} and {@code epoch}: the same pair always gives the same order, another epoch
     * another order. Each image appears exactly once; the last batch holds the remainder. See
     * {@link Batch} for when a batch's arrays are overwritten.
     *
     * @param batchSize images per batch, positive
     * @param seed the seed of the shuffle
     * @param epoch the epoch number, mixed into the seed
     * @param normalization how pixels become floats
     * @return the batches; each iteration replays the same order
     */
    public Iterable<Batch> batches(int batchSize, long seed, int epoch, Normalization normalization) {
        return batches(batchSize, seed, epoch, normalization, 0);
    }

    /**
     * As {@link #batches(int, long, int, Normalization)}, each image shifted (augmented) by a random
     * whole number of pixels from {@code -maxShift} to {@code maxShift} along each axis, the pixels moved
     * out of the frame dropped and those moved in blank. The shifts, like the order, follow from
     * {@code seed} and {@code epoch} alone: replaying an epoch replays its shifts.
     *
     * @param maxShift the largest shift in pixels, 0 for none; less than half the image's side
     * @throws IllegalArgumentException for a negative shift or one of half the side or more
     */
    public Iterable<Batch> batches(int batchSize, long seed, int epoch, Normalization normalization, int maxShift) {
        checkBatchSize(batchSize);
        Objects.requireNonNull(normalization, "normalization");
        if (maxShift < 0 || 2 * maxShift >= Math.min(rows, cols)) {
            throw new IllegalArgumentException("shift must be from 0 to below half of the " + rows + "×" + cols
                    + " image, got " + maxShift);
        }
        Shifts shifts = maxShift == 0 ? Shifts.NONE : new Shifts(maxShift, mix(mix(seed * 0x9E3779B97F4A7C15L + epoch) + 1));
        return () -> new BatchIterator(this, shuffledOrder(seed, epoch), batchSize, normalization, shifts);
    }

    /**
     * The images in their stored order as mini-batches, for evaluation. See {@link Batch} for
     * when a batch's arrays are overwritten.
     *
     * @param batchSize images per batch, positive
     * @param normalization how pixels become floats
     * @return the batches
     */
    public Iterable<Batch> inOrder(int batchSize, Normalization normalization) {
        checkBatchSize(batchSize);
        Objects.requireNonNull(normalization, "normalization");
        return () -> new BatchIterator(this, identityOrder(), batchSize, normalization, Shifts.NONE);
    }

    /**
     * The first images of this set, for a quick pass over real data (e.g. a warm-up).
     *
     * @param n how many; all of them if the set holds fewer
     * @return a new set holding copies of the first {@code min(n, size())} images
     */
    public ImageSet first(int n) {
        return select(Arrays.copyOf(identityOrder(), Math.max(0, Math.min(n, size()))));
    }

    /** A new set holding copies of the given images, in the given order. */
    ImageSet select(int[] images) {
        int area = pixelsPerImage();
        byte[] selectedPixels = new byte[images.length * area];
        byte[] selectedLabels = new byte[images.length];
        for (int i = 0; i < images.length; i++) {
            int image = Objects.checkIndex(images[i], size());
            selectedLabels[i] = labels[image];
            System.arraycopy(pixels, image * area, selectedPixels, i * area, area);
        }
        return new ImageSet(selectedPixels, selectedLabels, rows, cols);
    }

    /**
     * Writes images {@code order[from..]} into {@code batch}, normalized through {@code table} and moved
     * as {@code shifts} says for their position in the order. The images are split between the kernels'
     * threads ({@link Kernels#parallelFor}), each converting whole images. Taking the batch's tensor data
     * advances its version, so a graph recorded on the images this overwrites refuses to run backward.
     */
    void fill(int[] order, int from, Batch batch, float[] table, Shifts shifts) {
        float[] target = batch.images().data();
        int[] targetLabels = batch.labels();
        int area = pixelsPerImage();
        // split by pixels, so that only batches worth a hand-off are split; a part fills the images starting in it
        Kernels.current().parallelFor(targetLabels.length * area, (start, end) -> fillImages(order, from, target,
                targetLabels, table, shifts, (start + area - 1) / area, (end + area - 1) / area));
    }

    /**
     * Like {@link #fill}, but hands the work to the kernels' worker threads to do while they have no kernel
     * work ({@link Kernels#startWhenIdle}), {@value #IMAGES_PER_PIECE} images at a time; the batch is
     * filled once the returned work is joined.
     */
    IdleWork fillWhenIdle(int[] order, int from, Batch batch, float[] table, Shifts shifts) {
        float[] target = batch.images().data();
        int[] targetLabels = batch.labels();
        return Kernels.current().startWhenIdle(targetLabels.length, IMAGES_PER_PIECE,
                (first, end) -> fillImages(order, from, target, targetLabels, table, shifts, first, end));
    }

    /** Rows [firstRow, endRow) of a batch of images {@code order[from..]}. */
    private void fillImages(int[] order, int from, float[] target, int[] targetLabels, float[] table, Shifts shifts,
                            int firstRow, int endRow) {
        int area = pixelsPerImage();
        int touched = 0;
        for (int row = firstRow; row < endRow; row++) {
            touched += touch(order[from + row] * area, area);
        }
        for (int row = firstRow; row < endRow; row++) {
            int image = order[from + row];
            targetLabels[row] = labels[image];
            int source = image * area;
            int destination = row * area;
            if (shifts == Shifts.NONE) {
                for (int p = 0; p < area; p++) {
                    target[destination + p] = table[pixels[source + p] & 0xFF];
                }
            } else {
                long shift = shifts.at(from + row);
                int dy = (int) (shift >> 32);
                int dx = (int) shift;
                for (int y = 0; y < rows; y++) {
                    int sy = y - dy;
                    for (int x = 0; x < cols; x++) {
                        int sx = x - dx;
                        boolean inside = sy >= 0 && sy < rows && sx >= 0 && sx < cols;
                        target[destination + y * cols + x] = table[inside ? pixels[source + sy * cols + sx] & 0xFF : 0];
                    }
                }
            }
        }
        // a test of the sum keeps the reads from being optimised away; writing it every time would have
        // every part, on every thread, write to this shared object whose fields they all read
        if (touched == Integer.MIN_VALUE) {   // never: a part's bytes sum to far less
            touchedSum = touched;
        }
    }

    /**
     * Reads one byte of each cache line of the image at {@code source}. A part first touches all its
     * images this way, then converts them: the images of a batch are random ones among 47 MB, and
     * fetching them costs more than converting them; loads that do not depend on each other are all in
     * flight at once, where converting each image as it arrives waits for memory once per image (a batch
     * of 64 MNIST images with cold caches: 30 µs, against 44 µs when each image's lines were touched while
     * the image before it was converted, and 39 to 56 µs with no touching).
     */
    private int touch(int source, int area) {
        int sum = 0;
        for (int p = 0; p < area; p += 64) {
            sum += pixels[source + p];
        }
        return sum + pixels[source + area - 1];   // the last line, when the image does not start on a line
    }

    /** The random shift of each position in an epoch's order: a pure function of the position. */
    record Shifts(int max, long seed) {
        static final Shifts NONE = new Shifts(0, 0);

        /** The shift of position {@code position}: dy in the high 32 bits, dx in the low, each in [-max, max]. */
        long at(int position) {
            SplittableRandom random = new SplittableRandom(mix(seed + position));
            int dy = random.nextInt(2 * max + 1) - max;
            int dx = random.nextInt(2 * max + 1) - max;
            return ((long) dy << 32) | (dx & 0xFFFFFFFFL);
        }
    }

    private int[] identityOrder() {
        int[] order = new int[size()];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        return order;
    }

    /** A Fisher–Yates shuffle driven by a generator seeded from a mix of seed and epoch. */
    int[] shuffledOrder(long seed, int epoch) {
        int[] order = identityOrder();
        SplittableRandom random = new SplittableRandom(mix(seed * 0x9E3779B97F4A7C15L + epoch));
        for (int i = order.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int swap = order[i];
            order[i] = order[j];
            order[j] = swap;
        }
        return order;
    }

    /** SplitMix64's finalizer: nearby inputs give unrelated outputs. */
    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    private static void checkBatchSize(int batchSize) {
        if (batchSize <= 0) {
            throw new IllegalArgumentException("batch size must be positive, got " + batchSize);
        }
    }
}
