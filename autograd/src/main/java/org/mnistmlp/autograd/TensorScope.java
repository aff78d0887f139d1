package org.mnistmlp.autograd;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A scope whose tensors' storage is recycled when it closes, so that a training loop that repeats
 * the same computation allocates (almost) nothing after its first step:
 * <pre>{@code
 * for (Batch batch : batches) {
 *     try (TensorScope step = TensorScope.open()) {
 *         Tensor loss = model.forward(batch.images()).crossEntropy(batch.labels());
 *         loss.backward();
 *         optimizer.step();
 *         total += loss.item();           // read what you need inside the scope
 *     }
 * }
 * }</pre>
 * Every op output and intermediate gradient made inside the scope draws its array from a pool of this
 * thread, and gives it back on {@link #close()}. <b>Tensors made inside must not be used after it
 * closes</b>, since later steps overwrite their values: any use of one (its values, gradient,
 * {@code backward()}, {@code detach()}, or as an op's input) throws an {@link IllegalStateException}.
 * With assertions enabled ({@code -ea}) the recycled arrays are also filled with NaN until reused.
 * Gradients of leaf tensors (parameters) are not affected; they live as long as their tensor. Scopes
 * nest (a tensor belongs to the innermost scope open when it was made); outside any scope nothing is
 * pooled.
 */
public final class TensorScope implements AutoCloseable {
    private static final ThreadLocal<ArrayDeque<TensorScope>> OPEN = ThreadLocal.withInitial(ArrayDeque::new);
    private static final ThreadLocal<Pool> POOL = ThreadLocal.withInitial(Pool::new);

    private final List<float[]> taken = new ArrayList<>();
    private final Thread owner = Thread.currentThread();
    private boolean closed;

    private TensorScope() {}

    /** Opens a scope on this thread; close it on the same thread (try-with-resources). */
    public static TensorScope open() {
        TensorScope scope = new TensorScope();
        OPEN.get().push(scope);
        return scope;
    }

    /** The innermost scope open on this thread, or null. */
    static TensorScope current() {
        return OPEN.get().peek();
    }

    /** Whether this scope has closed, so that the tensors made in it are no longer usable. */
    boolean isClosed() {
        return closed;
    }

    /** A zeroed array of n floats: from the pool inside a scope, freshly allocated outside one. */
    static float[] floats(int n) {
        return take(n, true);
    }

    /**
     * An array of n floats for a caller that writes every element before anything reads it, so a recycled
     * one is not zeroed first (under {@code -ea} it holds NaN, which a missed element would show).
     */
    static float[] floatsToOverwrite(int n) {
        return take(n, false);
    }

    private static float[] take(int n, boolean zeroed) {
        TensorScope scope = OPEN.get().peek();
        if (scope == null) {
            return new float[n];
        }
        float[] a = POOL.get().take(n, zeroed);
        scope.taken.add(a);
        return a;
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        if (Thread.currentThread() != owner || OPEN.get().peek() != this) {
            throw new IllegalStateException("TensorScope closed out of order or on another thread");
        }
        closed = true;
        OPEN.get().pop();
        Pool pool = POOL.get();
        for (float[] a : taken) {
            assert poison(a);
            pool.give(a);
        }
        taken.clear();
    }

    /** Fills a recycled array with NaN, so that a stale reader that slipped past the checks sees no plausible numbers. */
    private static boolean poison(float[] a) {
        Arrays.fill(a, Float.NaN);
        return true;
    }

    /** Free arrays by length; an MLP step uses only a handful of distinct lengths. */
    private static final class Pool {
        private int[] lengths = new int[0];
        private ArrayDeque<float[]>[] free = newLists(0);

        float[] take(int n, boolean zeroed) {
            ArrayDeque<float[]> list = listFor(n);
            float[] a = list.poll();
            if (a == null) {
                return new float[n];
            }
            if (zeroed) {
                Arrays.fill(a, 0f);
            }
            return a;
        }

        void give(float[] a) {
            listFor(a.length).push(a);
        }

        private ArrayDeque<float[]> listFor(int n) {
            for (int i = 0; i < lengths.length; i++) {
                if (lengths[i] == n) {
                    return free[i];
                }
            }
            lengths = Arrays.copyOf(lengths, lengths.length + 1);
            free = Arrays.copyOf(free, free.length + 1);
            lengths[lengths.length - 1] = n;
            free[free.length - 1] = new ArrayDeque<>();
            return free[free.length - 1];
        }

        @SuppressWarnings("unchecked")
        private static ArrayDeque<float[]>[] newLists(int n) {
            return new ArrayDeque[n];
        }
    }
}
