package org.mnistmlp.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;
import org.apache.commons.math3.random.Well19937c;
import org.junit.jupiter.api.Test;
import org.mnistmlp.autograd.Tensor;
import org.mnistmlp.datasets.Batch;
import org.mnistmlp.datasets.ImageSet;
import org.mnistmlp.datasets.Normalization;
import org.mnistmlp.nn.Linear;
import org.mnistmlp.nn.ReLU;
import org.mnistmlp.nn.SGD;
import org.mnistmlp.nn.Sequential;

class TrainingStepTest {
    private static final double LR = 0.1;

    private static Sequential model() {
        return new Sequential(new Linear(6, 5, new Well19937c(1)), new ReLU(), new Linear(5, 3, new Well19937c(2)));
    }

    private static Batch batch() {
        byte[] pixels = new byte[4 * 6];
        new SplittableRandom(3).nextBytes(pixels);
        ImageSet images = new ImageSet(pixels, new byte[] {0, 2, 1, 2}, 2, 3);
        return images.inOrder(4, new Normalization(0.5f, 0.25f)).iterator().next();
    }

    /** The model's parameters after one plain SGD step worked out here: loss, backward, w − lr·g. */
    private static List<float[]> byHand(Sequential model, Batch batch, double scale) {
        model.forward(batch.images()).crossEntropy(batch.labels()).backward();
        return model.parameters().stream().map(p -> {
            float[] w = p.data().clone();
            float[] g = p.grad().data();
            for (int i = 0; i < w.length; i++) {
                w[i] -= (float) (LR * scale * g[i]);
            }
            return w;
        }).toList();
    }

    @Test
    void aStepIsTheLossGradientsAndTheOptimizersUpdate() {
        Sequential model = model();
        Batch batch = batch();
        List<float[]> expected = byHand(model(), batch, 1);
        double loss = new TrainingStep(model, new SGD(model.parameters(), LR), 0).run(batch);
        assertEquals(model().forward(batch.images()).crossEntropy(batch.labels()).item(), loss, 1e-6);
        for (int i = 0; i < expected.size(); i++) {
            assertArrayEquals(expected.get(i), model.parameters().get(i).data(), 1e-6f);
        }
    }

    @Test
    void clippingScalesTheGradientsToTheGivenGlobalNorm() {
        Sequential reference = model();
        Batch batch = batch();
        reference.forward(batch.images()).crossEntropy(batch.labels()).backward();
        double norm = Math.sqrt(reference.parameters().stream()
                .mapToDouble(p -> { double s = 0; for (float g : p.grad().data()) { s += g * g; } return s; }).sum());
        double clip = norm / 4;
        List<float[]> expected = byHand(model(), batch, clip / norm);
        Sequential model = model();
        new TrainingStep(model, new SGD(model.parameters(), LR), clip).run(batch);
        for (int i = 0; i < expected.size(); i++) {
            assertArrayEquals(expected.get(i), model.parameters().get(i).data(), 1e-6f);
        }
    }

    @Test
    void aLossThatIsNotANumberIsReturnedAndNothingIsUpdated() {
        Sequential model = model();
        Tensor firstWeight = model.parameters().get(0);
        firstWeight.data()[0] = Float.NaN;
        List<float[]> before = model.parameters().stream().map(p -> p.data().clone()).toList();
        double loss = new TrainingStep(model, new SGD(model.parameters(), LR), 0).run(batch());
        assertTrue(Double.isNaN(loss));
        for (int i = 0; i < before.size(); i++) {
            assertArrayEquals(before.get(i), model.parameters().get(i).data());
        }
    }
}
