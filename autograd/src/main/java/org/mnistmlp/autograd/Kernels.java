package org.mnistmlp.autograd;

/**
 * The compute kernels the ops call: matrix products and activations, on row-major float arrays.
 * Two implementations exist, {@link ScalarKernels} (plain Java, the reference) and a Vector API one;
 * {@link #current()} is the one the ops use.
 *
 * <p>Threads and ownership: multi-threaded kernels hold worker threads until {@link #close()}. Kernels
 * from {@link #best(int)} belong to the caller, who closes them; the ones {@link #current()} creates by
 * itself and the ones {@link #useBest(int)} creates belong to the selection, which keeps at most one such
 * set alive at a time (and closes it when {@link #useBest(int)} replaces it). Every method may be called
 * from several threads at once: a call that finds the worker threads busy with another call runs on its
 * own thread alone, so two models trained side by side never wait for each other. Switch or close kernels
 * only while no op is running.
 */
public interface Kernels extends AutoCloseable {

    /** A short human-readable description, e.g. "scalar (1 thread)". */
    String description();

    /** {@code c = a·b}, or {@code c += a·b} when {@code accumulate}; a is m×k, b is k×n, c is m×n. */
    void matmul(float[] a, float[] b, float[] c, int m, int k, int n, boolean accumulate);

    /** {@code c = a·bᵀ} (or {@code +=}); a is m×k, b is n×k, c is m×n. */
    void matmulTransB(float[] a, float[] b, float[] c, int m, int k, int n, boolean accumulate);

    /** {@code c = aᵀ·b} (or {@code +=}); a is k×m, b is k×n, c is m×n. */
    void matmulTransA(float[] a, float[] b, float[] c, int m, int k, int n, boolean accumulate);

    /** {@code y[i] = f(x[i])} for the first n elements. */
    void activate(Activation f, float[] x, float[] y, int n);

    /** {@code gx[i] += gy[i]·f'(x[i])}, where {@code y = f(x)} is the forward output. */
    void activateBackward(Activation f, float[] x, float[] y, float[] gy, float[] gx, int n);

    /**
     * Runs {@code body} over the indices [0, n), split into contiguous ranges that together cover each
     * index once. Large n is split between the worker threads, which run their ranges at the same time:
     * the ranges must write disjoint data, and the result must not depend on how [0, n) is split (true of
     * any element-wise update). Small n, and these default kernels, run [0, n) as one range on the caller.
     */
    default void parallelFor(int n, IntRangeConsumer body) {
        if (n > 0) {
            body.accept(0, n);
        }
    }

    /**
     * Starts {@code body} over the indices [0, n), in pieces of {@code piece} indices, for the worker
     * threads to run when they have no kernel work: typically in the gaps of a training step in which the
     * calling thread works alone (the loss, the activations, the graph's bookkeeping). A worker goes back
     * to kernel work between pieces, so keep a piece to a few microseconds. {@link IdleWork#join()} runs
     * the pieces nobody has started on the caller; call it before reading what the body writes. The
     * pieces must write disjoint data. One idle job is out at a time: while another is, and in these
     * default kernels, which have no workers, all its pieces run at {@code join()}.
     *
     * @throws IllegalArgumentException if {@code piece} is less than 1
     */
    default IdleWork startWhenIdle(int n, int piece, IntRangeConsumer body) {
        if (piece < 1) {
            throw new IllegalArgumentException("idle work needs pieces of at least 1 index, got " + piece);
        }
        return () -> {
            for (int from = 0; from < n; from += piece) {
                body.accept(from, (int) Math.min(n, (long) from + piece));
            }
        };
    }

    /** Stops the worker threads, if any; using the kernels afterwards throws {@link IllegalStateException}. */
    @Override
    default void close() {}

    /** The kernels the ops use: at start-up, the best ones for all available processors. */
    static Kernels current() {
        return KernelSelection.current();
    }

    /** Makes {@code kernels} the ones every op uses from now on; the caller keeps them (and closes them). */
    static void use(Kernels kernels) {
        KernelSelection.use(kernels);
    }

    /**
     * Makes the best kernels for {@code threads} threads the ones every op uses, owned by the selection:
     * the kernels it made before for {@link #current()} or an earlier call are closed, so repeated calls
     * leave one set of worker threads. Returns the kernels now in use.
     */
    static Kernels useBest(int threads) {
        return KernelSelection.useBest(threads);
    }

    /**
     * New kernels, the fastest this JVM can run on {@code threads} threads: the Vector API ones when the
     * module {@code jdk.incubator.vector} is readable, else the scalar ones. The system property
     * {@code mnistmlp.kernels=scalar} forces the scalar ones. They belong to the caller: close them
     * (try-with-resources) to stop their {@code threads - 1} worker threads.
     */
    static Kernels best(int threads) {
        return KernelSelection.best(threads);
    }

    /** Whether the Vector API kernels can run on this JVM (the module was added at start-up). */
    static boolean vectorAvailable() {
        return KernelSelection.vectorModulePresent();
    }
}
