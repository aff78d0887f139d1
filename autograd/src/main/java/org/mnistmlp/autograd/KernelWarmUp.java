package org.mnistmlp.autograd;

import java.time.Duration;

/**
 * Gets the kernels compiled while the program does other things. Vector API code is hundreds of
 * times slower until the JIT's optimising compiler has compiled it, which takes a few hundred calls;
 * a training run would otherwise spend its first second on that. This runs the kernels on small
 * matrices on a background thread, for instance while the data set loads:
 * <pre>{@code
 * try (KernelWarmUp ignored = KernelWarmUp.start(Kernels.current(), Duration.ofMillis(500))) {
 *     data = load();
 * }   // stops the warm-up, so it never competes with training
 * }</pre>
 */
public final class KernelWarmUp implements AutoCloseable {
    private final Thread thread;
    private volatile boolean stopped;

    private KernelWarmUp(Kernels kernels, Duration limit) {
        long end = System.nanoTime() + limit.toNanos();
        thread = new Thread(() -> exercise(kernels, end), "kernel-warm-up");
        thread.setDaemon(true);
    }

    /** Starts warming up {@code kernels} for at most {@code limit}. */
    public static KernelWarmUp start(Kernels kernels, Duration limit) {
        KernelWarmUp warmUp = new KernelWarmUp(kernels, limit);
        warmUp.thread.start();
        return warmUp;
    }

    /** Every kernel path: whole 4×4 blocks, single vectors, leftover columns, narrow and packed products. */
    private void exercise(Kernels k, long end) {
        float[] a = new float[16 * 80];
        float[] b = new float[80 * 80];
        float[] c = new float[16 * 80];
        float[] x = new float[80];
        float[] y = new float[80];
        while (!stopped && System.nanoTime() < end) {
            k.matmul(a, b, c, 16, 40, 70, false);
            k.matmul(a, b, c, 16, 40, 10, true);
            k.matmulTransA(a, b, c, 16, 40, 80, true);
            k.matmulTransA(a, b, c, 40, 16, 10, false);
            k.matmulTransB(c, b, a, 16, 80, 40, true);
            for (Activation f : Activation.values()) {
                k.activate(f, x, y, x.length);
                k.activateBackward(f, x, y, x, y, x.length);
            }
        }
    }

    boolean isRunning() {
        return thread.isAlive();
    }

    /** Stops the warm-up and waits for its thread. */
    @Override
    public void close() {
        stopped = true;
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
