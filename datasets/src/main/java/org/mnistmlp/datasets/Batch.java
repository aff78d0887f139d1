package org.mnistmlp.datasets;

import org.mnistmlp.autograd.Tensor;

/**
 * A mini-batch: normalized images as a {@code [size, rows * cols]} tensor and their labels.
 *
 * <p>A batch is a view over buffers owned by the iterator that produced it, valid until the
 * iterator's next call to {@code next()}, which starts refilling the same tensor and labels with the
 * batch after the one it returns (full batches alternate between two buffers, so that no batch
 * allocates arrays of its own). The refill advances the tensor's version, so a graph recorded on the
 * old images refuses to run backward rather than use the new ones. Copy what must outlive the step. The
 * last batch of an epoch, when smaller, has buffers of its own.
 */
public final class Batch {

    private final int[] labels;
    private final Tensor images;

    Batch(int size, int pixelsPerImage) {
        this.labels = new int[size];
        this.images = Tensor.of(new float[size * pixelsPerImage], size, pixelsPerImage);
    }

    /** @return the normalized images, shape {@code [size(), rows * cols]}, one image per row */
    public Tensor images() {
        return images;
    }

    /** @return the class of each image, in the order of the tensor's rows (not a copy) */
    public int[] labels() {
        return labels;
    }

    /** @return the number of images in this batch */
    public int size() {
        return labels.length;
    }
}
