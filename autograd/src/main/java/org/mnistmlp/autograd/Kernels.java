package org.mnistmlp.autograd;

/**
 * The compute kernels the ops call: matrix products and activations, on row-major float arrays.
 * Two implementations exist, {@link ScalarKernels} (plain Java, the reference) and a Vector API one;
 * {@link #current()} is the one the ops use.
 */
public interface Kernels {

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

    /** The kernels the ops use: at start-up, {@link #best(int)} for all available processors. */
    static Kernels current() {
        return KernelSelection.current();
    }

    /** Makes {@code kernels} the ones every op uses from now on (e.g. to set the thread count). */
    static void use(Kernels kernels) {
        KernelSelection.use(kernels);
    }

    /**
     * The fastest kernels this JVM can run on {@code threads} threads: the Vector API ones when the
     * module {@code jdk.incubator.vector} is readable, else the scalar ones. The system property
     * {@code mnistmlp.kernels=scalar} forces the scalar ones.
     */
    static Kernels best(int threads) {
        return KernelSelection.best(threads);
    }

    /** Whether the Vector API kernels can run on this JVM (the module was added at start-up). */
    static boolean vectorAvailable() {
        return KernelSelection.vectorModulePresent();
    }
}
