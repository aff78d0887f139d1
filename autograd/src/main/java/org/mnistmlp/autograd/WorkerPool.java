package org.mnistmlp.autograd;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import java.util.function.IntConsumer;

/**
 * Runs the parts of a kernel on the calling thread and a few long-lived worker threads. A training step
 * calls kernels thousands of times a second, each for well under a millisecond, so hand-off latency
 * matters more than anything else here: idle workers poll briefly before parking, which keeps the
 * hand-off at about a microsecond while work keeps coming, and costs no CPU between epochs. They poll
 * with {@link Thread#yield()}, not a busy spin, so that a thread with work to do (the JIT compiler)
 * gets the core at once: on 2 cores that made epochs 6 to 12 % shorter.
 *
 * <p>Concurrency contract:
 * <ul>
 * <li>{@link #run} may be called from any number of threads at once. One call at a time has the workers;
 *     a call that finds them taken runs all its parts on its own thread, so that two models trained on
 *     two threads never wait for each other.</li>
 * <li>Parts are claimed, not assigned: when the caller has finished a part it takes the next one nobody
 *     has started, so a worker that the operating system has descheduled (a busy shared machine) delays
 *     nothing; the caller only ever waits for parts a worker is running.</li>
 * <li>The parts must write disjoint data. Which thread runs a part never changes its result.</li>
 * <li>{@link #startWhenIdle} hands out one piece of idle work at a time, which workers run piece by piece
 *     when no part of a {@link #run} is left to claim; the caller joins it.</li>
 * <li>{@link #close()} stops and joins the workers; {@link #run} afterwards throws
 *     {@link IllegalStateException}. Close only when no call is in flight.</li>
 * </ul>
 */
final class WorkerPool implements AutoCloseable {
    /** How long an idle worker polls (yielding its core at every check) before it parks. */
    private static final long POLL_NANOS = 200_000;
    private static final int MAX_PARTS = 0xFFFF;
    /** How long a caller spins for the workers' last parts before it starts yielding its core. */
    private static final long AWAIT_SPIN_NANOS = 20_000;
    /** Range starts are multiples of this many floats, one 64-byte cache line. */
    private static final int RANGE_ALIGNMENT = 16;

    private final Worker[] workers;
    private final AtomicBoolean taken = new AtomicBoolean();
    /** The current job: a generation (high 32 bits), its part count (16 bits) and the next unclaimed part (16 bits). */
    private final AtomicLong job = new AtomicLong();
    private final AtomicInteger finished = new AtomicInteger();
    private final AtomicReference<Throwable> failure = new AtomicReference<>();
    private volatile IntConsumer body;
    /** The range job of {@link #runRanges}, read by the parts of {@link #rangePart}. */
    private int rangeLength;
    private int rangeParts;
    private IntRangeConsumer rangeBody;
    private final IntConsumer rangePart = part -> rangeBody.accept(rangeStart(part), rangeStart(part + 1));
    /** The idle work out, or null: see {@link #startWhenIdle}. */
    private final AtomicReference<IdleJob> idleJob = new AtomicReference<>();
    private volatile boolean closed;

    WorkerPool(int threads) {
        if (threads < 1 || threads > MAX_PARTS) {
            throw new IllegalArgumentException("worker pool: thread count must be in 1.." + MAX_PARTS + ", got " + threads);
        }
        workers = new Worker[threads - 1];
        for (int i = 0; i < workers.length; i++) {
            workers[i] = new Worker(i + 1);
            workers[i].start();
        }
    }

    int threads() {
        return workers.length + 1;
    }

    /** Runs {@code body.accept(p)} for every p in [0, parts), parts ≤ threads(), and returns when all have run. */
    void run(int parts, IntConsumer body) {
        requireOpen();
        if (parts <= 1 || !taken.compareAndSet(false, true)) {
            for (int p = 0; p < parts; p++) {
                body.accept(p);
            }
            return;
        }
        try {
            dispatch(parts, body);
        } finally {
            taken.set(false);
        }
    }

