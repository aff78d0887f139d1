package org.mnistmlp.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.mnistmlp.autograd.Tensor;

/**
 * SGD against PyTorch's update rule on the hand-computed two-step example of {@link HandTrace}, with
 * learning rate 0.5. Every number is a binary fraction, so float arithmetic gives them exactly.
 */
class SGDTest {
    private static final float[] G1 = HandTrace.G1;
    private static final float[] G2 = HandTrace.G2;

    private static void assertTwoSteps(Function<List<Tensor>, Optimizer> sgd, float[] afterFirst, float[] afterSecond) {
        new HandTrace(sgd).assertTwoSteps(afterFirst, afterSecond, 1e-7f);
    }

    @Test
    void plain() {
        // p1 = [1, -2] - 0.5·[0.5, 1] = [0.75, -2.5];  p2 = p1 - 0.5·[-0.5, 2] = [1.0, -3.5]
        assertTwoSteps(params -> new SGD(params, 0.5), new float[] {0.75f, -2.5f}, new float[] {1f, -3.5f});
    }

    @Test
    void momentum() {
        // b1 = g1 = [0.5, 1];  p1 = [1, -2] - 0.5·b1 = [0.75, -2.5]
        // b2 = 0.5·b1 + g2 = [0.25 - 0.5, 0.5 + 2] = [-0.25, 2.5];  p2 = p1 - 0.5·b2 = [0.875, -3.75]
        assertTwoSteps(params -> SGD.builder(params).learningRate(0.5).momentum(0.5).build(),
                new float[] {0.75f, -2.5f}, new float[] {0.875f, -3.75f});
    }

    @Test
    void dampeningSparesTheFirstStep() {
        // b1 = g1 undamped = [0.5, 1];  p1 = [0.75, -2.5]
        // b2 = 0.5·b1 + (1 - 0.5)·g2 = [0.25 - 0.25, 0.5 + 1] = [0, 1.5];  p2 = p1 - 0.5·b2 = [0.75, -3.25]
        assertTwoSteps(params -> SGD.builder(params).learningRate(0.5).momentum(0.5).dampening(0.5).build(),
                new float[] {0.75f, -2.5f}, new float[] {0.75f, -3.25f});
    }

    @Test
    void nesterov() {
        // b1 = g1 = [0.5, 1];  step g = g1 + 0.5·b1 = [0.75, 1.5];  p1 = [1 - 0.375, -2 - 0.75] = [0.625, -2.75]
        // b2 = 0.5·b1 + g2 = [-0.25, 2.5];  step g = g2 + 0.5·b2 = [-0.625, 3.25]
        // p2 = p1 - 0.5·[-0.625, 3.25] = [0.625 + 0.3125, -2.75 - 1.625] = [0.9375, -4.375]
        assertTwoSteps(params -> SGD.builder(params).learningRate(0.5).momentum(0.5).nesterov(true).build(),
                new float[] {0.625f, -2.75f}, new float[] {0.9375f, -4.375f});
    }

    @Test
    void weightDecay() {
        // d1 = g1 + 0.25·[1, -2] = [0.75, 0.5];  p1 = [1 - 0.375, -2 - 0.25] = [0.625, -2.25]
        // d2 = g2 + 0.25·p1 = [-0.5 + 0.15625, 2 - 0.5625] = [-0.34375, 1.4375]
        // p2 = p1 - 0.5·d2 = [0.625 + 0.171875, -2.25 - 0.71875] = [0.796875, -2.96875]
        assertTwoSteps(params -> SGD.builder(params).learningRate(0.5).weightDecay(0.25).build(),
                new float[] {0.625f, -2.25f}, new float[] {0.796875f, -2.96875f});
    }

    @Test
    void weightDecayEntersTheMomentumBuffer() {
        // d1 = [0.75, 0.5] (as above), b1 = d1;  p1 = [0.625, -2.25]
        // d2 = [-0.34375, 1.4375];  b2 = 0.5·b1 + d2 = [0.375 - 0.34375, 0.25 + 1.4375] = [0.03125, 1.6875]
        // p2 = p1 - 0.5·b2 = [0.625 - 0.015625, -2.25 - 0.84375] = [0.609375, -3.09375]
        assertTwoSteps(params -> SGD.builder(params).learningRate(0.5).momentum(0.5).weightDecay(0.25).build(),
                new float[] {0.625f, -2.25f}, new float[] {0.609375f, -3.09375f});
    }

    @Test
    void aNewLearningRateAppliesFromTheNextStep() {
        // p1 = [0.75, -2.5] at 0.5;  then at 0.25: p2 = p1 - 0.25·[-0.5, 2] = [0.875, -3.0]
        HandTrace trace = new HandTrace(params -> new SGD(params, 0.5));
        trace.step(G1);
        trace.optimizer.setLearningRate(0.25);
        assertEquals(0.25, trace.optimizer.learningRate());
        trace.step(G2);
        assertArrayEquals(new float[] {0.875f, -3f}, trace.p.data(), 1e-7f);
    }

    @Test
    void stepRecordsNoGraphAndSkipsParametersWithoutGradient() {
        Tensor untouched = Tensor.vector(3f, 4f).requiresGrad(true);
        HandTrace trace = new HandTrace(params -> SGD.builder(List.of(params.get(0), untouched))
                .learningRate(0.5).momentum(0.9).build());
        trace.step(G1);
        assertArrayEquals(new float[] {3f, 4f}, untouched.data());
        assertNull(untouched.grad());
        assertNull(trace.p.op(), "the parameter is still a leaf");
    }

    private final Tensor p = Tensor.vector(1f, -2f).requiresGrad(true);

    @Test
    void zeroGradClearsTheGradients() {
        SGD sgd = new SGD(List.of(p), 0.5);
        p.mul(Tensor.vector(G1)).sum().backward();
        sgd.zeroGrad();
        assertArrayEquals(new float[] {0f, 0f}, p.grad().data());
    }

    @Test
    void invalidSettingsAreRejectedWithTheReason() {
        String negative = assertThrows(IllegalArgumentException.class, () -> new SGD(List.of(p), -1)).getMessage();
        assertTrue(negative.contains("learning rate"), negative);
        String nesterov = assertThrows(IllegalArgumentException.class,
                () -> SGD.builder(List.of(p)).nesterov(true).build()).getMessage();
        assertTrue(nesterov.contains("Nesterov"), nesterov);
        String dampening = assertThrows(IllegalArgumentException.class,
                () -> SGD.builder(List.of(p)).momentum(0.9).dampening(1.5).build()).getMessage();
        assertTrue(dampening.contains("dampening"), dampening);
        assertThrows(IllegalArgumentException.class, () -> new SGD(List.of(p), 0.1).setLearningRate(Double.NaN));
    }
}
