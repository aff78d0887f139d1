package org.mnistmlp.datasets;

import java.util.Iterator;
import java.util.NoSuchElementException;
import org.mnistmlp.autograd.IdleWork;

/**
 * Walks an {@link ImageSet} in a given order. Full batches alternate between two reused {@link Batch}
 * buffers: each {@link #next()} returns the batch filled in one and starts filling the next batch into
 * the other, which the batch before it used. The last batch of an epoch, when smaller, has buffers of its
 * own.
 *
 * <p>The next batch is filled by the kernels' worker threads in the gaps of the caller's step, while they
 * have no kernel work ({@link ImageSet#fillWhenIdle}); whatever is left when the caller asks for the
 * batch, the caller fills itself. A dedicated thread for that was slower on 2 cores: the woken thread
 * took the core of the training thread that had just handed it the work (alternated runs, 5 of each:
 * 784-128-10 steady epochs 0.237 against 0.251 s). The first batch, and the smaller last one, are filled
 * when asked for, by the kernels' threads together ({@link ImageSet#fill}).
 */
final class BatchIterator implements Iterator<Batch> {
    private final ImageSet images;
    private final int[] order;
    private final int batchSize;
    private final float[] table;
    private final ImageSet.Shifts shifts;
    /** The two full-batch buffers: the batch starting at position p goes into {@code full[p / batchSize % 2]}. */
    private final Batch[] full = new Batch[2];
    /** The filling of the full batch at {@link #position}, if under way. */
    private IdleWork filling;
    private int position;

    BatchIterator(ImageSet images, int[] order, int batchSize, Normalization normalization, ImageSet.Shifts shifts) {
        this.images = images;
        this.order = order;
        this.batchSize = batchSize;
        this.table = normalization.table();
        this.shifts = shifts;
    }

    @Override
    public boolean hasNext() {
        return position < order.length;
    }

    @Override
    public Batch next() {
        if (!hasNext()) {
            throw new NoSuchElementException("no batches left: all " + order.length + " images were served");
        }
        int size = Math.min(batchSize, order.length - position);
        Batch batch = size == batchSize ? fullBuffer(position) : new Batch(size, images.pixelsPerImage());
        if (filling != null) {
            filling.join();
            filling = null;
        } else {
            images.fill(order, position, batch, table, shifts);
        }
        position += size;
        if (order.length - position >= batchSize) {
            filling = images.fillWhenIdle(order, position, fullBuffer(position), table, shifts);
        }
        return batch;
    }

    /** The full-batch buffer of the batch starting at {@code from}, made on first use. */
    private Batch fullBuffer(int from) {
        int slot = from / batchSize % 2;
        if (full[slot] == null) {
            full[slot] = new Batch(batchSize, images.pixelsPerImage());
        }
        return full[slot];
    }
}