    /**
     * Runs {@code body} over [0, n) in {@code parts} contiguous ranges, each starting on a multiple of
     * {@value #RANGE_ALIGNMENT} so that no two threads write one cache line; allocates nothing. There may
     * be more parts than threads (up to 65,535): each thread claims the next one when it is done, so a
     * worker descheduled mid-range holds up only a small part. A caller that finds the workers taken runs
     * [0, n) as one range.
     */
    void runRanges(int n, int parts, IntRangeConsumer body) {
        requireOpen();
        if (parts < 1 || parts > MAX_PARTS) {
            throw new IllegalArgumentException("worker pool: part count must be in 1.." + MAX_PARTS + ", got " + parts);
        }
        if (parts == 1 || !taken.compareAndSet(false, true)) {
            body.accept(0, n);
            return;
        }
        try {
            rangeLength = n;
            rangeParts = parts;
            rangeBody = body;   // all three published by dispatch's write of the job
            dispatch(parts, rangePart);
        } finally {
            rangeBody = null;
            taken.set(false);
        }
    }

    /**
     * Starts {@code body} over [0, n) in pieces of {@code piece} indices, which the workers run when no
     * part of a kernel call is left to claim, going back to kernel work between pieces. The returned
     * work's {@code join()} runs the pieces nobody has started on the caller and waits for the others.
     * With no workers, or while earlier idle work is unfinished, nothing is handed out and all of it runs
     * at {@code join()}.
     */
    IdleWork startWhenIdle(int n, int piece, IntRangeConsumer body) {
        requireOpen();
        if (piece < 1) {
            throw new IllegalArgumentException("idle work needs pieces of at least 1 index, got " + piece);
        }
        IdleJob work = new IdleJob(n, piece, body);
        IdleJob out = idleJob.get();
        if (workers.length > 0 && (out == null || out.finished()) && idleJob.compareAndSet(out, work)) {
            for (Worker w : workers) {
                if (w.parked) {
                    LockSupport.unpark(w);
                }
            }
        }
        return work;
    }

    /** Runs a piece of the idle work out, if one is left to start; returns false when none is left. */
    private boolean runIdlePiece() {
        IdleJob work = idleJob.get();
        return work != null && work.runPiece();
    }

    private boolean idleWorkLeft() {
        IdleJob work = idleJob.get();
        return work != null && work.piecesLeft();
    }

    /** Where range number {@code part} of the current range job starts. */
    private int rangeStart(int part) {
        return part >= rangeParts ? rangeLength : (int) ((long) rangeLength * part / rangeParts) & -RANGE_ALIGNMENT;
    }

    private void requireOpen() {
        if (closed) {
            throw new IllegalStateException("kernels: used after close(); their worker threads have stopped");
        }
    }

    /** Hands {@code parts} parts of {@code body} to the workers and this thread; the caller holds {@link #taken}. */
    private void dispatch(int parts, IntConsumer body) {
        try {
            this.body = body;
            finished.set(0);
            long generation = (job.get() >>> 32) + 1;
            job.set(generation << 32 | (long) parts << 16);   // publishes body: workers read it after claiming
            for (Worker w : workers) {
                if (w.parked) {
                    LockSupport.unpark(w);
                }
            }
            runClaimedParts();
            await(finished, parts);
            rethrow(failure.getAndSet(null));
        } finally {
            this.body = null;
        }
    }

    /**
     * Waits until {@code counter} reaches {@code target}: for the parts or pieces the workers are still
     * running. On a machine with more runnable threads than cores a worker may have been descheduled in the
     * middle of one, and a caller spinning on its core would keep it from running again: after a short spin
     * the caller yields its core at every check.
     */
    private static void await(AtomicInteger counter, int target) {
        long spinUntil = System.nanoTime() + AWAIT_SPIN_NANOS;
        while (counter.get() < target) {
            if (System.nanoTime() < spinUntil) {
                Thread.onSpinWait();
            } else {
                Thread.yield();
            }
        }
    }

