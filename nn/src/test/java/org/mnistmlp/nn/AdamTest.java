package org.mnistmlp.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.mnistmlp.autograd.Tensor;

/**
 * Adam and AdamW against PyTorch's update rules on the two-step example of {@link HandTrace}, with
 * learning rate 0.1, betas (0.5, 0.75) so that the bias corrections are round numbers, and an eps of
 * 0.25, large enough to show where it enters: added to √v̂, not under the root.
 */
class AdamTest {
    private static final float TOLERANCE = 2e-6f;

    private static Adam.Builder<Adam> adam(List<Tensor> params) {
        return Adam.builder(params).learningRate(0.1).betas(0.5, 0.75).eps(0.25);
    }

    @Test
    void biasCorrectedMomentsWithEpsOutsideTheRoot() {
        // step 1: m = 0.5·g1 = [0.25, 0.5], v = 0.25·g1² = [0.0625, 0.25]
        //         m̂ = m / (1 - 0.5) = [0.5, 1], v̂ = v / (1 - 0.75) = [0.25, 1], √v̂ = [0.5, 1]
        //         p1 = p - 0.1·m̂ / (√v̂ + 0.25) = [1 - 0.05/0.75, -2 - 0.1/1.25] = [0.9333333, -2.08]
        // step 2: m = 0.5·m + 0.5·g2 = [-0.125, 1.25], v = 0.75·v + 0.25·g2² = [0.109375, 1.1875]
        //         m̂ = m / (1 - 0.25) = [-1/6, 5/3], v̂ = v / (1 - 0.5625) = [0.25, 2.7142857], √v̂ = [0.5, 1.6475089]
        //         p2 = p1 - 0.1·[(-1/6)/0.75, (5/3)/1.8975089] = [0.9333333 + 0.0222222, -2.08 - 0.0878345]
        new HandTrace(params -> adam(params).build())
                .assertTwoSteps(new float[] {0.9333333f, -2.08f}, new float[] {0.9555556f, -2.1678345f}, TOLERANCE);
    }

    @Test
    void weightDecayEntersTheGradient() {
        // step 1: d = g1 + 0.5·p = [0.5 + 0.5, 1 - 1] = [1, 0];  m = [0.5, 0], v = [0.25, 0]
        //         m̂ = [1, 0], √v̂ = [1, 0];  p1 = [1 - 0.1·1/1.25, -2 - 0] = [0.92, -2]
        // step 2: d = g2 + 0.5·p1 = [-0.5 + 0.46, 2 - 1] = [-0.04, 1]
        //         m = 0.5·[0.5, 0] + 0.5·d = [0.23, 0.5], v = 0.75·[0.25, 0] + 0.25·d² = [0.1879, 0.25]
        //         m̂ = m / 0.75 = [0.3066667, 0.6666667], v̂ = v / 0.4375 = [0.4294857, 0.5714286], √v̂ = [0.6553516, 0.7559289]
        //         p2 = [0.92 - 0.1·0.3066667/0.9053516, -2 - 0.1·0.6666667/1.0059289] = [0.8861273, -2.0662737]
        new HandTrace(params -> adam(params).weightDecay(0.5).build())
                .assertTwoSteps(new float[] {0.92f, -2f}, new float[] {0.8861273f, -2.0662737f}, TOLERANCE);
    }

    @Test
    void adamWDecaysTheParameterBeforeTheUpdate() {
        // The moments are those of the first test (the decay stays out of the gradient); before each
        // update the parameter shrinks by 1 - 0.1·0.5 = 0.95.
        // step 1: p1 = 0.95·[1, -2] - [0.0666667, 0.08] = [0.8833333, -1.98]
        // step 2: p2 = 0.95·p1 - [-0.0222222, 0.0878345] = [0.8391667 + 0.0222222, -1.881 - 0.0878345]
        new HandTrace(params -> AdamW.builder(params).learningRate(0.1).betas(0.5, 0.75).eps(0.25).weightDecay(0.5).build())
                .assertTwoSteps(new float[] {0.8833333f, -1.98f}, new float[] {0.8613889f, -1.9688345f}, TOLERANCE);
    }

    @Test
    void adamWDefaultsToPyTorchsWeightDecay() {
        // lr 0.1, default weight decay 0.01: the shrink is 1 - 0.001, and with betas (0.5, 0.75), eps 0.25
        // the update of the first test follows: p1 = 0.999·[1, -2] - [0.0666667, 0.08] = [0.9323333, -2.078]
        HandTrace trace = new HandTrace(params -> AdamW.builder(params).learningRate(0.1).betas(0.5, 0.75).eps(0.25).build());
        trace.step(HandTrace.G1);
        assertArrayEquals(new float[] {0.9323333f, -2.078f}, trace.p.data(), TOLERANCE);
    }

    @Test
    void invalidSettingsAreRejectedWithTheReason() {
        HandTrace ok = new HandTrace(params -> adam(params).build());
        String beta = assertThrows(IllegalArgumentException.class,
                () -> Adam.builder(ok.optimizer.params()).betas(0.9, 1.0).build()).getMessage();
        assertTrue(beta.contains("beta2"), beta);
        String eps = assertThrows(IllegalArgumentException.class,
                () -> AdamW.builder(ok.optimizer.params()).eps(-1).build()).getMessage();
        assertTrue(eps.startsWith("AdamW") && eps.contains("eps"), eps);
    }
}
