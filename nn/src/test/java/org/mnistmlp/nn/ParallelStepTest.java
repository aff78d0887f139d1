package org.mnistmlp.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.mnistmlp.autograd.Kernels;
import org.mnistmlp.autograd.ScalarKernels;
import org.mnistmlp.autograd.Tensor;

/** A step split between the kernels' threads gives the very bits of the one-thread step. */
class ParallelStepTest {
    /** Odd sizes, below and above the size at which the update is split, with a gradient-less one in between. */
    private static final int[] SIZES = {40_003, 7, 16_385, 1, 70_001};
    private static final int NO_GRADIENT = 3;

    @Test
    void everyOptimizerStepsTheSameOnAnyNumberOfThreads() {
        Kernels previous = Kernels.current();
        try {
            for (Map.Entry<String, Function<List<Tensor>, Optimizer>> kind : OptimizerTest.KINDS.entrySet()) {
                List<Tensor> serial = runSteps(kind.getValue(), new ScalarKernels());
                for (int threads = 2; threads <= 4; threads++) {
                    try (Kernels parallel = Kernels.best(threads)) {
                        List<Tensor> split = runSteps(kind.getValue(), parallel);
                        for (int i = 0; i < SIZES.length; i++) {
                            assertArrayEquals(serial.get(i).data(), split.get(i).data(),
                                    kind.getKey() + " on " + threads + " threads, parameter " + i);
                        }
                    }
                }
            }
        } finally {
            Kernels.use(previous);
        }
    }

    /** Three steps (the first differs from the others for momentum) with fresh gradients each, under {@code kernels}. */
    private static List<Tensor> runSteps(Function<List<Tensor>, Optimizer> kind, Kernels kernels) {
        Kernels.use(kernels);
        Random random = new Random(42);
        List<Tensor> params = new ArrayList<>();
        for (int size : SIZES) {
            params.add(Tensor.of(randoms(random, size), size).requiresGrad(true));
        }
        Optimizer optimizer = kind.apply(params);
        for (int step = 0; step < 3; step++) {
            optimizer.zeroGrad();
            Tensor loss = null;
            for (int i = 0; i < SIZES.length; i++) {
                if (i != NO_GRADIENT) {
                    Tensor term = params.get(i).mul(Tensor.of(randoms(random, SIZES[i]), SIZES[i])).sum();
                    loss = loss == null ? term : loss.add(term);
                }
            }
            loss.backward();
            optimizer.step();
        }
        return params;
    }

    private static float[] randoms(Random random, int n) {
        float[] values = new float[n];
        for (int j = 0; j < n; j++) {
            values[j] = (float) random.nextGaussian();
        }
        return values;
    }
}
