package org.mnistmlp.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.List;
import java.util.function.Function;
import org.mnistmlp.autograd.Tensor;

/**
 * The two-step example the optimizer tests trace by hand: a parameter p = [1, -2] with gradient
 * g1 = [0.5, 1] on the first step and g2 = [-0.5, 2] on the second.
 */
final class HandTrace {
    static final float[] G1 = {0.5f, 1f};
    static final float[] G2 = {-0.5f, 2f};

    final Tensor p = Tensor.vector(1f, -2f).requiresGrad(true);
    final Optimizer optimizer;

    /** An optimizer over p, made by {@code factory}. */
    HandTrace(Function<List<Tensor>, Optimizer> factory) {
        optimizer = factory.apply(List.of(p));
    }

    /** Gives p the gradient {@code g} (loss = Σ g·p) and takes one step. */
    void step(float[] g) {
        optimizer.zeroGrad();
        p.mul(Tensor.vector(g)).sum().backward();
        optimizer.step();
    }

    /** Takes the two steps, checking p after each within {@code tolerance}. */
    void assertTwoSteps(float[] afterFirst, float[] afterSecond, float tolerance) {
        step(G1);
        assertArrayEquals(afterFirst, p.data(), tolerance, "after step 1");
        step(G2);
        assertArrayEquals(afterSecond, p.data(), tolerance, "after step 2");
    }
}
