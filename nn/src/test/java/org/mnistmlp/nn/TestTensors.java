package org.mnistmlp.nn;

import java.util.Random;
import org.mnistmlp.autograd.GradientCheck;
import org.mnistmlp.autograd.Tensor;

/** Random inputs for tests. */
final class TestTensors {
    private TestTensors() {}

    /** Values uniform in ±scale, at least {@code gap} away from zero (ReLU's kink). */
    static Tensor uniform(Random random, float scale, float gap, int... shape) {
        return GradientCheck.input(random, scale, gap, shape);
    }
}
