package org.mnistmlp.autograd;

import java.time.Duration;

/**
 * Gets the kernels and the ops compiled while the program does other things. Vector API code is hundreds
 * of times slower until the JIT's optimising compiler has compiled it, which takes a few hundred calls at
 * the shapes that will be used; a training run would otherwise spend its first epoch at half speed. This
 * runs a step of the caller's choosing (typically one training step of a throwaway model of the real
 * shapes) over and over on a background thread, for instance while the data set loads:
 * <pre>{@code
 * try (KernelWarmUp warmUp = KernelWarmUp.start(step, 200, Duration.ofSeconds(1))) {
 *     data = load();
 *     warmUp.finish();   // lets it complete its rounds, within the time limit
 * }   // stops the warm-up, so it never competes with training
 * }</pre>
 */
public final class KernelWarmUp implements AutoCloseable {
    private final Thread thread;
    private volatile boolean stopped;
    private volatile int completed;

    private KernelWarmUp(Runnable step, int rounds, Duration limit) {
        long end = System.nanoTime() + limit.toNanos();
        thread = new Thread(() -> {
            while (!stopped && completed < rounds && System.nanoTime() < end) {
                try (TensorScope ignored = TensorScope.open()) {
                    step.run();
                }
                completed++;
            }
        }, "kernel-warm-up");
        thread.setDaemon(true);
    }

    /** Starts running {@code step} {@code rounds} times, for at most {@code limit}, on a background thread. */
    public static KernelWarmUp start(Runnable step, int rounds, Duration limit) {
        KernelWarmUp warmUp = new KernelWarmUp(step, rounds, limit);
        warmUp.thread.start();
        return warmUp;
    }

    /** How many rounds of the step have run so far. */
    public int completedRounds() {
        return completed;
    }

    /** Waits until the warm-up has run all its rounds or reached its time limit. */
    public void finish() {
        join();
    }

    /** Stops the warm-up after the round under way and waits for its thread. */
    @Override
    public void close() {
        stopped = true;
        join();
    }

    boolean isRunning() {
        return thread.isAlive();
    }

    private void join() {
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
