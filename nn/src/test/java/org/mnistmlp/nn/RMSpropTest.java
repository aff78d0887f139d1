package org.mnistmlp.nn;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.mnistmlp.autograd.Tensor;

/**
 * RMSprop against PyTorch's update rule on the two-step example of {@link HandTrace}, with learning
 * rate 0.1 and alpha 0.5 (so that (1 - alpha) is a round 0.5), eps 0 unless said otherwise.
 */
class RMSpropTest {
    private static final float TOLERANCE = 2e-6f;

    private static RMSprop.Builder rmsprop(List<Tensor> params) {
        return RMSprop.builder(params).learningRate(0.1).alpha(0.5).eps(0);
    }

    @Test
    void plain() {
        // step 1: v = 0.5·g1² = [0.125, 0.5];  g/√v = √2 in each place
        //         p1 = [1 - 0.1414214, -2 - 0.1414214] = [0.8585786, -2.1414214]
        // step 2: v = 0.5·v + 0.5·g2² = [0.0625 + 0.125, 0.25 + 2] = [0.1875, 2.25], √v = [0.4330127, 1.5]
        //         p2 = p1 - 0.1·[-0.5/0.4330127, 2/1.5] = [0.8585786 + 0.1154701, -2.1414214 - 0.1333333]
        new HandTrace(params -> rmsprop(params).build())
                .assertTwoSteps(new float[] {0.8585786f, -2.1414214f}, new float[] {0.9740487f, -2.2747547f}, TOLERANCE);
    }

    @Test
    void epsIsAddedToTheRoot() {
        // step 1: √v = [0.3535534, 0.7071068];  p1 = [1 - 0.05/0.6035534, -2 - 0.1/0.9571068] = [0.9171573, -2.1044815]
        // step 2: √v = [0.4330127, 1.5];  p2 = p1 - 0.1·[-0.5/0.6830127, 2/1.75] = [0.9171573 + 0.0732051, -2.1044815 - 0.1142857]
        new HandTrace(params -> rmsprop(params).eps(0.25).build())
                .assertTwoSteps(new float[] {0.9171573f, -2.1044815f}, new float[] {0.9903624f, -2.2187673f}, TOLERANCE);
    }

    @Test
    void centeredSubtractsTheSquaredMeanGradient() {
        // step 1: ḡ = 0.5·g1 = [0.25, 0.5];  ṽ = v - ḡ² = [0.125 - 0.0625, 0.5 - 0.25] = [0.0625, 0.25], √ṽ = [0.25, 0.5]
        //         p1 = p - 0.1·g1/√ṽ = p - 0.1·[2, 2] = [0.8, -2.2]
        // step 2: ḡ = 0.5·ḡ + 0.5·g2 = [-0.125, 1.25];  ṽ = [0.1875 - 0.015625, 2.25 - 1.5625] = [0.171875, 0.6875]
        //         √ṽ = [0.4145781, 0.8291562];  p2 = p1 - 0.1·[-0.5/0.4145781, 2/0.8291562] = [0.8 + 0.1206045, -2.2 - 0.2412091]
        new HandTrace(params -> rmsprop(params).centered(true).build())
                .assertTwoSteps(new float[] {0.8f, -2.2f}, new float[] {0.9206045f, -2.4412091f}, TOLERANCE);
    }

    @Test
    void momentumAccumulatesTheScaledGradient() {
        // centered as above, momentum 0.5:  b1 = g1/√ṽ = [2, 2], p1 = p - 0.1·b1 = [0.8, -2.2]
        // b2 = 0.5·b1 + g2/√ṽ = [1 - 1.2060454, 1 + 2.4120908] = [-0.2060454, 3.4120908];  p2 = p1 - 0.1·b2
        new HandTrace(params -> rmsprop(params).centered(true).momentum(0.5).build())
                .assertTwoSteps(new float[] {0.8f, -2.2f}, new float[] {0.8206045f, -2.5412091f}, TOLERANCE);
    }

    @Test
    void weightDecayEntersTheGradient() {
        // step 1: d = g1 + 0.25·p = [0.75, 0.5];  v = 0.5·d² = [0.28125, 0.125];  d/√v = √2 in each place
        //         p1 = [0.8585786, -2.1414214]
        // step 2: d = g2 + 0.25·p1 = [-0.5 + 0.2146447, 2 - 0.5353553] = [-0.2853553, 1.4646447]
        //         v = 0.5·v + 0.5·d² = [0.1406250 + 0.0407139, 0.0625 + 1.0725920] = [0.1813388, 1.1350920]
        //         √v = [0.4258390, 1.0654070];  p2 = p1 - 0.1·d/√v = [0.8585786 + 0.0670102, -2.1414214 - 0.1374727]
        new HandTrace(params -> rmsprop(params).weightDecay(0.25).build())
                .assertTwoSteps(new float[] {0.8585786f, -2.1414214f}, new float[] {0.9255888f, -2.2788941f}, TOLERANCE);
    }

    @Test
    void invalidSettingsAreRejectedWithTheReason() {
        List<Tensor> params = List.of(Tensor.vector(1f).requiresGrad(true));
        String alpha = assertThrows(IllegalArgumentException.class, () -> RMSprop.builder(params).alpha(1).build()).getMessage();
        assertTrue(alpha.startsWith("RMSprop") && alpha.contains("alpha"), alpha);
        String momentum = assertThrows(IllegalArgumentException.class,
                () -> RMSprop.builder(params).momentum(-0.1).build()).getMessage();
        assertTrue(momentum.contains("momentum"), momentum);
    }
}
