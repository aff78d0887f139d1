package org.mnistmlp.autograd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The kernels' worker threads: owned, closed, never leaked, and shared by concurrent callers without waiting. */
class KernelThreadsTest {
    /** A hang guard only: each of these tests finishes in milliseconds unless it deadlocks. */
    private static final Duration HANG_GUARD = Duration.ofMinutes(1);

    private static long liveWorkers() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.isAlive() && t.getName().startsWith("kernel-worker-")).count();
    }

    private static void product(Kernels k) {
        float[] a = new float[64 * 784];
        float[] b = new float[784 * 128];
        k.matmul(a, b, new float[64 * 128], 64, 784, 128, false);
    }

    @Test
    void closingTheKernelsFromBestStopsTheirWorkers() {
        long before = liveWorkers();
        for (int i = 0; i < 5; i++) {
            try (Kernels k = Kernels.best(4)) {
                product(k);
                assertEquals(before + 3, liveWorkers(), "4 threads: the caller and 3 workers");
            }
        }
        assertEquals(before, liveWorkers(), "five closed best(4) leave no worker behind");
    }

    @Test
    void repeatedUseBestKeepsOneSetOfWorkers() {
        Kernels.current();
        try {
            long before = liveWorkers();
            for (int i = 0; i < 5; i++) {
                product(Kernels.useBest(4));
            }
            assertTrue(liveWorkers() <= before + 3, "five useBest(4) leave one pool: " + liveWorkers() + " workers, " + before + " before");
        } finally {
            Kernels.useBest(Runtime.getRuntime().availableProcessors());
        }
    }

    @Test
    void closedKernelsRefuseWorkThatNeedsTheirWorkers() {
        Kernels k = Kernels.best(2);
        k.close();
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> product(k));
        assertTrue(e.getMessage().contains("close"), e.getMessage());
    }

    @Test
    void aCallerFindingTheWorkersBusyRunsAloneInsteadOfWaiting() {
        try (WorkerPool pool = new WorkerPool(2)) {
            assertTimeoutPreemptively(HANG_GUARD, () -> {
                CountDownLatch firstInside = new CountDownLatch(1);
                CountDownLatch release = new CountDownLatch(1);
                Thread first = new Thread(() -> pool.run(2, part -> {
                    if (part == 0) {
                        firstInside.countDown();
                        awaitUninterruptibly(release);
                    }
                }));
                first.start();
                firstInside.await();
                int[] ran = new int[2];
                pool.run(2, part -> ran[part]++);   // would block behind the first call on a serialising pool
                assertEquals(1, ran[0]);
                assertEquals(1, ran[1]);
                release.countDown();
                first.join();
            });
        }
    }

    @Test
    void twoThreadsSharingKernelsBothGetTheReferenceResults() throws Exception {
        try (Kernels k = Kernels.best(2)) {
            ExecutorService two = Executors.newFixedThreadPool(2);
            try {
                Future<?> a = two.submit(() -> KernelAgreement.assertAgreesWithReference(k, new Random(1)));
                Future<?> b = two.submit(() -> KernelAgreement.assertAgreesWithReference(k, new Random(2)));
                assertTimeoutPreemptively(HANG_GUARD, () -> {
                    a.get();
                    b.get();
                });
            } finally {
                two.shutdownNow();
            }
        }
    }

    @Test
    void aFailingPartIsRethrownToTheCaller() {
        try (WorkerPool pool = new WorkerPool(2)) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> pool.run(2, part -> {
                if (part == 1) {
                    throw new IllegalArgumentException("part 1 failed");
                }
            }));
            assertEquals("part 1 failed", e.getMessage());
            int[] ran = new int[2];
            pool.run(2, part -> ran[part]++);
            assertEquals(2, ran[0] + ran[1], "the pool keeps working after a failure");
        }
    }

    @Test
    void parallelForCoversEveryIndexOnceInCacheLineAlignedRanges() {
        for (int threads = 1; threads <= 4; threads++) {
            try (Kernels k = Kernels.best(threads)) {
                for (int n : new int[] {0, 1, 17, 16_383, 32_769, 100_003}) {
                    int[] hits = new int[n];
                    List<int[]> ranges = Collections.synchronizedList(new ArrayList<>());
                    k.parallelFor(n, (from, to) -> {
                        ranges.add(new int[] {from, to});
                        for (int i = from; i < to; i++) {
                            hits[i]++;
                        }
                    });
                    for (int i = 0; i < n; i++) {
                        assertEquals(1, hits[i], threads + " threads, n " + n + ": index " + i);
                    }
                    for (int[] range : ranges) {
                        assertEquals(0, range[0] % 16, threads + " threads, n " + n + ": a range starts inside a cache line");
                    }
                    if (n >= 100_000 && threads > 1 && Kernels.vectorAvailable()) {
                        assertTrue(ranges.size() > 1, n + " elements are split on " + threads + " threads");
                    }
                }
            }
        }
    }

    @Test
    void idleWorkCoversEveryIndexOnceInPiecesOfTheGivenSize() {
        for (int threads = 1; threads <= 3; threads++) {
            try (Kernels k = Kernels.best(threads)) {
                assertIdleWorkCoversEveryIndexOnce(k);
            }
        }
        assertIdleWorkCoversEveryIndexOnce(new ScalarKernels());
    }

    private static void assertIdleWorkCoversEveryIndexOnce(Kernels k) {
        for (int n : new int[] {0, 1, 7, 64, 1001}) {
            for (int piece : new int[] {1, 4, 5000}) {
                int[] hits = new int[n];
                List<int[]> ranges = Collections.synchronizedList(new ArrayList<>());
                k.startWhenIdle(n, piece, (from, to) -> {
                    ranges.add(new int[] {from, to});
                    for (int i = from; i < to; i++) {
                        hits[i]++;
                    }
                }).join();
                String what = k.description() + ", n " + n + ", piece " + piece;
                for (int i = 0; i < n; i++) {
                    assertEquals(1, hits[i], what + ": index " + i);
                }
                for (int[] range : ranges) {
                    assertTrue(range[1] - range[0] <= piece && range[0] % piece == 0, what + ": " + Arrays.toString(range));
                }
            }
        }
    }

    @Test
    void aWorkerDoesIdleWorkWithoutTheCallerJoiningIt() {
        try (WorkerPool pool = new WorkerPool(2)) {
            Set<String> ranOn = ConcurrentHashMap.newKeySet();
            AtomicInteger done = new AtomicInteger();
            IdleWork work = pool.startWhenIdle(10, 2, (from, to) -> {
                ranOn.add(Thread.currentThread().getName());
                done.addAndGet(to - from);
            });
            long deadline = System.nanoTime() + 10_000_000_000L;
            while (done.get() < 10 && System.nanoTime() < deadline) {
                Thread.onSpinWait();
            }
            assertEquals(10, done.get(), "the worker did all of it");
            assertEquals(Set.of("kernel-worker-1"), ranOn);
            work.join();
            assertEquals(10, done.get(), "joining done work runs nothing again");
        }
    }

    @Test
    void idleWorkGivenWhileEarlierWorkIsUnfinishedRunsOnTheCallerAtJoin() {
        try (WorkerPool pool = new WorkerPool(2)) {
            CountDownLatch release = new CountDownLatch(1);
            IdleWork first = pool.startWhenIdle(1, 1, (from, to) -> awaitUninterruptibly(release));
            try {
                List<Thread> ranOn = Collections.synchronizedList(new ArrayList<>());
                IdleWork second = pool.startWhenIdle(3, 1, (from, to) -> ranOn.add(Thread.currentThread()));
                second.join();
                assertEquals(Collections.nCopies(3, Thread.currentThread()), ranOn);
            } finally {
                release.countDown();   // lets the worker go, so that closing the pool cannot hang
            }
            first.join();
        }
    }

    @Test
    void aFailingPieceOfIdleWorkIsRethrownAtJoin() {
        try (WorkerPool pool = new WorkerPool(2)) {
            IdleWork work = pool.startWhenIdle(8, 1, (from, to) -> {
                if (from == 5) {
                    throw new IllegalStateException("piece 5 failed");
                }
            });
            IllegalStateException e = assertThrows(IllegalStateException.class, work::join);
            assertEquals("piece 5 failed", e.getMessage());
            int[] ran = new int[1];
            pool.startWhenIdle(4, 1, (from, to) -> ran[0]++).join();
            assertEquals(4, ran[0], "the pool takes idle work again after a failure");
        }
    }

    @Test
    void idleWorkRefusesPiecesOfNoIndex() {
        for (int threads = 1; threads <= 2; threads++) {
            try (Kernels k = Kernels.best(threads)) {
                assertThrows(IllegalArgumentException.class, () -> k.startWhenIdle(4, 0, (from, to) -> { }));
            }
        }
        assertThrows(IllegalArgumentException.class, () -> new ScalarKernels().startWhenIdle(4, 0, (from, to) -> { }));
    }

    private static void awaitUninterruptibly(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
