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

    /** The index of the largest value in each row of a matrix. */
    static int[] argmaxRows(Tensor m) {
        int rows = m.size(0);
        int cols = m.size(1);
        int[] best = new int[rows];
        for (int r = 0; r < rows; r++) {
            for (int c = 1; c < cols; c++) {
                if (m.get(r, c) > m.get(r, best[r])) {
                    best[r] = c;
                }
            }
        }
        return best;
    }
}
