package org.mnistmlp.datasets;

import java.util.List;
import org.mnistmlp.autograd.Activation;
import org.mnistmlp.autograd.IdleWork;
import org.mnistmlp.autograd.IntRangeConsumer;
import org.mnistmlp.autograd.Kernels;

/** Kernels that run no idle work until it is joined, and keep every piece of it they hand out in a list. */
final class DeferringKernels implements Kernels {
    private final Kernels kernels;
    private final List<IdleWork> handedOut;

    DeferringKernels(Kernels kernels, List<IdleWork> handedOut) {
        this.kernels = kernels;
        this.handedOut = handedOut;
    }

    @Override
    public IdleWork startWhenIdle(int n, int piece, IntRangeConsumer body) {
        boolean[] done = new boolean[1];
        IdleWork work = () -> {
            if (!done[0]) {
                done[0] = true;
                body.accept(0, n);
            }
        };
        handedOut.add(work);
        return work;
    }

    @Override
    public String description() {
        return "deferring " + kernels.description();
    }

    @Override
    public void matmul(float[] a, float[] b, float[] c, int m, int k, int n, boolean accumulate) {
        kernels.matmul(a, b, c, m, k, n, accumulate);
    }

    @Override
    public void matmulTransB(float[] a, float[] b, float[] c, int m, int k, int n, boolean accumulate) {
        kernels.matmulTransB(a, b, c, m, k, n, accumulate);
    }

    @Override
    public void matmulTransA(float[] a, float[] b, float[] c, int m, int k, int n, boolean accumulate) {
        kernels.matmulTransA(a, b, c, m, k, n, accumulate);
    }

    @Override
    public void activate(Activation f, float[] x, float[] y, int n) {
        kernels.activate(f, x, y, n);
    }

    @Override
    public void activateBackward(Activation f, float[] x, float[] y, float[] gy, float[] gx, int n) {
        kernels.activateBackward(f, x, y, gy, gx, n);
    }

    @Override
    public void parallelFor(int n, IntRangeConsumer body) {
        kernels.parallelFor(n, body);
    }
}
