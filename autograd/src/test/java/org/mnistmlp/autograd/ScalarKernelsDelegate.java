package org.mnistmlp.autograd;

/** Scalar kernels with a hook called on every entry point, for tests that watch kernel use. */
abstract class ScalarKernelsDelegate implements Kernels {
    private final ScalarKernels scalar = new ScalarKernels();

    abstract void note(String what);

    @Override
    public String description() {
        return "recording " + scalar.description();
    }

    @Override
    public void matmul(float[] a, float[] b, float[] c, int m, int k, int n, boolean accumulate) {
        note("matmul");
        scalar.matmul(a, b, c, m, k, n, accumulate);
    }

    @Override
    public void matmulTransB(float[] a, float[] b, float[] c, int m, int k, int n, boolean accumulate) {
        note("matmulTransB");
        scalar.matmulTransB(a, b, c, m, k, n, accumulate);
    }

    @Override
    public void matmulTransA(float[] a, float[] b, float[] c, int m, int k, int n, boolean accumulate) {
        note("matmulTransA");
        scalar.matmulTransA(a, b, c, m, k, n, accumulate);
    }

    @Override
    public void activate(Activation f, float[] x, float[] y, int n) {
        note("activate");
        scalar.activate(f, x, y, n);
    }

    @Override
    public void activateBackward(Activation f, float[] x, float[] y, float[] gy, float[] gx, int n) {
        note("activateBackward");
        scalar.activateBackward(f, x, y, gy, gx, n);
    }
}
