package org.mnistmlp.nn;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.apache.commons.math3.random.Well19937c;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.mnistmlp.autograd.GradientCheck;
import org.mnistmlp.autograd.ScalarFunction;
import org.mnistmlp.autograd.Tensor;

/** Every layer's backward against finite differences (the list the gradcheck command runs too), and the check catching a wrong layer. */
class LayerGradientCheckTest {
    private final Random random = new Random(11);

    static Stream<GradientCheck.Case> cases() {
        return LayerGradientChecks.cases().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void backwardMatchesFiniteDifferences(GradientCheck.Case c) {
        GradientCheck.Result r = c.run();
        assertTrue(r.passes(GradientCheck.TOLERANCE), c.name() + ": " + r);
    }

    @Test
    void everyLayerHasACase() {
        List<String> names = LayerGradientChecks.cases().stream().map(GradientCheck.Case::name).toList();
        List<String> layers = new java.util.ArrayList<>(List.of("Linear", "Softmax", "CrossEntropyLoss", "Sequential"));
        for (String activation : Activations.names()) {
            layers.add(Activations.byName(activation).toString());
        }
        for (String layer : layers) {
            assertTrue(names.stream().anyMatch(n -> n.startsWith(layer)), "no gradient check of " + layer + " in " + names);
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
        assertFalse(r.passes(GradientCheck.TOLERANCE), r.toString());
    }

    @Test
    void aWrongLayerInsideAnMlpFailsTheCheck() {
        Well19937c rng = new Well19937c(5);
        Linear first = new Linear(5, 7, rng);
        Sequential model = new Sequential(first, new BrokenTanh(), new Linear(7, 3, rng));
        Tensor x = TestTensors.uniform(random, 2f, 0f, 6, 5);
        GradientCheck.Result r = GradientCheck.check(() -> model.forward(x), first.weight());
        assertFalse(r.passes(GradientCheck.TOLERANCE), r.toString());
    }
}
