package org.mnistmlp.datasets;

import java.util.Iterator;
import java.util.NoSuchElementException;

/** Walks an {@link ImageSet} in a given order, filling reused {@link Batch} buffers. */
final class BatchIterator implements Iterator<Batch> {

    private final ImageSet images;
    private final int[] order;
    private final int batchSize;
    private final float[] table;
    private Batch full;
    private int position;

    BatchIterator(ImageSet images, int[] order, int batchSize, Normalization normalization) {
        this.images = images;
        this.order = order;
        this.batchSize = batchSize;
        this.table = normalization.table();
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
        Batch batch = size == batchSize ? fullBatch() : new Batch(size, images.pixelsPerImage());
        images.fill(order, position, batch, table);
        position += size;
        return batch;
    }

    private Batch fullBatch() {
        if (full == null) {
            full = new Batch(batchSize, images.pixelsPerImage());
        }
        return full;
    }
}
