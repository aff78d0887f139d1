package org.mnistmlp.autograd;

/**
 * A scope in which operations record no graph, for evaluation and optimizer updates:
 * <pre>{@code
 * try (NoGrad ignored = NoGrad.enter()) {
 *     Tensor logits = model.forward(images);   // no backward closures are kept
 * }
 * }</pre>
 * Scopes nest and belong to the thread that opened them: closing one on another thread is refused
 * and changes neither thread's state.
 */
public final class NoGrad implements AutoCloseable {
    private static final ThreadLocal<int[]> DEPTH = ThreadLocal.withInitial(() -> new int[1]);

    private final Thread owner = Thread.currentThread();
    private boolean closed;

    private NoGrad() {}

    /** Opens a scope on this thread; close it on the same thread (try-with-resources) to restore graph recording. */
    public static NoGrad enter() {
        DEPTH.get()[0]++;
        return new NoGrad();
    }

    /** Whether operations on this thread currently record a graph. */
    public static boolean isGradEnabled() {
        return DEPTH.get()[0] == 0;
    }

    @Override
    public void close() {
        if (Thread.currentThread() != owner) {
            throw new IllegalStateException("NoGrad closed on thread " + Thread.currentThread().getName()
                    + ", but it belongs to thread " + owner.getName() + ", which opened it");
        }
        if (!closed) {
            closed = true;
            DEPTH.get()[0]--;
        }
    }
}
