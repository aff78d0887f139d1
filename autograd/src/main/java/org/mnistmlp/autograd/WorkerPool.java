package org.mnistmlp.autograd;

import java.util.concurrent.locks.LockSupport;
import java.util.function.IntConsumer;

/**
 * Runs the parts of a kernel on the calling thread and a few long-lived worker threads. A training step
 * calls kernels thousands of times a second, each for well under a millisecond, so hand-off latency
 * matters more than anything else here: idle workers spin briefly before parking, which keeps the
 * hand-off at about a microsecond while work keeps coming, and costs no CPU between epochs.
 */
final class WorkerPool {
    private static final long SPIN_NANOS = 200_000;

    private final Worker[] workers;

    WorkerPool(int threads) {
        workers = new Worker[Math.max(0, threads - 1)];
        for (int i = 0; i < workers.length; i++) {
            workers[i] = new Worker(i + 1);
            workers[i].start();
        }
    }

    int threads() {
        return workers.length + 1;
    }

    /** Runs {@code body.accept(p)} for p in [0, parts), parts ≤ threads(); part 0 on the caller. */
    synchronized void run(int parts, IntConsumer body) {
        for (int p = 1; p < parts; p++) {
            workers[p - 1].post(body);
        }
        Throwable failure = null;
        try {
            body.accept(0);
        } catch (Throwable t) {
            failure = t;
        }
        for (int p = 1; p < parts; p++) {
            Throwable t = workers[p - 1].await();
            if (failure == null) {
                failure = t;
            }
        }
        if (failure instanceof RuntimeException r) {
            throw r;
        } else if (failure instanceof Error e) {
            throw e;
        }
    }

    private static final class Worker extends Thread {
        private final int part;
        private volatile IntConsumer task;
        private volatile long posted;
        private volatile long finished;
        private volatile boolean parked;
        private Throwable failure;

        Worker(int part) {
            super("kernel-worker-" + part);
            this.part = part;
            setDaemon(true);
        }

        void post(IntConsumer body) {
            task = body;
            posted++;
            if (parked) {
                LockSupport.unpark(this);
            }
        }

        Throwable await() {
            long target = posted;
            while (finished != target) {
                Thread.onSpinWait();
            }
            Throwable t = failure;
            failure = null;
            return t;
        }

        @Override
        public void run() {
            long seen = 0;
            while (true) {
                seen = waitForPost(seen);
                try {
                    task.accept(part);
                } catch (Throwable t) {
                    failure = t;
                }
                finished = seen;
            }
        }

        private long waitForPost(long seen) {
            long spinUntil = System.nanoTime() + SPIN_NANOS;
            while (posted == seen) {
                if (System.nanoTime() < spinUntil) {
                    Thread.onSpinWait();
                } else {
                    parked = true;
                    if (posted == seen) {
                        LockSupport.park(this);
                    }
                    parked = false;
                }
            }
            return posted;
        }
    }
}
