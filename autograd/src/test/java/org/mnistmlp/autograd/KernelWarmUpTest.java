package org.mnistmlp.autograd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The warm-up runs its step the asked number of times, inside a scope, and stops when closed. */
class KernelWarmUpTest {
    /** A hang guard only: the tests finish in milliseconds unless the warm-up never stops. */
    private static final Duration HANG_GUARD = Duration.ofMinutes(1);

    @Test
    void finishRunsEveryRoundEachInsideATensorScope() {
        AtomicInteger rounds = new AtomicInteger();
        AtomicInteger recycled = new AtomicInteger();
        AtomicReference<float[]> previous = new AtomicReference<>();
        Runnable step = () -> {
            rounds.incrementAndGet();
            if (previous.getAndSet(TensorScope.floats(8)) == previous.get()) {
                recycled.incrementAndGet();   // the last round's scope closed and gave its array back
            }
        };
        assertTimeoutPreemptively(HANG_GUARD, () -> {
            try (KernelWarmUp warmUp = KernelWarmUp.start(step, 7, Duration.ofMinutes(10))) {
                warmUp.finish();
                assertEquals(7, warmUp.completedRounds());
                assertFalse(warmUp.isRunning());
            }
        });
        assertEquals(7, rounds.get());
        assertEquals(6, recycled.get(), "every round after the first reuses the array of the round before");
    }

    /** The wait takes milliseconds; the limit only turns a warm-up that never calls the kernels into a failure instead of a hang. */
    @Test
    void closeStopsAWarmUpThatWouldRunForever() {
        CountDownLatch started = new CountDownLatch(1);
        assertTimeoutPreemptively(HANG_GUARD, () -> {
            KernelWarmUp warmUp = KernelWarmUp.start(started::countDown, Integer.MAX_VALUE, Duration.ofDays(1));
            started.await();
            warmUp.close();
            assertFalse(warmUp.isRunning(), "closing stops the warm-up thread");
            assertTrue(warmUp.completedRounds() >= 1);
        });
    }
}
