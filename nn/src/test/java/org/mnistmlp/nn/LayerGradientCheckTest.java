package org.mnistmlp.nn;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Supplier;
import org.apache.commons.math3.random.Well19937c;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.mnistmlp.autograd.GradientCheck;
import org.mnistmlp.autograd.NoGrad;
import org.mnistmlp.autograd.ScalarFunction;
import org.mnistmlp.autograd.Tensor;

/** Every layer's backward against finite differences, and the check catching a wrong layer. */
class LayerGradientCheckTest {
    private static final double TOLERANCE = 1e-3;
    /** Keeps ReLU inputs further from the kink than the finite-difference stencil reaches. */
    private static final float KINK_GAP = 0.06f;

    private final Random random = new Random(11);

    private static void assertPasses(String what, Supplier<Tensor> f, Tensor... wrt) {
        GradientCheck.Result r = GradientCheck.check(f, wrt);
        assertTrue(r.passes(TOLERANCE), what + ": " + r);
    }

    static List<String> activations() {
        return Activations.names();
    }

    @Test
    void linearWeightsBiasAndInput() {
        Linear layer = new Linear(5, 4, Init.DEFAULT, new Well19937c(3));
        Tensor x = TestTensors.uniform(random, 2f, 0f, 6, 5);
        assertPasses("Linear(5 → 4)", () -> layer.forward(x), x, layer.weight(), layer.bias());
    }

    @ParameterizedTest
    @MethodSource("activations")
    void activationLayer(String name) {
        Module layer = Activations.byName(name);
        Tensor x = TestTensors.uniform(random, 3f, KINK_GAP, 4, 5);
        assertPasses(layer.toString(), () -> layer.forward(x), x);
    }

    @Test
    void softmax() {
        Softmax layer = new Softmax();
        Tensor x = TestTensors.uniform(random, 3f, 0f, 4, 5);
        assertPasses("Softmax", () -> layer.forward(x), x);
    }

    @Test
    void crossEntropyLoss() {
        CrossEntropyLoss loss = new CrossEntropyLoss();
        Tensor logits = TestTensors.uniform(random, 3f, 0f, 6, 4);
        int[] labels = {0, 3, 1, 1, 2, 3};
        assertPasses("CrossEntropyLoss", () -> loss.forward(logits, labels), logits);
    }

    @ParameterizedTest
    @MethodSource("activations")
    void wholeMlpWithEachActivation(String activation) {
        Tensor x = TestTensors.uniform(random, 2f, 0f, 6, 5);
        Sequential model = mlpAwayFromKinks(activation, x);
        List<Tensor> wrt = new ArrayList<>(model.parameters());
        wrt.add(x);
        assertPasses("MLP 5-7-3 " + activation, () -> model.forward(x), wrt.toArray(Tensor[]::new));
    }

    @Test
    void wholeMlpUnderTheLoss() {
        Tensor x = TestTensors.uniform(random, 2f, 0f, 6, 5);
        Sequential model = mlpAwayFromKinks("relu", x);
        int[] labels = {2, 0, 1, 1, 0, 2};
        CrossEntropyLoss loss = new CrossEntropyLoss();
        assertPasses("MLP 5-7-3 relu + CrossEntropyLoss", () -> loss.forward(model.forward(x), labels),
                model.parameters().toArray(Tensor[]::new));
    }

    /**
     * A 5-7-3 MLP whose hidden pre-activations on {@code x} all lie further than {@link #KINK_GAP}
     * from zero: the first seed from 1 on that gives one, so ReLU's kink stays outside the stencil.
     */
    private static Sequential mlpAwayFromKinks(String activation, Tensor x) {
        for (long seed = 1; ; seed++) {
            Sequential model = Mlp.of(List.of(5, 7, 3), activation, Init.DEFAULT, seed);
            try (NoGrad ignored = NoGrad.enter()) {
                if (GradientCheck.clearOfZero(model.layers().get(0).forward(x), KINK_GAP)) {
                    return model;
                }
            }
        }
    }

    /** Tanh with its derivative's sign flipped: the kind of bug the layer checks exist to catch. */
    private static final class BrokenTanh extends Module {
        private static final ScalarFunction FLIPPED = new ScalarFunction("brokenTanh") {
            @Override protected float value(float x) { return (float) Math.tanh(x); }
            @Override protected float derivative(float x, float y) { return -(1 - y * y); }
        };

        @Override
        public Tensor forward(Tensor x) {
            return x.map(FLIPPED);
        }
    }

    @Test
    void aLayerWithAWrongDerivativeFailsTheCheck() {
        Tensor x = TestTensors.uniform(random, 2f, 0f, 4, 5);
        GradientCheck.Result r = GradientCheck.check(() -> new BrokenTanh().forward(x), x);
        assertFalse(r.passes(TOLERANCE), r.toString());
    }

    @Test
    void aWrongLayerInsideAnMlpFailsTheCheck() {
        Well19937c rng = new Well19937c(5);
        Linear first = new Linear(5, 7, rng);
        Sequential model = new Sequential(first, new BrokenTanh(), new Linear(7, 3, rng));
        Tensor x = TestTensors.uniform(random, 2f, 0f, 6, 5);
        GradientCheck.Result r = GradientCheck.check(() -> model.forward(x), first.weight());
        assertFalse(r.passes(TOLERANCE), r.toString());
    }
}
