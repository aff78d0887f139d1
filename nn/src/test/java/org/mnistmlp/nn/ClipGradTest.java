package org.mnistmlp.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.mnistmlp.autograd.Tensor;

/** Clipping by global norm, against hand-computed values: gradients [3, 0] and [4] have norm 5. */
class ClipGradTest {
    private final Tensor a = Tensor.vector(1f, 1f).requiresGrad(true);
    private final Tensor b = Tensor.vector(1f).requiresGrad(true);

    ClipGradTest() {
        a.mul(Tensor.vector(3f, 0f)).sum().add(b.mul(4f).sum()).backward();
    }

    @Test
    void scalesEveryGradientByTheSameFactor() {
        // √(3² + 0² + 4²) = 5; factor 2 / (5 + 1e-6) = 0.39999992;  [3, 0]·f = [1.1999998, 0], [4]·f = [1.5999997]
        assertEquals(5.0, ClipGrad.clipGradNorm(List.of(a, b), 2), 1e-12);
        assertArrayEquals(new float[] {1.1999998f, 0f}, a.grad().data(), 1e-7f);
        assertArrayEquals(new float[] {1.5999997f}, b.grad().data(), 1e-7f);
    }

    @Test
    void aNormWithinTheLimitIsLeftAlone() {
        assertEquals(5.0, ClipGrad.clipGradNorm(List.of(a, b), 10), 1e-12);
        assertArrayEquals(new float[] {3f, 0f}, a.grad().data());
        assertArrayEquals(new float[] {4f}, b.grad().data());
    }

    @Test
    void aParameterListedTwiceCountsOnceAndOneWithoutGradientIsSkipped() {
        Tensor noGrad = Tensor.vector(7f).requiresGrad(true);
        // Counting a twice would give √(9 + 9 + 16) = 5.83; clipping a twice would scale it by f².
        assertEquals(5.0, ClipGrad.clipGradNorm(List.of(a, b, a, noGrad), 2.5), 1e-12);
        assertArrayEquals(new float[] {1.4999997f, 0f}, a.grad().data(), 2e-7f);   // 3·2.5/(5 + 1e-6), float spacing 1.2e-7
    }

    @Test
    void theLimitMustBePositive() {
        assertThrows(IllegalArgumentException.class, () -> ClipGrad.clipGradNorm(List.of(a), 0));
    }
}
