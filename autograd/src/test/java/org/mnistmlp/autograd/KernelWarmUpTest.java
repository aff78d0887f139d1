package org.mnistmlp.autograd;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.EnumSet;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The warm-up exercises every kernel and stops when closed. */
class KernelWarmUpTest {

    /** Scalar kernels that note which entry points were called. */
    private static final class Recording extends ScalarKernelsDelegate {
        final Set<String> called = ConcurrentHashMap.newKeySet();
        final Set<Activation> activated = EnumSet.noneOf(Activation.class);

        @Override void note(String what) { called.add(what); }

        @Override
        public synchronized void activate(Activation f, float[] x, float[] y, int n) {
            activated.add(f);
            super.activate(f, x, y, n);
        }
    }

    /** The wait takes milliseconds; the limit only turns a warm-up that never calls the kernels into a failure instead of a hang. */
    @Test
    @Timeout(value = 1, unit = TimeUnit.MINUTES)
    void exercisesEveryKernelUntilClosed() throws InterruptedException {
        Recording kernels = new Recording();
        KernelWarmUp warmUp = KernelWarmUp.start(kernels, Duration.ofMinutes(1));
        while (kernels.called.size() < 4) {
            Thread.sleep(1);
        }
        warmUp.close();
        assertFalse(warmUp.isRunning(), "closing stops the warm-up thread");
        assertTrue(kernels.called.containsAll(Set.of("matmul", "matmulTransA", "matmulTransB", "activateBackward")),
                kernels.called.toString());
        assertTrue(kernels.activated.containsAll(EnumSet.allOf(Activation.class)), kernels.activated.toString());
    }
}
