package org.mnistmlp.datasets;

import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Walks an {@link ImageSet} in a given order, filling reused {@link Batch} buffers. While the caller
 * trains on one batch, the next one is filled on a background thread, so that converting its pixels
 * (a fifth of a small model's step) is off the training thread's path. Full batches alternate between
 * two buffers: the one served and the one being filled.
 */
final class BatchIterator implements Iterator<Batch> {
    /** One daemon thread for the whole JVM, shared by every iterator; it holds no state between tasks. */
    private static final ExecutorService PREFETCH = Executors.newSingleThreadExecutor(task -> {
        Thread t = new Thread(task, "batch-prefetch");
        t.setDaemon(true);
        return t;
    });

    private final ImageSet images;
    private final int[] order;
    private final int batchSize;
    private final float[] table;
    private final ImageSet.Shifts shifts;
    private final Batch[] full = new Batch[2];
    private int filled;
    private int position;
    private Future<Batch> next;

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
        Batch batch = next != null ? await(next) : fill(position);
        position += batch.size();
        int from = position;
        next = hasNext() ? PREFETCH.submit(() -> fill(from)) : null;
        return batch;
    }

    /** The batch of images {@code order[from..]}, in the full buffer not being served, or its own if smaller. */
    private Batch fill(int from) {
        int size = Math.min(batchSize, order.length - from);
        Batch batch;
        if (size == batchSize) {
            int slot = filled++ & 1;
            if (full[slot] == null) {
                full[slot] = new Batch(batchSize, images.pixelsPerImage());
            }
            batch = full[slot];
        } else {
            batch = new Batch(size, images.pixelsPerImage());
        }
        images.fill(order, from, batch, table, shifts);
        return batch;
    }

    private static Batch await(Future<Batch> batch) {
        try {
            return batch.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new IllegalStateException("filling a batch failed", e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while a batch was being filled", e);
        }
    }
}
