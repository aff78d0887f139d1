package org.mnistmlp.nn;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.apache.commons.math3.random.Well19937c;
import org.mnistmlp.autograd.GradientCheck;
import org.mnistmlp.autograd.NoGrad;
import org.mnistmlp.autograd.Tensor;

/**
 * The gradient checks of every layer, the loss and whole MLPs: with {@code OpGradientChecks} of the
 * autograd module, the one list that the tests and the program's {@code gradcheck} command both run.
 * Each case's name starts with the class it checks.
 */
public final class LayerGradientChecks {
    /** Keeps ReLU inputs further from the kink than the finite-difference stencil reaches (2 × 1e-2). */
    private static final float KINK_GAP = 0.06f;

    private LayerGradientChecks() {}

    /** The cases: Linear, every activation layer, Softmax, CrossEntropyLoss, and a 5-7-3 MLP per activation. */
    public static List<GradientCheck.Case> cases() {
        List<GradientCheck.Case> cases = new ArrayList<>();
        cases.add(new GradientCheck.Case("Linear(5 → 4) weight, bias and input", () -> {
            Linear layer = new Linear(5, 4, Init.DEFAULT, new Well19937c(3));
            Tensor x = input("Linear", 2f, 0f, 6, 5);
            return GradientCheck.check(() -> layer.forward(x), x, layer.weight(), layer.bias());
        }));
        for (String name : Activations.names()) {
            Module layer = Activations.byName(name);
            cases.add(layerCase(layer.toString(), layer, 3f, KINK_GAP));
        }
        cases.add(layerCase("Softmax", new Softmax(), 3f, 0f));
        cases.add(new GradientCheck.Case("CrossEntropyLoss", () -> {
            Tensor logits = input("CrossEntropyLoss", 3f, 0f, 6, 4);
            return GradientCheck.check(() -> new CrossEntropyLoss().forward(logits, new int[] {0, 3, 1, 1, 2, 3}), logits);
        }));
        for (String activation : Activations.names()) {
            cases.add(new GradientCheck.Case("Sequential: MLP 5-7-3 " + activation + " and its input", () -> {
                Tensor x = input("MLP " + activation, 2f, 0f, 6, 5);
                Sequential model = mlpAwayFromKinks(activation, x);
                List<Tensor> wrt = new ArrayList<>(model.parameters());
                wrt.add(x);
                return GradientCheck.check(() -> model.forward(x), wrt, GradientCheck.DEFAULT_STEP, GradientCheck.DEFAULT_FLOOR);
            }));
        }
        cases.add(new GradientCheck.Case("Sequential: MLP 5-7-3 relu under CrossEntropyLoss", () -> {
            Tensor x = input("MLP under the loss", 2f, 0f, 6, 5);
            Sequential model = mlpAwayFromKinks("relu", x);
            CrossEntropyLoss loss = new CrossEntropyLoss();
            return GradientCheck.check(() -> loss.forward(model.forward(x), new int[] {2, 0, 1, 1, 0, 2}), model.parameters(),
                    GradientCheck.DEFAULT_STEP, GradientCheck.DEFAULT_FLOOR);
        }));
        return cases;
    }

    private static GradientCheck.Case layerCase(String name, Module layer, float scale, float gap) {
        return new GradientCheck.Case(name, () -> {
            Tensor x = input(name, scale, gap, 4, 5);
            return GradientCheck.check(() -> layer.forward(x), x);
        });
    }

    private static Tensor input(String seed, float scale, float gap, int... shape) {
        return GradientCheck.input(new Random(seed.hashCode()), scale, gap, shape);
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
}
