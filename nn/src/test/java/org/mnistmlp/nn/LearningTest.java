package org.mnistmlp.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.function.Function;
import org.apache.commons.math3.random.Well19937c;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.mnistmlp.autograd.NoGrad;
import org.mnistmlp.autograd.Tensor;
import org.mnistmlp.nn.metrics.Metrics;

/** Layers, loss and optimizer together drive small problems' training loss to near zero. */
class LearningTest {
    private static final CrossEntropyLoss LOSS = new CrossEntropyLoss();

    static List<String> activations() {
        return Activations.names();
    }

    /** Full-batch training; returns the final loss. */
    private static float train(Module model, Optimizer optimizer, Tensor x, int[] labels, int steps) {
        float loss = Float.NaN;
        for (int i = 0; i < steps; i++) {
            optimizer.zeroGrad();
            Tensor l = LOSS.forward(model.forward(x), labels);
            l.backward();
            optimizer.step();
            loss = l.item();
        }
        return loss;
    }

    private static int[] predict(Module model, Tensor x) {
        try (NoGrad ignored = NoGrad.enter()) {
            return Metrics.argmax(model.eval().forward(x));
        }
    }

    @ParameterizedTest
    @MethodSource("activations")
    void learnsXor(String activation) {
        Tensor x = Tensor.matrix(new float[][] {{0, 0}, {0, 1}, {1, 0}, {1, 1}});
        int[] labels = {0, 1, 1, 0};
        Sequential model = Mlp.of(List.of(2, 8, 2), activation, Init.XAVIER, 7);
        SGD sgd = SGD.builder(model.parameters()).learningRate(0.5).momentum(0.9).build();
        float initial = LOSS.forward(model.forward(x), labels).item();

        float loss = train(model, sgd, x, labels, 1000);

        assertTrue(initial > 0.5, activation + ": the untrained loss " + initial + " is not already low");
        assertTrue(loss < 0.05, activation + ": final loss " + loss);
        assertArrayEquals(labels, predict(model, x), activation);
    }

    static List<Function<List<Tensor>, Optimizer>> adaptiveOptimizers() {
        return List.of(params -> Adam.builder(params).learningRate(0.05).build(),
                params -> AdamW.builder(params).learningRate(0.05).build(),
                params -> RMSprop.builder(params).learningRate(0.01).centered(true).build());
    }

    @ParameterizedTest
    @MethodSource("adaptiveOptimizers")
    void adaptiveOptimizersLearnXor(Function<List<Tensor>, Optimizer> optimizer) {
        Tensor x = Tensor.matrix(new float[][] {{0, 0}, {0, 1}, {1, 0}, {1, 1}});
        int[] labels = {0, 1, 1, 0};
        Sequential model = Mlp.of(List.of(2, 8, 2), "tanh", Init.XAVIER, 7);
        Optimizer o = optimizer.apply(model.parameters());

        float loss = train(model, o, x, labels, 500);

        assertTrue(loss < 0.05, o.getClass().getSimpleName() + ": final loss " + loss);
        assertArrayEquals(labels, predict(model, x), o.getClass().getSimpleName());
    }

    @Test
    void separatesTwoGaussianBlobs() {
        int n = 100;
        float[] points = new float[2 * n];
        int[] labels = new int[n];
        Well19937c rng = new Well19937c(3);
        for (int i = 0; i < n; i++) {
            labels[i] = i % 2;
            float centre = labels[i] == 0 ? -1.5f : 1.5f;
            points[2 * i] = centre + 0.5f * (float) rng.nextGaussian();
            points[2 * i + 1] = centre + 0.5f * (float) rng.nextGaussian();
        }
        Tensor x = Tensor.of(points, n, 2);
        Sequential model = Mlp.of(List.of(2, 16, 2), "relu", Init.HE, 5);
        SGD sgd = SGD.builder(model.parameters()).learningRate(0.1).momentum(0.9).nesterov(true).build();

        float loss = train(model, sgd, x, labels, 300);

        assertTrue(loss < 0.05, "final loss " + loss);
        assertArrayEquals(labels, predict(model, x));
    }
}