    /** Throws what a part or piece threw on another thread, if anything (bodies throw no checked exceptions). */
    private static void rethrow(Throwable t) {
        if (t instanceof RuntimeException r) {
            throw r;
        } else if (t instanceof Error e) {
            throw e;
        }
    }

    /** Claims and runs parts of the current job until none is left; returns whether it ran any. */
    private boolean runClaimedParts() {
        boolean ran = false;
        for (long state = job.get(); ; state = job.get()) {
            int next = (int) (state & 0xFFFF);
            if (next >= (int) (state >>> 16 & 0xFFFF)) {
                return ran;
            }
            if (job.compareAndSet(state, state + 1)) {
                try {
                    body.accept(next);
                } catch (Throwable t) {
                    failure.compareAndSet(null, t);
                }
                finished.incrementAndGet();
                ran = true;
            }
        }
    }

    private boolean workLeft() {
        long state = job.get();
        return (state & 0xFFFF) < (state >>> 16 & 0xFFFF);
    }

    /** Stops the worker threads and waits for them to end. Idempotent. */
    @Override
    public void close() {
        closed = true;
        for (Worker w : workers) {
            LockSupport.unpark(w);
        }
        boolean interrupted = false;
        for (Worker w : workers) {
            while (w.isAlive()) {
                try {
                    w.join();
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private final class Worker extends Thread {
        private volatile boolean parked;

        Worker(int index) {
            super("kernel-worker-" + index);
            setDaemon(true);
        }

        @Override
        public void run() {
            while (!closed) {
                if (!runClaimedParts() && !runIdlePiece()) {
                    idle();
                }
            }
        }

        /** Polls for a while, yielding the core at every check, then parks, until there is work of either kind or the pool closes. */
        private void idle() {
            long pollUntil = System.nanoTime() + POLL_NANOS;
            while (!workLeft() && !idleWorkLeft() && !closed) {
                if (System.nanoTime() < pollUntil) {
                    Thread.yield();
                } else {
                    parked = true;
                    if (!workLeft() && !idleWorkLeft() && !closed) {
                        LockSupport.park(this);
                    }
                    parked = false;
                }
            }
        }
    }

    /** Idle work: pieces claimed in order by whoever comes, the workers or the joining caller. */
    private final class IdleJob implements IdleWork {
        private final int n;
        private final int piece;
        private final int pieces;
        private final IntRangeConsumer body;
        private final AtomicInteger next = new AtomicInteger();
        private final AtomicInteger done = new AtomicInteger();
        private final AtomicReference<Throwable> failure = new AtomicReference<>();

        IdleJob(int n, int piece, IntRangeConsumer body) {
            this.n = n;
            this.piece = piece;
            this.pieces = (int) (((long) n + piece - 1) / piece);
            this.body = body;
        }

        boolean piecesLeft() {
            return next.get() < pieces;
        }

        boolean finished() {
            return done.get() == pieces;
        }

        /** Runs the next piece nobody has started; returns false when none is left (true after losing one to another thread). */
        boolean runPiece() {
            int p = next.get();
            if (p >= pieces || !next.compareAndSet(p, p + 1)) {
                return p < pieces;   // lost the piece to another thread: there may be more
            }
            try {
                body.accept(p * piece, (int) Math.min(n, (long) (p + 1) * piece));
            } catch (Throwable t) {
                failure.compareAndSet(null, t);
            }
            done.incrementAndGet();
            return true;
        }

        @Override
        public void join() {
            while (runPiece()) {
                // the caller takes the pieces no worker has started
            }
            await(done, pieces);
            idleJob.compareAndSet(this, null);
            rethrow(failure.get());
        }
    }
}
